// The pages' one client for the background: every request goes through `send`, typed by kind.
import browser from '../platform/browser.js';
import type { CheckedResponse, CheckedWire, PageRequest, SavedResponse, StateResponse, StatsResponse } from '../shared/protocol.js';
import { fromWire, MAX_PART, randomHex, splitDraft } from '../shared/wire.js';

interface Responses {
  check: CheckedResponse;
  'check-part': { kind: 'ok' };
  outcome: { kind: 'ok' };
  'get-state': StateResponse;
  'save-user-config': SavedResponse;
  'get-stats': StatsResponse;
  'reset-stats': StatsResponse;
  'popup-checked': { kind: 'ok' };
}

export async function send<R extends PageRequest>(req: R): Promise<Responses[R['kind']]> {
  // a long draft goes in parts (shared/wire.ts)
  if (req.kind === 'check' && req.text.length > MAX_PART) {
    const { parts, last } = splitDraft(req.text, randomHex);
    for (const part of parts) await send(part);
    return send({ ...req, ...last });
  }
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
  // an answer's findings point into its list of cited clauses: look them up
  if (r.kind === 'checked') return fromWire(res as CheckedWire) as Responses[R['kind']];
  return res as Responses[R['kind']];
}

/** Calls `fn` whenever the configuration changes (the background bumps `configVersion`). */
export function onConfigChange(fn: () => void): void {
  browser.storage.onChanged.addListener((changes, area) => {
    if (area === 'local' && 'configVersion' in changes) fn();
  });
}
