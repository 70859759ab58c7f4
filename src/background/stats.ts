// Counts, never text: optional local statistics a school can turn on (config `statistics`) to see
// whether warnings work without anyone reading a post. Stored only in this browser's storage.local,
// under `stats`, until the user resets them (popup) or removes the extension.
//
// What is counted (docs/deploying.md, "Statistics"):
// - `outcomes`: what happened each time Post was pressed in a site (or a fix was taken), as the
//   content script reports it — one count per event, never per keystroke. Checking as you type is
//   not counted: a draft is checked dozens of times while it is written.
// - `findingsByRule`: for each Post press, one count for every rule that had a finding then.
// - `popupDrafts` / `popupFindingsByRule`: drafts checked in the toolbar popup, one per draft (the
//   popup says when a new draft starts), and for each rule how many of those drafts it flagged.
// Only known outcome names and rule ids become keys, so no text can reach the counts.
import { RULE_IDS } from '../engine/types.js';
import browser from '../platform/browser.js';
import { outcomeReport } from '../shared/protocol.js';

export const OUTCOMES = outcomeReport.shape.outcome.options;
export type Outcome = (typeof OUTCOMES)[number];

export interface Stats {
  version: 2;
  /** when counting started (first count after install, or the last reset), ISO 8601 */
  since: string;
  outcomes: Partial<Record<Outcome, number>>;
  findingsByRule: Record<string, number>;
  popupDrafts: number;
  popupFindingsByRule: Record<string, number>;
}

/** The outcomes that are a press of Post (fix-applied and dismissed happen while editing). */
const AT_POST: ReadonlySet<string> = new Set<Outcome>(['posted-clean', 'posted-anyway', 'edited-after-warning', 'blocked']);
const KNOWN_RULES: ReadonlySet<string> = new Set(RULE_IDS);

const KEY = 'stats';

export function emptyStats(now = new Date()): Stats {
  return { version: 2, since: now.toISOString(), outcomes: {}, findingsByRule: {}, popupDrafts: 0, popupFindingsByRule: {} };
}

function isStats(v: unknown): v is Stats {
  return typeof v === 'object' && v !== null && (v as Stats).version === 2 && typeof (v as Stats).popupDrafts === 'number';
}

export async function readStats(): Promise<Stats> {
  const v = (await browser.storage.local.get(KEY))[KEY];
  // anything else (nothing yet, or the first version's per-keystroke counts) starts afresh
  return isStats(v) ? v : emptyStats();
}

let queue: Promise<unknown> = Promise.resolve();
function update(fn: (s: Stats) => void): Promise<void> {
  // serialise read-modify-write so concurrent reports don't lose counts
  const next = queue.then(async () => {
    const s = await readStats();
    fn(s);
    await browser.storage.local.set({ [KEY]: s });
  });
  queue = next.catch(() => undefined);
  return next;
}

function countRules(into: Record<string, number>, rules: readonly string[]): void {
  for (const r of new Set(rules)) if (KNOWN_RULES.has(r)) into[r] = (into[r] ?? 0) + 1;
}

/** Pure: one outcome reported by a content script. */
export function applyOutcome(s: Stats, outcome: Outcome, rules: readonly string[]): void {
  s.outcomes[outcome] = (s.outcomes[outcome] ?? 0) + 1;
  if (AT_POST.has(outcome)) countRules(s.findingsByRule, rules);
}

/** Pure: the popup's report for one draft; `newDraft` once per draft, `rules` only those not yet reported for it. */
export function applyPopupDraft(s: Stats, newDraft: boolean, rules: readonly string[]): void {
  if (newDraft) s.popupDrafts++;
  countRules(s.popupFindingsByRule, rules);
}

export function recordOutcome(outcome: Outcome, rules: readonly string[]): Promise<void> {
  return update((s) => applyOutcome(s, outcome, rules));
}

export function recordPopupDraft(newDraft: boolean, rules: readonly string[]): Promise<void> {
  return update((s) => applyPopupDraft(s, newDraft, rules));
}

export async function resetStats(): Promise<void> {
  await (queue = queue.then(() => browser.storage.local.set({ [KEY]: emptyStats() })).catch(() => undefined));
}
