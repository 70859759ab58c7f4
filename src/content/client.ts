// The content script's one channel to the background worker. It only asks for checks and reports
// outcomes as counts (the protocol allows nothing else). A worker that was stopped wakes for the
// message; one that is starting may not be listening yet ("Receiving end does not exist"), so that
// is retried once. When the extension has been updated or removed the context is gone: ContextGone
// tells the caller to take everything down quietly.
import type { Finding, Severity, Site } from '../engine/types.js';
import { contextAlive, sendMessage } from './runtime.js';
import type { CheckRequest, OutcomeReport } from '../shared/protocol.js';

export type Enforcement = 'advise' | 'confirm' | 'block';

export interface Checked {
  kind: 'checked';
  seq: number;
  enabled: boolean;
  findings: Finding[];
  worst: Severity | null;
  enforcement: Enforcement;
  disclaimer: string;
}

export class ContextGone extends Error {
  constructor() {
    super('extension context invalidated');
  }
}

const GONE = /context invalidated|extension context/i;
const NOT_LISTENING = /receiving end does not exist|could not establish connection/i;

async function send(message: CheckRequest | OutcomeReport): Promise<unknown> {
  for (let attempt = 0; ; attempt++) {
    if (!contextAlive()) throw new ContextGone();
    try {
      return await sendMessage(message);
    } catch (e) {
      const text = e instanceof Error ? e.message : String(e);
      if (GONE.test(text) || !contextAlive()) throw new ContextGone();
      if (attempt === 0 && NOT_LISTENING.test(text)) {
        await new Promise((r) => setTimeout(r, 100));
        continue;
      }
      throw e;
    }
  }
}

function isChecked(v: unknown): v is Checked {
  const c = v as Checked | null;
  return !!c && c.kind === 'checked' && typeof c.seq === 'number' && typeof c.enabled === 'boolean' && Array.isArray(c.findings) &&
    (c.enforcement === 'advise' || c.enforcement === 'confirm' || c.enforcement === 'block');
}

export async function check(seq: number, text: string, site: Site, media: boolean): Promise<Checked> {
  const answer = await send({ kind: 'check', seq, text, site, media });
  if (!isChecked(answer)) {
    const error = (answer as { error?: unknown } | null)?.error;
    throw new Error(typeof error === 'string' ? error : 'unexpected answer from PostCheck');
  }
  return answer;
}

export type Outcome = OutcomeReport['outcome'];

/** Fire and forget: a count for the school's statistics (when it has them on). No text. */
export function report(outcome: Outcome, rules: readonly string[]): void {
  send({ kind: 'outcome', outcome, rules: [...new Set(rules)].slice(0, 40) }).catch(() => undefined);
}

export function alive(): boolean {
  return contextAlive();
}
