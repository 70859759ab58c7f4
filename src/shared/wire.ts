// What crosses between the content script (or the popup) and the worker for a check, and the
// helpers both ends use, without zod (the content script's bundle stays small; shared/protocol.ts
// validates requests with it in the worker). Messages stay small and bounded:
//  - a draft longer than MAX_PART goes in parts (`check-part`, then the `check` with the last part
//    and `parts`), so no single message nears the browsers' limit (64 MiB in Chrome);
//  - an answer carries at most MAX_FINDINGS findings, most severe first, counting the rest in
//    `omitted`, and each cited policy clause once (`citations`, which findings point into) rather
//    than every clause in every finding (a 63,000-character draft of swear words was 18.9 MB).
import type { Citation, Finding, Severity } from '../engine/types.js';

/** Characters of a draft per message (a few hundred KB of JSON at most). */
export const MAX_PART = 100_000;
/** Parts per draft: 64 × 100,000 characters, far past any site's longest post (Facebook's 63,206). */
export const MAX_PARTS = 64;
/** Findings sent to draw per draft (the UI says when there are more). */
export const MAX_FINDINGS = 100;

export interface CheckPartMessage {
  kind: 'check-part';
  id: string;
  index: number;
  text: string;
}

/** A finding as sent: its clauses are indexes into the answer's `citations`. */
export interface WireFinding extends Omit<Finding, 'policy' | 'citations'> {
  policy: number;
  citations: number[];
}

export interface CheckedWire {
  kind: 'checked';
  seq: number;
  /** false when the school or user switched this site off */
  enabled: boolean;
  /** the first MAX_FINDINGS findings, most severe first, then in reading order */
  findings: WireFinding[];
  /** every clause the findings cite, once */
  citations: Citation[];
  /** findings not sent, by severity */
  omitted: Record<Severity, number>;
  /** the severest level among all the draft's findings, sent or not */
  worst: Severity | null;
  enforcement: 'advise' | 'confirm' | 'block';
  disclaimer: string;
}

/** The answer with each finding's clauses looked up. */
export interface CheckedResponse extends Omit<CheckedWire, 'findings' | 'citations'> {
  findings: Finding[];
}

const RANK: Record<Severity, number> = { block: 3, warn: 2, info: 1 };

/** Builds the answer to send (the background worker). */
export function toWire(findings: readonly Finding[], rest: Omit<CheckedWire, 'findings' | 'citations' | 'omitted'>): CheckedWire {
  const ordered = [...findings].sort((a, b) => RANK[b.severity] - RANK[a.severity] || a.start - b.start || a.end - b.end);
  const sent = ordered.slice(0, MAX_FINDINGS);
  const omitted: Record<Severity, number> = { block: 0, warn: 0, info: 0 };
  for (const f of ordered.slice(MAX_FINDINGS)) omitted[f.severity]++;
  const citations: Citation[] = [];
  const index = new Map<Citation, number>();
  const ref = (c: Citation): number => {
    let i = index.get(c);
    if (i === undefined) {
      i = citations.length;
      citations.push(c);
      index.set(c, i);
    }
    return i;
  };
  return {
    ...rest,
    findings: sent.map(({ policy, citations: cites, ...f }) => ({ ...f, policy: ref(policy), citations: cites.map(ref) })),
    citations,
    omitted,
  };
}

/** The answer with clauses looked up. Findings that point at a clause that is not there are dropped. */
export function fromWire(w: CheckedWire): CheckedResponse {
  const { citations, findings, ...rest } = w;
  const out: Finding[] = [];
  for (const f of findings) {
    const policy = citations[f.policy];
    const cites = f.citations.map((i) => citations[i]);
    if (!policy || cites.some((c) => !c)) continue;
    out.push({ ...f, policy, citations: cites as Citation[] });
  }
  return { ...rest, findings: out };
}

/**
 * A check of `text` as the messages to send: the parts before the last (none for a draft up to
 * MAX_PART) and the fields the `check` itself carries. Past MAX_PARTS parts the draft cannot be
 * sent (6.4 million characters: no site's composer holds that much), and this throws.
 */
export function splitDraft(text: string, randomHex: () => string): { parts: CheckPartMessage[]; last: { text: string; parts?: { id: string; count: number } } } {
  if (text.length <= MAX_PART) return { parts: [], last: { text } };
  const count = Math.ceil(text.length / MAX_PART);
  if (count > MAX_PARTS) throw new Error(`this draft is longer than PostCheck can check (${MAX_PART * MAX_PARTS} characters)`);
  const id = randomHex();
  const parts: CheckPartMessage[] = [];
  for (let i = 0; i < count - 1; i++) parts.push({ kind: 'check-part', id, index: i, text: text.slice(i * MAX_PART, (i + 1) * MAX_PART) });
  return { parts, last: { text: text.slice((count - 1) * MAX_PART), parts: { id, count } } };
}

/** 16 random hex digits (a draft's parts id). */
export function randomHex(): string {
  const b = new Uint8Array(8);
  crypto.getRandomValues(b);
  return [...b].map((x) => x.toString(16).padStart(2, '0')).join('');
}
