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

const str = (x: unknown): x is string => typeof x === 'string';
const offset = (x: unknown, max: number): x is number => Number.isInteger(x) && (x as number) >= 0 && (x as number) <= max;

/**
 * Each finding is checked before the page UI uses it (spans inside the draft, known severities,
 * text fields that are strings): the content script runs inside someone else's page, and nothing
 * that crosses into it is taken on trust. A finding that fails is dropped, never shown half-right.
 */
function isFinding(f: unknown, textLength: number): f is Finding {
  const x = f as Finding | null;
  if (!x || !str(x.rule) || !str(x.message) || !str(x.excerpt)) return false;
  if (x.severity !== 'info' && x.severity !== 'warn' && x.severity !== 'block') return false;
  if (!offset(x.start, textLength) || !offset(x.end, textLength) || x.end < x.start) return false;
  const p = x.policy as { id?: unknown; section?: unknown; quote?: unknown; title?: unknown } | null;
  if (!p || !str(p.id) || !str(p.section) || !str(p.quote) || (p.title !== undefined && !str(p.title))) return false;
  if (x.fix !== undefined) {
    const fx = x.fix as { label?: unknown; start?: unknown; end?: unknown; replacement?: unknown } | null;
    if (!fx || !str(fx.label) || !str(fx.replacement) || !offset(fx.start, textLength) || !offset(fx.end, textLength)) return false;
  }
  return true;
}

export async function check(seq: number, text: string, site: Site, media: boolean): Promise<Checked> {
  const answer = await send({ kind: 'check', seq, text, site, media });
  if (!isChecked(answer)) {
    const error = (answer as { error?: unknown } | null)?.error;
    throw new Error(typeof error === 'string' ? error : 'unexpected answer from PostCheck');
  }
  return { ...answer, findings: answer.findings.filter((f) => isFinding(f, text.length)) };
}

export type Outcome = OutcomeReport['outcome'];

/** Fire and forget: a count for the school's statistics (when it has them on). No text. */
export function report(outcome: Outcome, rules: readonly string[]): void {
  send({ kind: 'outcome', outcome, rules: [...new Set(rules)].slice(0, 40) }).catch(() => undefined);
}

export function alive(): boolean {
  return contextAlive();
}
