// PostCheck's content-script world on a site page, reached through CDP as the security audit did
// (finding 8): the isolated world shares a renderer process with the site, so whatever it can read,
// a compromised renderer can read. Used to show that the roster is not among it.
import type { CDPSession, Page } from 'playwright-core';

interface ExecutionContext {
  id: number;
  origin: string;
  name: string;
  auxData?: { type?: string; isDefault?: boolean };
}

export interface IsolatedWorld {
  /** Evaluates an expression in the content script's world (promises awaited, result by value). */
  evaluate<T>(expression: string): Promise<T>;
  detach(): Promise<void>;
}

export async function contentScriptWorld(page: Page): Promise<IsolatedWorld> {
  const cdp: CDPSession = await page.context().newCDPSession(page);
  const contexts: ExecutionContext[] = [];
  cdp.on('Runtime.executionContextCreated', (e: { context: ExecutionContext }) => contexts.push(e.context));
  await cdp.send('Runtime.enable');
  const end = Date.now() + 10_000;
  let ctx: ExecutionContext | undefined;
  while (!(ctx = contexts.find((c) => c.auxData?.type === 'isolated' && c.origin.startsWith('chrome-extension://')))) {
    if (Date.now() > end) throw new Error(`no PostCheck content-script world on ${page.url()} (contexts: ${contexts.map((c) => `${c.name || '-'}@${c.origin}`).join(', ')})`);
    await new Promise((r) => setTimeout(r, 50));
  }
  const contextId = ctx.id;
  return {
    async evaluate<T>(expression: string): Promise<T> {
      const r = (await cdp.send('Runtime.evaluate', { expression, contextId, awaitPromise: true, returnByValue: true })) as {
        result: { value?: unknown };
        exceptionDetails?: { text: string; exception?: { description?: string } };
      };
      if (r.exceptionDetails) throw new Error(`in the content-script world: ${r.exceptionDetails.exception?.description ?? r.exceptionDetails.text}`);
      return r.result.value as T;
    },
    detach: () => cdp.detach(),
  };
}
