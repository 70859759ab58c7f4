// The options page: every CONFIG.md setting, editable unless the school sets it (then read-only,
// "Set by your school") or locks the whole configuration. Save validates everything with the same
// zod schema the background uses and writes all or nothing; a problem is shown next to its field.
// no zod here: the background validates with the one configuration schema (parseConfig) and answers
// with the problems by path, which keeps this page small and the rules in one place
import demoSchool from '../../examples/demo-school.json';
import type { ConfigProblem, Enforcement, SchoolConfig } from '../config/schema.js';
import { RULE_IDS } from '../engine/types.js';
import type { StateResponse } from '../shared/protocol.js';
import { createChecker } from '../ui/checker.js';
import { fill, h } from '../ui/dom.js';
import { CONFIG_SITE_LABELS, RULE_LABELS, SEVERITY_LABELS, SUPPORTED_SITES } from '../ui/labels.js';
import { onConfigChange, send } from '../ui/messaging.js';
import { statusView } from '../ui/status.js';
import { checkboxControl, hoursControl, linesControl, radioControl, selectControl, textAreaControl, textControl, type Control } from './fields.js';
import { rosterImport } from './roster.js';

const app = document.getElementById('app')!;
let state: StateResponse | null = null;
let dirty = false;
/** the user chose to set up their own school: the demo school's values are no longer shown read-only */
let editingFromScratch = false;

// ------------------------------------------------------------------ path helpers

function getPath(obj: unknown, path: string): unknown {
  let v = obj;
  for (const k of path.split('.')) v = v && typeof v === 'object' ? (v as Record<string, unknown>)[k] : undefined;
  return v;
}

function setPath(obj: Record<string, unknown>, path: string, value: unknown): void {
  const keys = path.split('.');
  let o = obj;
  for (const k of keys.slice(0, -1)) o = (o[k] ??= {}) as Record<string, unknown>;
  o[keys.at(-1)!] = value;
}

// ------------------------------------------------------------------ the form

const controls: Control[] = [];
const add = <C extends Control>(c: C): C => {
  controls.push(c);
  return c;
};

const schoolName = add(textControl({ path: 'school.name', label: 'School name', hint: 'As people write it, e.g. St Aidan’s CE Primary School.' }));
const schoolAliases = add(linesControl({ path: 'school.aliases', label: 'Other names for the school', hint: 'Short names, hashtags and handles, one per line: SAPS, #StAidansPride, @StAidansPri.', noun: ['name', 'names'] }));
const schoolClasses = add(linesControl({ path: 'school.classes', label: 'Class, form and house names', hint: 'One per line: Kestrels, Oak Class, 6H, 10JT. A child mentioned with one of these can be recognised. The roster import below adds them from a Reg Group or Form column.', noun: ['name', 'names'] }));
const trust = add(textControl({ path: 'school.trust', label: 'Trust or diocese' }));
const trustAliases = add(linesControl({ path: 'school.trustAliases', label: 'Other names for the trust', noun: ['name', 'names'] }));

const policy = add(selectControl({ path: 'policy', label: 'Policy', hint: 'Which school policy the checks cite. “Combined” applies all five at their strictest.', options: [{ value: '', label: 'Default (combined)' }] }));

const addNew = (current: string[], more: string[]) => [...current, ...more.filter((n) => !current.some((c) => c.toLowerCase() === n.toLowerCase()))];
const importer = rosterImport(({ names, mode, classes: found }) => {
  const current = (pupils.get() as string[] | undefined) ?? [];
  const merged = mode === 'replace' ? names : addNew(current, names);
  pupils.set(merged);
  // a class list only grows from an import: house and class names typed by hand stay
  if (found.length) schoolClasses.set(addNew((schoolClasses.get() as string[] | undefined) ?? [], found));
  markDirty();
  return merged.length;
});
const pupils = add(linesControl({ path: 'pupils', label: 'Pupils', hint: 'One pupil per line, “First Last” or “First”. Or import the roster from your school information system.', rows: 8, noun: ['pupil', 'pupils'], extra: importer.element }));
const staff = add(linesControl({ path: 'staff', label: 'Staff', hint: 'Colleagues, one per line; titles optional (Mrs Anita Patel).', noun: ['person', 'people'] }));
const suppliers = add(linesControl({ path: 'suppliers', label: 'Suppliers', hint: 'The school’s suppliers and service providers, one per line.', noun: ['supplier', 'suppliers'] }));

const confidential = add(linesControl({ path: 'terms.confidential', label: 'Confidential words', hint: 'School-specific words that must not be posted, e.g. a project code name.', rows: 3, noun: ['word', 'words'] }));
const blocked = add(linesControl({ path: 'terms.blocked', label: 'Always blocked', hint: 'Words and phrases always flagged as must-fix.', rows: 3, noun: ['word', 'words'] }));
const allowed = add(linesControl({ path: 'terms.allowed', label: 'Allowed words', hint: 'Never flagged by word-list rules: the way out of a false alarm.', rows: 3, noun: ['word', 'words'] }));

const disclaimer = add(textControl({ path: 'disclaimer', label: 'Disclaimer', hint: 'What the “add a disclaimer” fix appends. Default: Views are my own.', placeholder: 'Views are my own.', maxlength: 200 }));

const ENFORCEMENT_TEXT: Record<Enforcement, [string, string]> = {
  advise: ['Advise', 'warnings beside the post; posting is never interrupted'],
  confirm: ['Confirm', 'at Post, warnings ask you to go back or post anyway'],
  block: ['Block', 'must-fix problems stop the post until fixed; warnings ask'],
};
const enforcement = add(radioControl({ path: 'enforcement', label: 'When you press Post', initial: 'advise', options: (Object.keys(ENFORCEMENT_TEXT) as Enforcement[]).map((e) => ({ value: e, label: ENFORCEMENT_TEXT[e][0], hint: ENFORCEMENT_TEXT[e][1] })) }));

// only the sites PostCheck checks (one list: the site adapters); a school may still name others
const sites = SUPPORTED_SITES.map((s) => add(checkboxControl({ path: `sites.${s}`, label: CONFIG_SITE_LABELS[s], unset: true })));

// the school's own policy: its title and address, and per rule the clause to cite (issue 7 item 6)
const clauseTitle = add(textControl({ path: 'policyClauses.title', label: 'Policy title', hint: 'As staff know it, e.g. St Aidan’s Social Media Policy (2025).', maxlength: 200 }));
const clauseUrl = add(textControl({ path: 'policyClauses.url', label: 'Where staff can read it', placeholder: 'https://…', maxlength: 2000 }));
const clauseRules = RULE_IDS.map((r) => {
  const section = add(textControl({ path: `policyClauses.rules.${r}.section`, label: 'Section', placeholder: 'e.g. 4.2', maxlength: 120 }));
  const quote = add(textAreaControl({ path: `policyClauses.rules.${r}.quote`, label: 'The policy’s words', hint: 'Copied exactly from your policy: the one or two sentences that apply (10 to 600 characters).', maxlength: 600 }));
  const url = add(textControl({ path: `policyClauses.rules.${r}.url`, label: 'Link to this clause (optional)', placeholder: 'https://…', maxlength: 2000 }));
  const box = h('details', { class: 'clause-rule', 'data-rule': r }, h('summary', {}, RULE_LABELS[r].name), section.element, quote.element, url.element);
  return { rule: r, quote, box };
});

const ruleSelects = RULE_IDS.map((r) =>
  add(
    selectControl({
      path: `rules.${r}`,
      label: RULE_LABELS[r].name,
      hint: RULE_LABELS[r].about,
      options: [{ value: '', label: 'Policy default' }, ...(['off', 'info', 'warn', 'block'] as const).map((s) => ({ value: s, label: SEVERITY_LABELS[s] }))],
    }),
  ),
);

const hours = add(hoursControl());
const statistics = add(checkboxControl({ path: 'statistics', label: 'Keep statistics (counts only, never text) in this browser', unset: false }));

function defaultSeverityLabels(): void {
  const id = policy.select.value || 'combined';
  const profile = state?.profiles?.find((p) => p.id === id);
  RULE_IDS.forEach((r, i) => {
    const sev = profile?.rules[r] ?? 'off';
    ruleSelects[i]!.select.options[0]!.textContent = `Policy default (${SEVERITY_LABELS[sev]})`;
  });
}
policy.select.addEventListener('change', defaultSeverityLabels);

// ------------------------------------------------------------------ errors

const summary = h('div', { class: 'error-summary', tabindex: -1, hidden: true, 'data-testid': 'error-summary', role: 'alert' });
const saveStatus = h('p', { role: 'status', 'aria-live': 'polite', class: 'save-status', 'data-testid': 'save-status' });

/** The control a problem path belongs to: the longest control path it starts with. */
function controlFor(path: string): Control | undefined {
  const bare = path.replace(/\[\d+\]/g, '');
  return controls.filter((c) => bare === c.path || bare.startsWith(`${c.path}.`)).sort((a, b) => b.path.length - a.path.length)[0];
}

const HOURS_PARTS: Record<string, string> = { days: 'school days', start: 'start', end: 'end', breaks: 'breaks' };

function messageFor(c: Control | undefined, p: ConfigProblem): string {
  if (!c || p.path === c.path) return p.message;
  const rest = p.path.slice(c.path.length);
  if (c.path === 'schoolHours') {
    // "schoolHours.breaks[1]" → "breaks, line 2"; break lines checked here already say their line
    const m = /^\.(\w+)(?:\[(\d+)\])?/.exec(rest);
    if (!m) return p.message;
    if (/^line \d+:/.test(p.message)) return p.message;
    return `${HOURS_PARTS[m[1]!] ?? m[1]}${m[2] ? `, line ${Number(m[2]) + 1}` : ''}: ${p.message}`;
  }
  const index = /^\[(\d+)\]/.exec(rest);
  if (index) return `line ${Number(index[1]) + 1}: ${p.message}`;
  return `${p.path}: ${p.message}`;
}

function showProblems(problems: ConfigProblem[]): void {
  for (const c of controls) c.setError(null);
  if (!problems.length) {
    summary.hidden = true;
    return;
  }
  const byControl = new Map<Control | undefined, string[]>();
  for (const p of problems) {
    const c = controlFor(p.path);
    byControl.set(c, [...(byControl.get(c) ?? []), messageFor(c, p)]);
  }
  for (const [c, msgs] of byControl) if (c) c.setError(msgs.join('; '));
  fill(
    summary,
    h('h2', {}, 'Nothing was saved: please fix these'),
    h(
      'ul',
      {},
      ...problems.map((p) => {
        const c = controlFor(p.path);
        if (!c) return h('li', {}, `${p.path}: ${p.message}`);
        return h('li', {}, h('a', { href: '#', onclick: (e: Event) => (e.preventDefault(), c.focusTarget.focus()) }, `${labelOf(c)}: ${messageFor(c, p)}`));
      }),
    ),
  );
  summary.hidden = false;
  summary.focus();
}

function labelOf(c: Control): string {
  return c.element.querySelector('.field-label')?.textContent?.replace('Set by your school', '').trim() ?? c.path;
}

// ------------------------------------------------------------------ load, collect, save

function managedValue(path: string): unknown {
  return getPath(state?.effective.config, path);
}

function isManaged(path: string): boolean {
  const e = state?.effective;
  if (!e) return false;
  return e.locked || e.managedFields.includes(path) || e.managedFields.includes(path.split('.')[0]!) || e.managedFields.some((f) => f.startsWith(`${path}.`));
}

function load(): void {
  if (!state) return;
  const profiles = state.profiles ?? [];
  fill(policy.select, h('option', { value: '' }, 'Default (combined)'), ...profiles.map((p) => h('option', { value: p.id }, p.title)));
  const user = (state.userConfig ?? {}) as Record<string, unknown>;
  // nothing set yet: PostCheck runs as the demo school, so show its values (read-only, marked as the
  // demo school's) rather than blank fields that contradict what it does (newcomer 15)
  const demo = state.effective.source === 'demo' && !editingFromScratch;
  for (const c of controls) {
    c.set(getPath(user, c.path));
    if (demo) c.setManaged(getPath(state.effective.config, c.path), true, 'demo');
    else c.setManaged(managedValue(c.path), isManaged(c.path));
    c.setError(null);
  }
  demoNote.hidden = !demo;
  for (const c of clauseRules) c.box.open = Boolean(getPath(isManaged(c.quote.path) ? state.effective.config : user, c.quote.path));
  defaultSeverityLabels();
  summary.hidden = true;
  dirty = false;
}

function collect(): SchoolConfig {
  const out: Record<string, unknown> = {};
  for (const c of controls) {
    const v = c.get();
    if (v !== undefined) setPath(out, c.path, v);
  }
  return out as SchoolConfig;
}

/** Leaves the demo school's read-only view for an editable form, empty or holding the demo's values. */
function startEditing(withDemo: boolean): void {
  editingFromScratch = true;
  load();
  if (withDemo) for (const c of controls) if (!isManaged(c.path)) c.set(getPath(demoSchool, c.path));
  markDirty();
}

async function save(): Promise<void> {
  saveStatus.textContent = '';
  const config = collect();
  const local = hours.localProblems();
  if (local.length) {
    showProblems(local);
    saveStatus.textContent = 'Not saved.';
    return;
  }
  // the background validates the whole configuration with parseConfig and stores it in one write, or not at all
  const res = await send({ kind: 'save-user-config', config });
  if (!res.ok) {
    showProblems(res.problems);
    saveStatus.textContent = 'Not saved.';
    return;
  }
  showProblems([]);
  state = await send({ kind: 'get-state' });
  renderStatus();
  load();
  const left = res.problems.map((p) => `${labelOf(controlFor(p.path) ?? pupils)} ${messageFor(controlFor(p.path), p)}`);
  saveStatus.textContent = left.length ? `Saved, leaving out: ${left.join('; ')}. Open tabs use the new settings straight away.` : 'Saved. Open tabs use the new settings straight away.';
}

function markDirty(): void {
  dirty = true;
  saveStatus.textContent = '';
}

// ------------------------------------------------------------------ page

const statusSlot = h('div');
const lockedNote = h('p', { class: 'notice', hidden: true, 'data-testid': 'locked-note' }, 'Your school has locked PostCheck’s settings. They are shown here so you can see what is checked.');
const demoButton = h(
  'button',
  {
    type: 'button',
    class: 'secondary',
    onclick: () => {
      startEditing(true);
      saveStatus.textContent = 'The demo school is in the form. Change what you need, then Save.';
    },
  },
  'Start from the demo school',
);
const blankButton = h(
  'button',
  {
    type: 'button',
    'data-testid': 'start-blank',
    onclick: () => {
      startEditing(false);
      saveStatus.textContent = 'Enter your school’s settings, then Save.';
      schoolName.focusTarget.focus();
    },
  },
  'Set up my own school',
);
const demoNote = h(
  'div',
  { class: 'notice demo-note', hidden: true, 'data-testid': 'demo-note' },
  h('p', {}, 'Nothing is set up yet, so PostCheck checks posts as the fictional demo school below: these are the demo school’s settings, in use now. Your school’s IT team can set PostCheck up for you, or you can set it up yourself.'),
  h('div', { class: 'actions' }, blankButton),
);
const clearButton = h(
  'button',
  {
    type: 'button',
    class: 'secondary',
    onclick: async () => {
      if (!confirm('Remove all your own settings? Settings from your school stay.')) return;
      const res = await send({ kind: 'save-user-config', config: {} });
      if (res.ok) {
        editingFromScratch = false;
        state = await send({ kind: 'get-state' });
        renderStatus();
        load();
        saveStatus.textContent = 'Your settings were removed.';
      }
    },
  },
  'Remove my settings',
);

function renderStatus(): void {
  if (!state) return;
  fill(statusSlot, statusView(state));
  lockedNote.hidden = !state.effective.locked;
  for (const b of [saveButton, clearButton, demoButton]) b.disabled = state.effective.locked;
  demoButton.hidden = state.effective.source !== 'demo';
  blankButton.disabled = state.effective.locked;
}

const saveButton = h('button', { type: 'submit', 'data-testid': 'save' }, 'Save');

const section = (title: string, ...children: Array<HTMLElement | null>) => h('section', { class: 'card' }, h('h2', {}, title), ...children);

const form = h(
  'form',
  { novalidate: true, 'aria-label': 'PostCheck settings' },
  section('Your school', schoolName.element, schoolAliases.element, schoolClasses.element, trust.element, trustAliases.element),
  section('Policy', policy.element, enforcement.element, disclaimer.element),
  section('People', pupils.element, staff.element, suppliers.element),
  section('Words', confidential.element, blocked.element, allowed.element),
  section('Sites', h('p', { class: 'hint' }, 'Where PostCheck checks posts as you write them.'), h('div', { class: 'grid' }, ...sites.map((s) => s.element))),
  section('Rules', h('p', { class: 'hint' }, 'How seriously each kind of problem is taken. Policy default follows the policy chosen above.'), h('div', { class: 'rules' }, ...ruleSelects.map((s) => s.element))),
  section(
    'Your school’s own policy',
    h('p', { class: 'hint' }, 'Give a rule the clause of your own policy and its warnings quote it. A rule without one cites a model policy (another school’s words), labelled as such.'),
    clauseTitle.element,
    clauseUrl.element,
    h('div', { class: 'clauses', 'data-testid': 'clauses' }, ...clauseRules.map((c) => c.box)),
  ),
  section('Other', hours.element, statistics.element),
  h('div', { class: 'actions' }, saveButton, clearButton, demoButton, saveStatus),
);
form.addEventListener('input', markDirty);
form.addEventListener('change', markDirty);
form.addEventListener('submit', (e) => {
  e.preventDefault();
  saveButton.disabled = true;
  save()
    .catch((err: Error) => (saveStatus.textContent = `Not saved: ${err.message}`))
    .finally(() => (saveButton.disabled = Boolean(state?.effective.locked)));
});

const tester = createChecker({ label: 'Test a draft', hint: 'Checks against the saved settings.', state: () => state, rows: 4, testid: 'tester' });

const loading = h('p', { class: 'hint' }, 'Loading the settings…');
const content = h('div', { hidden: true }, lockedNote, demoNote, summary, form, h('section', { class: 'card' }, h('h2', {}, 'Try it'), tester.element));
fill(app, h('h1', {}, 'PostCheck settings'), statusSlot, loading, content);

async function refresh(reloadForm: boolean): Promise<void> {
  try {
    state = await send({ kind: 'get-state' });
  } catch (e) {
    fill(statusSlot, h('p', { class: 'problems', role: 'alert' }, `PostCheck could not load its settings: ${(e as Error).message}`));
    return;
  }
  renderStatus();
  // the form shows only once it holds the saved settings, so nothing typed is overwritten by a late load
  if (content.hidden) {
    load();
    loading.remove();
    content.hidden = false;
    document.body.dataset.ready = 'true';
  } else if (reloadForm) load();
  else saveStatus.textContent = 'The settings changed elsewhere (your school may have updated them). Reload the page to see them.';
  if (tester.textarea.value) tester.recheck();
  app.removeAttribute('aria-busy');
}

onConfigChange(() => void refresh(!dirty));
void refresh(true);
