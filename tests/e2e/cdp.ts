/**
 * The DevTools protocol at browser level, for the e2e tests: a second client on the browser's
 * remote-debugging port (harness.ts launches Chromium with one), in flat session mode, so one
 * connection can auto-attach to every target as it starts — pages, frames in other processes,
 * dedicated, shared and service workers, extension pages — paused until the test is ready for it.
 * Playwright's own CDP sessions cannot do that: at browser level Chromium allows auto-attach in
 * flat mode only, and Playwright's sessions do not carry other sessions' messages.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import WebSocket from 'ws';

type Params = Record<string, unknown>;
type Listener = (params: any, sessionId: string | undefined) => void;

export interface TargetInfo {
  targetId: string;
  type: string;
  url: string;
}

export interface Attached {
  sessionId: string;
  targetInfo: TargetInfo;
  waitingForDebugger: boolean;
}

export class Cdp {
  private next = 1;
  private readonly waiting = new Map<number, { resolve: (v: any) => void; reject: (e: Error) => void; method: string }>();
  private readonly listeners = new Map<string, Listener[]>();

  private constructor(private readonly ws: WebSocket) {
    ws.on('message', (data) => {
      const m = JSON.parse(String(data)) as { id?: number; method?: string; params?: unknown; result?: unknown; error?: { message: string }; sessionId?: string };
      if (m.id !== undefined) {
        const w = this.waiting.get(m.id);
        this.waiting.delete(m.id);
        if (m.error) w?.reject(new Error(`${w.method}: ${m.error.message}`));
        else w?.resolve(m.result);
      } else if (m.method) for (const fn of this.listeners.get(m.method) ?? []) fn(m.params, m.sessionId);
    });
    ws.on('close', () => {
      for (const w of this.waiting.values()) w.reject(new Error(`${w.method}: the browser closed`));
      this.waiting.clear();
    });
  }

  /** Connects to the browser whose profile is `userDataDir` (its DevToolsActivePort file). */
  static async connect(userDataDir: string, timeoutMs = 30_000): Promise<Cdp> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const lines = (await readFile(join(userDataDir, 'DevToolsActivePort'), 'utf8').catch(() => '')).split('\n');
      if (lines[0] && lines[1]) {
        const ws = new WebSocket(`ws://127.0.0.1:${lines[0].trim()}${lines[1].trim()}`, { perMessageDeflate: false });
        await new Promise<void>((resolve, reject) => {
          ws.once('open', () => resolve());
          ws.once('error', reject);
        });
        return new Cdp(ws);
      }
      if (Date.now() > deadline) throw new Error('the browser did not open its DevTools port');
      await new Promise((r) => setTimeout(r, 50));
    }
  }

  /** A command to the browser, or with `sessionId` to that attached target. */
  send<T = any>(method: string, params: Params = {}, sessionId?: string): Promise<T> {
    if (this.ws.readyState !== WebSocket.OPEN) return Promise.reject(new Error(`${method}: not connected`));
    const id = this.next++;
    return new Promise<T>((resolve, reject) => {
      this.waiting.set(id, { resolve, reject, method });
      this.ws.send(JSON.stringify({ id, method, params, ...(sessionId ? { sessionId } : {}) }));
    });
  }

  on(method: string, fn: Listener): () => void {
    this.listeners.set(method, [...(this.listeners.get(method) ?? []), fn]);
    return () => this.listeners.set(method, (this.listeners.get(method) ?? []).filter((f) => f !== fn));
  }

  async targets(): Promise<TargetInfo[]> {
    return (await this.send<{ targetInfos: TargetInfo[] }>('Target.getTargets')).targetInfos;
  }

  /** The extension's service worker target (the newest, if one is starting). */
  async serviceWorker(extensionId: string): Promise<TargetInfo | undefined> {
    return (await this.targets()).filter((t) => t.type === 'service_worker' && t.url.startsWith(`chrome-extension://${extensionId}/`)).at(-1);
  }

  /** A flat session on one target. */
  async attach(target: TargetInfo): Promise<string> {
    return (await this.send<{ sessionId: string }>('Target.attachToTarget', { targetId: target.targetId, flatten: true })).sessionId;
  }

  async close(): Promise<void> {
    this.ws.close();
  }
}
