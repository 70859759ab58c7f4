// Counts, never text: optional local statistics a school can turn on (config `statistics`) to see
// whether warnings work without anyone reading a post. Stored only in this browser's storage.local.
import type { Finding } from '../engine/types.js';
import browser from '../platform/browser.js';

export interface Stats {
  since: string;
  checks: number;
  checksWithFindings: number;
  findingsByRule: Record<string, number>;
  outcomes: Record<string, number>;
}

const KEY = 'stats';

function empty(): Stats {
  return { since: new Date().toISOString(), checks: 0, checksWithFindings: 0, findingsByRule: {}, outcomes: {} };
}

export async function readStats(): Promise<Stats> {
  const v = (await browser.storage.local.get(KEY))[KEY] as Stats | undefined;
  return v && typeof v === 'object' && typeof v.checks === 'number' ? v : empty();
}

let queue: Promise<unknown> = Promise.resolve();
function update(fn: (s: Stats) => void): Promise<void> {
  // serialise read-modify-write so concurrent checks don't lose counts
  const next = queue.then(async () => {
    const s = await readStats();
    fn(s);
    await browser.storage.local.set({ [KEY]: s });
  });
  queue = next.catch(() => undefined);
  return next;
}

export function recordCheck(findings: readonly Finding[]): Promise<void> {
  return update((s) => {
    s.checks++;
    if (findings.length) s.checksWithFindings++;
    for (const f of new Set(findings.map((x) => x.rule))) s.findingsByRule[f] = (s.findingsByRule[f] ?? 0) + 1;
  });
}

export function recordOutcome(outcome: string, rules: readonly string[]): Promise<void> {
  return update((s) => {
    s.outcomes[outcome] = (s.outcomes[outcome] ?? 0) + 1;
    void rules;
  });
}

export async function resetStats(): Promise<void> {
  await browser.storage.local.set({ [KEY]: empty() });
}
