// The content script's view of the extension API. It needs only runtime.sendMessage, runtime.id and
// storage.onChanged, which Chrome (MV3, `chrome`) and Firefox (`browser`) both provide natively with
// promises; so the content bundle does not carry webextension-polyfill (10 KB of its 40 KB budget)
// into every page. Extension pages and the worker use src/platform/browser.ts.
type Listener = (changes: Record<string, unknown>, area: string) => void;

interface ContentApi {
  runtime: { id?: string; sendMessage(message: unknown): Promise<unknown> };
  storage: { onChanged: { addListener(fn: Listener): void; removeListener(fn: Listener): void } };
}

function api(): ContentApi | undefined {
  const g = globalThis as { browser?: ContentApi; chrome?: ContentApi };
  return g.browser?.runtime ? g.browser : g.chrome;
}

/** False once the extension was updated, reloaded or removed: this script is then an orphan. */
export function contextAlive(): boolean {
  try {
    return Boolean(api()?.runtime?.id);
  } catch {
    return false;
  }
}

export function sendMessage(message: unknown): Promise<unknown> {
  const a = api();
  if (!a) return Promise.reject(new Error('Extension context invalidated.'));
  return a.runtime.sendMessage(message);
}

export function onStorageChanged(fn: Listener): () => void {
  try {
    api()?.storage.onChanged.addListener(fn);
  } catch {
    return () => undefined;
  }
  return () => {
    try {
      api()?.storage.onChanged.removeListener(fn);
    } catch {
      /* gone with the context */
    }
  };
}
