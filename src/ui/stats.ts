// The statistics block: counts, never text. Shown only when the configuration turns statistics on;
// the user can export the counts as a JSON file (to hand to the school) and reset them.
import type { Stats } from '../background/stats.js';
import type { RuleId } from '../engine/types.js';
import type { StatsResponse } from '../shared/protocol.js';
import { h } from './dom.js';
import { RULE_LABELS } from './labels.js';
import { send } from './messaging.js';

export interface StatsSummary {
  /** presses of Post in a site while PostCheck was on */
  postPresses: number;
  /** drafts posted (clean or anyway) */
  posted: number;
  /** posted although PostCheck had warned */
  postedAnyway: number;
  /** went back and edited after a warning, or took a suggested fix */
  changedAfterWarning: number;
  /** Post refused until a block-level problem was fixed */
  blocked: number;
  /** drafts checked in the toolbar popup */
  popupDrafts: number;
}

export function summarise(s: Stats): StatsSummary {
  const o = (k: keyof Stats['outcomes']) => s.outcomes[k] ?? 0;
  return {
    postPresses: o('posted-clean') + o('posted-anyway') + o('edited-after-warning') + o('blocked'),
    posted: o('posted-clean') + o('posted-anyway'),
    postedAnyway: o('posted-anyway'),
    changedAfterWarning: o('edited-after-warning') + o('fix-applied'),
    blocked: o('blocked'),
    popupDrafts: s.popupDrafts,
  };
}

/** The exported file: the raw counts, the derived summary, and what each means. No text, ever. */
export function exportJson(s: Stats, school: string | undefined, now = new Date()): string {
  return JSON.stringify(
    {
      exportedBy: 'PostCheck',
      exportedAt: now.toISOString(),
      school: school ?? null,
      countingSince: s.since,
      summary: summarise(s),
      counts: s,
      meaning:
        'Counts only; no post text is ever stored. outcomes: what happened each time Post was pressed (or a fix taken). findingsByRule: for each press of Post, one per rule that had a finding. popupDrafts/popupFindingsByRule: drafts checked in the toolbar popup, one per draft.',
    },
    null,
    2,
  );
}

function table(caption: string, rows: Array<[string, number]>): HTMLTableElement {
  return h(
    'table',
    { class: 'counts' },
    h('caption', {}, caption),
    h('tbody', {}, ...rows.map(([k, v]) => h('tr', {}, h('th', { scope: 'row' }, k), h('td', {}, v)))),
  );
}

function byRule(counts: Record<string, number>): Array<[string, number]> {
  return Object.entries(counts)
    .sort((a, b) => b[1] - a[1])
    .map(([r, n]) => [RULE_LABELS[r as RuleId]?.name ?? r, n]);
}

export function statsView(res: StatsResponse, school: string | undefined, onChange: (r: StatsResponse) => void): HTMLElement {
  const s = res.stats;
  const sum = summarise(s);
  const status = h('p', { role: 'status', 'aria-live': 'polite', class: 'hint' });
  const rules = byRule(s.findingsByRule);
  const popupRules = byRule(s.popupFindingsByRule);
  return h(
    'section',
    { class: 'stats', 'aria-labelledby': 'stats-heading', 'data-testid': 'stats' },
    h('h2', { id: 'stats-heading' }, 'Statistics'),
    h('p', { class: 'hint' }, `Counts only, never what you wrote. Kept in this browser since ${new Date(s.since).toLocaleDateString('en-GB')}.`),
    table('When Post was pressed', [
      ['Posted', sum.posted],
      ['Posted anyway after a warning', sum.postedAnyway],
      ['Changed after a warning', sum.changedAfterWarning],
      ['Stopped until fixed', sum.blocked],
      ['Drafts checked here in the popup', sum.popupDrafts],
    ]),
    rules.length ? table('Problems found at Post, by rule', rules) : null,
    popupRules.length ? table('Problems found in the popup, by rule', popupRules) : null,
    h(
      'div',
      { class: 'row' },
      h(
        'button',
        {
          type: 'button',
          'data-testid': 'export-stats',
          onclick: () => {
            const url = URL.createObjectURL(new Blob([exportJson(s, school)], { type: 'application/json' }));
            const a = h('a', { href: url, download: `postcheck-statistics-${new Date().toISOString().slice(0, 10)}.json` });
            document.body.append(a);
            a.click();
            a.remove();
            setTimeout(() => URL.revokeObjectURL(url), 10_000);
            status.textContent = 'Exported.';
          },
        },
        'Export counts',
      ),
      h(
        'button',
        {
          type: 'button',
          class: 'secondary',
          'data-testid': 'reset-stats',
          onclick: () => {
            if (!confirm('Reset the counts to zero?')) return;
            send({ kind: 'reset-stats' }).then(onChange, (e: Error) => (status.textContent = `Could not reset: ${e.message}`));
          },
        },
        'Reset',
      ),
    ),
    status,
  );
}
