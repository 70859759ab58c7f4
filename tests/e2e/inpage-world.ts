/**
 * What PostCheck drew, read the only way it can be read: from the content script's isolated world
 * (through CDP), where `chrome.dom.openOrClosedShadowRoot` opens PostCheck's closed shadow root.
 * The page's own scripts have no such way in (tests/e2e/page-attacker.test.ts checks that).
 * Clicks on PostCheck's UI are real mouse input at the element's position (`page.mouse`), so they
 * are trusted events, as a person's are.
 */
import { expect } from 'vitest';
import type { CDPSession, Page } from 'playwright-core';
import { marksUnderBoxes, openScopes, type Marked } from './marks.mjs';

interface ContextInfo {
  id: number;
  origin: string;
  auxData?: { isDefault?: boolean; frameId?: string; type?: string };
}

interface World {
  cdp: CDPSession;
  contexts: ContextInfo[];
  mainFrame: string;
}

const worlds = new WeakMap<Page, Promise<World>>();

function world(page: Page): Promise<World> {
  let w = worlds.get(page);
  if (!w) {
    w = (async () => {
      const cdp = await page.context().newCDPSession(page);
      const contexts: ContextInfo[] = [];
      cdp.on('Runtime.executionContextCreated', (e: { context: ContextInfo }) => contexts.push(e.context));
      cdp.on('Runtime.executionContextDestroyed', (e: { executionContextId: number }) => {
        const i = contexts.findIndex((c) => c.id === e.executionContextId);
        if (i >= 0) contexts.splice(i, 1);
      });
      cdp.on('Runtime.executionContextsCleared', () => contexts.splice(0));
      const tree = (await cdp.send('Page.getFrameTree')) as { frameTree: { frame: { id: string } } };
      await cdp.send('Runtime.enable');
      return { cdp, contexts, mainFrame: tree.frameTree.frame.id };
    })();
    worlds.set(page, w);
  }
  return w;
}

/**
 * Runs `fn(arg)` in the newest PostCheck content-script world of the page's main frame (after an
 * extension update there are two: the orphaned script's and the new one's). `fn` must be
 * self-contained (it is sent as source). The UI helpers below are defined for it.
 */
export async function inContentWorld<A, R>(page: Page, fn: (arg: A) => R | Promise<R>, arg: A): Promise<R> {
  const w = await world(page);
  const deadline = Date.now() + 10_000;
  for (;;) {
    const ctx = w.contexts.filter((c) => c.origin.startsWith('chrome-extension://') && c.auxData?.frameId === w.mainFrame && c.auxData?.isDefault === false).at(-1);
    if (ctx) {
      const expression = `(() => { ${PRELUDE}; return (${fn.toString()})(${JSON.stringify(arg)}); })()`;
      const r = (await w.cdp.send('Runtime.evaluate', { expression, contextId: ctx.id, returnByValue: true, awaitPromise: true })) as {
        result: { value?: R };
        exceptionDetails?: { exception?: { description?: string }; text: string };
      };
      if (r.exceptionDetails) throw new Error(`in the content script's world: ${r.exceptionDetails.exception?.description ?? r.exceptionDetails.text}`);
      return r.result.value as R;
    }
    if (Date.now() > deadline) throw new Error('PostCheck’s content script is not running in this page');
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Functions available to every `inContentWorld` function (declared for TypeScript below). */
const PRELUDE = `
const scopes = ${openScopes.toString()};
const drawnMarksIn = ${marksUnderBoxes.toString()};
function pcRoot() {
  // an orphaned content script's world (after an update) has no chrome.dom any more: the root found
  // while it had one is kept on the world's global
  try {
    const known = globalThis.__pcTestRoot;
    if (known && known.host.isConnected && chrome.dom.openOrClosedShadowRoot(known.host) === known) return known;
    // on <html>, or inside a site's open modal dialog (host.ts followModal)
    for (const scope of scopes()) {
      const dialogs = [...scope.querySelectorAll('dialog')].flatMap((d) => [...d.children]);
      for (const el of scope === document ? [...document.documentElement.children, ...dialogs] : dialogs) {
        const r = chrome.dom.openOrClosedShadowRoot(el);
        if (r && [...r.children].some((c) => c.classList.contains('pc'))) return (globalThis.__pcTestRoot = r);
      }
    }
    return null;
  } catch {
    return globalThis.__pcTestRoot && globalThis.__pcTestRoot.host.isConnected ? globalThis.__pcTestRoot : null;
  }
}
function shown(el) {
  let s = el.getAttribute('data-t') || '';
  for (const c of el.children) s += shown(c);
  return s;
}
function label(el) { return el.getAttribute('aria-label') || shown(el); }
function resolve(steps) {
  const root = pcRoot();
  if (!root) return [];
  let els = [root];
  for (const s of steps) {
    if (s.css) els = els.flatMap((e) => [...e.querySelectorAll(s.css)]);
    if (s.button !== undefined) els = els.flatMap((e) => [...e.querySelectorAll('button')]).filter((b) => label(b) === s.button);
    if (s.nth !== undefined) els = els[s.nth] ? [els[s.nth]] : [];
    els = els.filter((e) => !e.closest('[hidden]'));
  }
  return els;
}
`;

declare function pcRoot(): ShadowRoot | null;
declare function scopes(): Array<Document | ShadowRoot>;
declare function drawnMarksIn(root: ShadowRoot | null, scopes: Array<Document | ShadowRoot>): Marked[];
declare function shown(el: Element): string;
declare function resolve(steps: Step[]): Element[];

interface Step {
  css?: string;
  button?: string;
  nth?: number;
}

/** A query into PostCheck's closed UI, in the spirit of a Playwright Locator (a small subset). */
export class UiLocator {
  constructor(private readonly page: Page, private readonly steps: Step[]) {}

  locator(css: string): UiLocator {
    return new UiLocator(this.page, [...this.steps, { css }]);
  }

  /** A button by its label (aria-label or the words it shows). */
  button(name: string): UiLocator {
    return new UiLocator(this.page, [...this.steps, { button: name }]);
  }

  nth(i: number): UiLocator {
    return new UiLocator(this.page, [...this.steps, { nth: i }]);
  }

  count(): Promise<number> {
    return inContentWorld(this.page, (steps) => resolve(steps).length, this.steps);
  }

  async waitFor(timeout = 10_000): Promise<void> {
    await expect.poll(() => this.count(), { timeout, message: `PostCheck UI ${JSON.stringify(this.steps)}` }).toBeGreaterThan(0);
  }

  getAttribute(name: string): Promise<string | null> {
    return inContentWorld(this.page, ([steps, n]) => resolve(steps)[0]?.getAttribute(n) ?? null, [this.steps, name] as const);
  }

  /** The words the first match shows. */
  text(): Promise<string | null> {
    return inContentWorld(this.page, (steps) => {
      const el = resolve(steps)[0];
      return el ? shown(el) : null;
    }, this.steps);
  }

  /** Centre of the first match in viewport coordinates, after scrolling it into view in its panel. */
  box(): Promise<{ x: number; y: number; width: number; height: number } | null> {
    return inContentWorld(this.page, (steps) => {
      const el = resolve(steps)[0];
      if (!el) return null;
      el.scrollIntoView({ block: 'nearest' });
      const r = el.getBoundingClientRect();
      return { x: r.left, y: r.top, width: r.width, height: r.height };
    }, this.steps);
  }

  /**
   * A real mouse click at the element (a trusted event, as a person's), once it has stopped moving:
   * PostCheck places its UI on the animation frame after the UI changes (a dismissed finding shrinks
   * the panel), so on a loaded machine a box read straight after one click can be where the next
   * button was a frame ago, and the click lands on nothing (a full-suite run dismissed one finding of two).
   */
  async click(): Promise<void> {
    await this.waitFor();
    let b = await this.box();
    for (let frame = 0; frame < 20; frame++) {
      await this.page.evaluate(() => new Promise((done) => requestAnimationFrame(() => done(null))));
      const now = await this.box();
      const still = !!b && !!now && now.x === b.x && now.y === b.y && now.width === b.width && now.height === b.height;
      b = now;
      if (still) break;
    }
    if (!b || b.width === 0) throw new Error(`PostCheck UI ${JSON.stringify(this.steps)} is not drawn`);
    await this.page.mouse.click(b.x + b.width / 2, b.y + b.height / 2);
  }
}

/** PostCheck's UI in this page. */
export function pcUi(page: Page, css: string): UiLocator {
  return new UiLocator(page, [{ css }]);
}

/** The words of the element focused inside PostCheck's UI, or its class when it shows none. */
export function uiFocused(page: Page): Promise<string | null> {
  return inContentWorld(page, () => {
    const a = pcRoot()?.activeElement;
    return a ? shown(a) || a.getAttribute('aria-label') || a.className : null;
  }, null);
}

export type { Marked };

/**
 * The words PostCheck marks, found by geometry (tests/e2e/marks.mjs): the characters of every
 * editor on the page under a drawn mark box; a textarea's marks are read from its mirror.
 */
export function drawnMarks(page: Page): Promise<Marked[]> {
  return inContentWorld(page, () => drawnMarksIn(pcRoot(), scopes()), null);
}
