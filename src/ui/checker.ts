// The check-a-draft box: a textarea, the site, "photo attached"; findings with the words marked in a
// read-only mirror of the draft, the message, the policy clause and the fix. Used by the popup and
// by the options page's test box. Checks as you type: the background answers in milliseconds.
import { citationLabel } from '../engine/citation.js';
import type { Citation, Finding, Fix, Site } from '../engine/types.js';
import { severityRank } from '../engine/types.js';
import type { CheckedResponse, StateResponse } from '../shared/protocol.js';
import { fill, h, plural, uid } from './dom.js';
import { RULE_LABELS, SEVERITY_LABELS, SITE_LABELS, SUPPORTED_SITES, severityCount } from './labels.js';
import { send } from './messaging.js';

export interface CheckerOptions {
  label: string;
  hint?: string;
  /** the current state, for policy titles */
  state: () => StateResponse | null;
  /** every answer shown, for the popup's statistics */
  onResult?: (text: string, res: CheckedResponse) => void;
  site?: Site;
  rows?: number;
  testid?: string;
}

export interface Checker {
  element: HTMLElement;
  textarea: HTMLTextAreaElement;
  recheck(): void;
}

export const DEBOUNCE_MS = 100;

export function applyFix(text: string, fix: Fix): string {
  return text.slice(0, fix.start) + fix.replacement + text.slice(fix.end);
}

/** The draft with each flagged span in a <mark> (the most severe finding covering it sets its class). */
export function mirror(text: string, findings: readonly Finding[]): DocumentFragment {
  const frag = document.createDocumentFragment();
  const spans = findings.filter((f) => f.end > f.start && f.start < text.length);
  const cuts = new Set<number>([0, text.length]);
  for (const f of spans) {
    cuts.add(f.start);
    cuts.add(Math.min(f.end, text.length));
  }
  const points = [...cuts].sort((a, b) => a - b);
  for (let i = 0; i < points.length - 1; i++) {
    const a = points[i]!;
    const b = points[i + 1]!;
    const piece = text.slice(a, b);
    const covering = spans.filter((f) => f.start <= a && f.end >= b);
    if (!covering.length) {
      frag.append(document.createTextNode(piece));
      continue;
    }
    const worst = covering.reduce((x, y) => (severityRank(y.severity) > severityRank(x.severity) ? y : x));
    const rules = [...new Set(covering.map((f) => f.rule))];
    const mark = h('mark', { class: `sev-${worst.severity}`, 'data-rules': rules.join(' '), title: rules.map((r) => RULE_LABELS[r]?.name ?? r).join(', ') });
    mark.textContent = piece;
    frag.append(mark);
  }
  return frag;
}

async function copyText(text: string): Promise<void> {
  try {
    await navigator.clipboard.writeText(text);
    return;
  } catch {
    // the async clipboard needs focus and permission; the old way works from a click in an extension page
  }
  const ta = h('textarea', { class: 'offscreen', 'aria-hidden': 'true' });
  ta.value = text;
  document.body.append(ta);
  ta.select();
  const ok = document.execCommand('copy');
  ta.remove();
  if (!ok) throw new Error('copy failed');
}

export function createChecker(opts: CheckerOptions): Checker {
  const id = uid('draft');
  const textarea = h('textarea', { id, rows: opts.rows ?? 6, spellcheck: true, 'data-testid': 'draft', 'aria-describedby': opts.hint ? `${id}-hint` : null });
  const site = h('select', { id: `${id}-site`, 'data-testid': 'site' }, ...[...SUPPORTED_SITES, 'other' as const].map((s) => h('option', { value: s, selected: s === (opts.site ?? 'facebook') }, SITE_LABELS[s])));
  const media = h('input', { type: 'checkbox', id: `${id}-media`, 'data-testid': 'media' });
  const summary = h('p', { class: 'summary', role: 'status', 'aria-live': 'polite', 'data-testid': 'summary' });
  const copied = h('p', { class: 'copied', role: 'status', 'aria-live': 'polite' });
  const mirrorBox = h('div', { class: 'mirror', 'data-testid': 'mirror', hidden: true });
  const mirrorWrap = h('section', { class: 'mirror-wrap', 'aria-label': 'Your draft with the flagged words marked', hidden: true }, h('h3', { class: 'small' }, 'Flagged words'), mirrorBox);
  const list = h('ol', { class: 'findings', 'data-testid': 'findings' });

  let seq = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;

  const policyTitle = (c: Citation) => c.title ?? opts.state()?.profiles?.find((p) => p.id === c.id)?.title ?? c.id;

  /** A cited clause, labelled as the school's own or as a model policy (another school's words). */
  function clauseView(c: Citation, quoted = false): HTMLElement {
    const source = h('p', { class: 'clause-source' }, h('span', { class: c.own ? 'clause-label own' : 'clause-label', 'data-testid': 'clause-label' }, `${citationLabel(c)}: `), policyTitle(c), c.section ? `, ${c.section}` : '');
    // the school's own clause is quoted in the finding's message already
    const box = h('blockquote', { class: c.own ? 'clause own' : 'clause', 'data-own': c.own ? 'true' : null }, source, quoted ? null : h('p', {}, `“${c.quote}”`));
    if (c.url) box.append(h('p', { class: 'clause-link' }, h('a', { href: c.url, target: '_blank', rel: 'noopener noreferrer' }, 'Read the policy')));
    return box;
  }

  function findingView(f: Finding, text: string): HTMLLIElement {
    const rule = RULE_LABELS[f.rule];
    const li = h('li', { class: `finding sev-${f.severity}`, 'data-rule': f.rule, 'data-severity': f.severity });
    const head = h('p', { class: 'finding-head' }, h('span', { class: `badge sev-${f.severity}` }, SEVERITY_LABELS[f.severity]), ' ', h('strong', {}, rule?.name ?? f.rule));
    if (f.excerpt) head.append(' ', h('q', { class: 'excerpt' }, f.excerpt));
    li.append(head, h('p', { class: 'message' }, f.message));
    if (f.policy.quote) {
      li.append(clauseView(f.policy, f.policy.own === true));
      const others = f.citations.filter((c) => c.id !== f.policy.id || c.section !== f.policy.section);
      if (others.length) {
        li.append(
          h(
            'details',
            { class: 'more-policies' },
            h('summary', {}, f.policy.own ? `What ${plural(others.length, 'model policy', 'model policies')} say` : `${plural(others.length, 'more model policy', 'more model policies')} say the same`),
            ...others.map((c) => clauseView(c)),
          ),
        );
      }
    }
    if (f.fix) {
      const fix = f.fix;
      li.append(
        h(
          'div',
          { class: 'fix' },
          h('span', {}, `Fix: ${fix.label}`),
          h(
            'button',
            {
              type: 'button',
              'data-testid': 'copy-fix',
              onclick: () => {
                copyText(applyFix(text, fix)).then(
                  () => (copied.textContent = 'Fixed text copied. Paste it into your post.'),
                  () => (copied.textContent = 'Could not copy: select the text and copy it yourself.'),
                );
              },
            },
            'Copy fixed text',
          ),
          h(
            'button',
            {
              type: 'button',
              class: 'secondary',
              'data-testid': 'apply-fix',
              onclick: () => {
                textarea.value = applyFix(text, fix);
                textarea.focus();
                run();
              },
            },
            'Use in draft',
          ),
        ),
      );
    }
    return li;
  }

  function render(text: string, res: CheckedResponse): void {
    copied.textContent = '';
    const findings = [...res.findings].sort((a, b) => severityRank(b.severity) - severityRank(a.severity) || a.start - b.start);
    if (!res.enabled) {
      summary.textContent = `Checking is switched off for ${SITE_LABELS[site.value as Site]} in the settings.`;
      summary.dataset.state = 'off';
    } else if (!findings.length) {
      summary.textContent = text.trim() ? 'No problems found.' : '';
      summary.dataset.state = 'clean';
    } else {
      // counted with the findings the worker did not send (it sends the first MAX_FINDINGS)
      const counts = { ...res.omitted };
      for (const f of findings) counts[f.severity]++;
      const total = counts.block + counts.warn + counts.info;
      const parts = (['block', 'warn', 'info'] as const).filter((s) => counts[s]).map((s) => severityCount(s, counts[s]));
      const shown = total > findings.length ? ` The first ${findings.length} are listed.` : '';
      summary.textContent = `${plural(total, 'problem')}: ${parts.join(', ')}.${shown}`;
      summary.dataset.state = res.worst ?? 'info';
    }
    const marked = findings.some((f) => f.end > f.start);
    fill(mirrorBox, mirror(text, findings));
    mirrorBox.hidden = !marked;
    mirrorWrap.hidden = !marked;
    fill(list, ...findings.map((f) => findingView(f, text)));
  }

  function run(): void {
    clearTimeout(timer);
    const text = textarea.value;
    const mine = ++seq;
    send({ kind: 'check', seq: mine, text, site: site.value as Site, media: media.checked }).then(
      (res) => {
        if (mine !== seq) return; // a newer check is on its way
        render(text, res);
        opts.onResult?.(text, res);
      },
      (e: Error) => {
        if (mine !== seq) return;
        summary.textContent = `PostCheck could not check this draft: ${e.message}`;
        summary.dataset.state = 'error';
      },
    );
  }

  const schedule = () => {
    clearTimeout(timer);
    timer = setTimeout(run, DEBOUNCE_MS);
  };
  textarea.addEventListener('input', schedule);
  site.addEventListener('change', run);
  media.addEventListener('change', run);

  const element = h(
    'section',
    { class: 'checker', 'data-testid': opts.testid ?? 'checker' },
    h('label', { for: id, class: 'field-label' }, opts.label),
    opts.hint ? h('p', { id: `${id}-hint`, class: 'hint' }, opts.hint) : null,
    textarea,
    h(
      'div',
      { class: 'row' },
      h('label', { for: `${id}-site` }, 'Site '),
      site,
      h('span', { class: 'check' }, media, h('label', { for: `${id}-media` }, 'Photo or video attached')),
    ),
    summary,
    mirrorWrap,
    list,
    copied,
  );
  return { element, textarea, recheck: run };
}
