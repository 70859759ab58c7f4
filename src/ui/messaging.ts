// The pages' one client for the background: every request goes through `send`, typed by kind.
import browser from '../platform/browser.js';
import type { CheckedResponse, PageRequest, SavedResponse, StateResponse, StatsResponse } from '../shared/protocol.js';

interface Responses {
  check: CheckedResponse;
  outcome: { kind: 'ok' };
  'get-state': StateResponse;
  'save-user-config': SavedResponse;
  'get-stats': StatsResponse;
  'reset-stats': StatsResponse;
  'popup-checked': { kind: 'ok' };
}

export async function send<R extends PageRequest>(req: R): Promise<Responses[R['kind']]> {
  // the service worker may be starting: one retry covers "Receiving end does not exist"
  let res: unknown;
  try {
    res = await browser.runtime.sendMessage(req);
  } catch {
    await new Promise((r) => setTimeout(r, 150));
    res = await browser.runtime.sendMessage(req);
  }
  const r = res as { kind?: string; error?: string } | undefined;
  if (!r || r.kind === 'error') throw new Error(r?.error ?? 'no answer from PostCheck’s background worker');
  return res as Responses[R['kind']];
}

/** Calls `fn` whenever the configuration changes (the background bumps `configVersion`). */
export function onConfigChange(fn: () => void): void {
  browser.storage.onChanged.addListener((changes, area) => {
    if (area === 'local' && 'configVersion' in changes) fn();
  });
}
