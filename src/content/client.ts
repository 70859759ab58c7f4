// The content script's one channel to the background worker. It only asks for checks and reports
// outcomes as counts (the protocol allows nothing else). A worker that was stopped wakes for the
// message; one that is starting may not be listening yet ("Receiving end does not exist"), and one
// stopped while it was answering closes the message's port: both are retried, twice. A check that
// gets no answer within CHECK_TIMEOUT_MS fails (the caller holds a post it could not check). When
// the extension has been updated or removed the context is gone: ContextGone tells the caller.
import type { Citation, Site } from '../engine/types.js';
import { contextAlive, sendMessage } from './runtime.js';
import type { CheckPart, CheckRequest, OutcomeReport } from '../shared/protocol.js';
import { fromWire, randomHex, splitDraft, type CheckedResponse, type CheckedWire, type WireFinding } from '../shared/wire.js';

export type Enforcement = 'advise' | 'confirm' | 'block';

export type Checked = CheckedResponse;

export class ContextGone extends Error {
  constructor() {
    super('extension context invalidated');
  }
}

const GONE = /context invalidated|extension context/i;
/** the worker was not listening yet, or stopped before it answered */
const TRANSIENT = /receiving end does not exist|could not establish connection|message port closed|message channel closed|no response/i;
const RETRY_DELAYS_MS = [100, 400];
/** Well beyond the longest check measured (bench/engine.mjs); only a stuck worker takes this long. */
export const CHECK_TIMEOUT_MS = 20_000;

class Timeout extends Error {
  constructor() {
    super('PostCheck’s background worker did not answer');
  }
}

function withTimeout<T>(p: Promise<T>, ms: number): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  return Promise.race([p, new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Timeout()), ms)))]).finally(() => clearTimeout(timer));
}

async function send(message: CheckRequest | CheckPart | OutcomeReport): Promise<unknown> {
  for (let attempt = 0; ; attempt++) {
    if (!contextAlive()) throw new ContextGone();
    try {
      const answer = await withTimeout(sendMessage(message), CHECK_TIMEOUT_MS);
      // Chrome answers undefined when the worker was stopped before it replied (every handler
      // replies with an object)
      if (answer === undefined) throw new Error('no response from PostCheck’s background worker');
      return answer;
    } catch (e) {
      const text = e instanceof Error ? e.message : String(e);
      if (GONE.test(text) || !contextAlive()) throw new ContextGone();
      const delay = RETRY_DELAYS_MS[attempt];
      if (delay !== undefined && TRANSIENT.test(text)) {
        await new Promise((r) => setTimeout(r, delay));
        continue;
      }
      throw e;
    }
  }
}

const str = (x: unknown): x is string => typeof x === 'string';
const optStr = (x: unknown) => x === undefined || str(x);
const count = (x: unknown): x is number => Number.isInteger(x) && (x as number) >= 0;
const offset = (x: unknown, max: number): x is number => count(x) && x <= max;
const SEVERITY = new Set<unknown>(['info', 'warn', 'block']);
const ENFORCEMENT = new Set<unknown>(['advise', 'confirm', 'block']);

function isWire(v: unknown): v is CheckedWire {
  const c = v as CheckedWire | null;
  return !!c && c.kind === 'checked' && count(c.seq) && typeof c.enabled === 'boolean' && Array.isArray(c.findings) && Array.isArray(c.citations) &&
    !!c.omitted && count(c.omitted.block) && count(c.omitted.warn) && count(c.omitted.info) && ENFORCEMENT.has(c.enforcement);
}

function isCitation(c: unknown): c is Citation {
  const x = c as Record<string, unknown> | null;
  // `own`: the school's own clause (configuration `policyClauses`); `url`: where it is published
  return !!x && str(x.id) && str(x.section) && str(x.quote) && optStr(x.title) && optStr(x.url) && (x.own === undefined || x.own === true);
}

/**
 * Each finding is checked before the page UI uses it (spans inside the draft, known severities,
 * text fields that are strings, clauses that exist): the content script runs inside someone else's
 * page, and nothing that crosses into it is taken on trust. A finding that fails is dropped, never
 * shown half-right.
 */
function isFinding(f: unknown, textLength: number, clauses: number): f is WireFinding {
  const x = f as WireFinding | null;
  if (!x || !str(x.rule) || !str(x.message) || !str(x.excerpt) || !SEVERITY.has(x.severity)) return false;
  if (!offset(x.start, textLength) || !offset(x.end, textLength) || x.end < x.start) return false;
  if (!(count(x.policy) && x.policy < clauses) || !Array.isArray(x.citations) || !x.citations.every((i) => count(i) && i < clauses)) return false;
  if (x.fix !== undefined) {
    const fx = x.fix as { label?: unknown; start?: unknown; end?: unknown; replacement?: unknown } | null;
    if (!fx || !str(fx.label) || !str(fx.replacement) || !offset(fx.start, textLength) || !offset(fx.end, textLength)) return false;
  }
  return true;
}

const RESEND = /did not arrive/;

/** Checks a draft of any length (long ones in parts, see shared/protocol.ts). */
export async function check(seq: number, text: string, site: Site, media: boolean): Promise<Checked> {
  for (let attempt = 0; ; attempt++) {
    const { parts, last } = splitDraft(text, randomHex);
    for (const part of parts) {
      const ok = (await send(part)) as { kind?: unknown; error?: unknown } | null;
      if (ok?.kind !== 'ok') throw new Error(typeof ok?.error === 'string' ? ok.error : 'unexpected answer from PostCheck');
    }
    const answer = await send({ kind: 'check', seq, site, media, ...last });
    if (isWire(answer)) {
      const citations = answer.citations.every(isCitation) ? answer.citations : [];
      const findings = answer.findings.filter((f) => isFinding(f, text.length, citations.length));
      return fromWire({ ...answer, citations, findings });
    }
    const error = (answer as { error?: unknown } | null)?.error;
    // a worker restarted between the parts lost them: send the draft again, once
    if (attempt === 0 && str(error) && RESEND.test(error)) continue;
    throw new Error(str(error) ? error : 'unexpected answer from PostCheck');
  }
}

export type Outcome = OutcomeReport['outcome'];

/** Fire and forget: a count for the school's statistics (when it has them on). No text. */
export function report(outcome: Outcome, rules: readonly string[]): void {
  send({ kind: 'outcome', outcome, rules: [...new Set(rules)].slice(0, 40) }).catch(() => undefined);
}

export function alive(): boolean {
  return contextAlive();
}
