// The options form's controls. Each control edits one configuration path, knows how to show the
// school's value read-only ("Set by your school"), returns the user's value (undefined = not set)
// and shows a problem next to itself. Every control has a real <label> and its hint and error are
// wired with aria-describedby, so the page works by keyboard and with a screen reader.
import { h, plural, uid } from '../ui/dom.js';

/** Who a read-only value comes from: the school's managed policy, or the built-in demo school. */
export type SetBy = 'school' | 'demo';

export interface Control {
  path: string;
  element: HTMLElement;
  /** the first focusable element, for error links */
  focusTarget: HTMLElement;
  get(): unknown;
  set(value: unknown): void;
  /** read-only with the school's value (or, before anything is set, the demo school's, marked so) */
  setManaged(value: unknown, managed: boolean, by?: SetBy): void;
  setError(message: string | null): void;
}

interface Base {
  path: string;
  label: string;
  hint?: string;
}

/** The "Set by your school" / "Demo school's setting" badge and the field's look. */
function markSetBy(badge: HTMLElement, field: HTMLElement, m: boolean, by: SetBy = 'school'): void {
  badge.hidden = !m;
  badge.textContent = by === 'demo' ? 'Demo school’s setting' : 'Set by your school';
  field.classList.toggle('managed', m && by === 'school');
  field.classList.toggle('demo', m && by === 'demo');
}

function shell(base: Base, id: string, control: HTMLElement, opts: { inline?: boolean } = {}) {
  const hintId = `${id}-hint`;
  const errId = `${id}-error`;
  const schoolId = `${id}-school`;
  const label = h('label', { for: id, class: 'field-label' }, base.label);
  const school = h('span', { class: 'badge school', id: schoolId, hidden: true }, 'Set by your school');
  const hint = base.hint ? h('p', { class: 'hint', id: hintId }, base.hint) : null;
  const error = h('p', { class: 'error', id: errId, hidden: true });
  const element = opts.inline
    ? h('div', { class: 'field inline', 'data-path': base.path }, control, label, school, hint, error)
    : h('div', { class: 'field', 'data-path': base.path }, label, school, hint, error, control);
  const describe = (managed: boolean, err: boolean) => {
    const ids = [hint ? hintId : null, managed ? schoolId : null, err ? errId : null].filter(Boolean).join(' ');
    if (ids) control.setAttribute('aria-describedby', ids);
    else control.removeAttribute('aria-describedby');
  };
  describe(false, false);
  let managed = false;
  return {
    element,
    setManagedLook(m: boolean, by: SetBy = 'school') {
      managed = m;
      markSetBy(school, element, m, by);
      describe(m, !error.hidden);
    },
    setError(message: string | null) {
      error.hidden = !message;
      error.textContent = message ?? '';
      element.classList.toggle('invalid', Boolean(message));
      if (message) control.setAttribute('aria-invalid', 'true');
      else control.removeAttribute('aria-invalid');
      describe(managed, Boolean(message));
    },
  };
}

export function textControl(base: Base & { placeholder?: string; maxlength?: number }): Control {
  const id = uid('f');
  const input = h('input', { id, type: 'text', name: base.path, placeholder: base.placeholder, maxlength: base.maxlength, autocomplete: 'off' });
  const s = shell(base, id, input);
  return {
    path: base.path,
    element: s.element,
    focusTarget: input,
    get: () => (input.readOnly ? undefined : input.value.trim() || undefined),
    set: (v) => void (input.value = typeof v === 'string' ? v : ''),
    setManaged(v, managed, by) {
      input.readOnly = managed;
      if (managed) input.value = typeof v === 'string' ? v : '';
      s.setManagedLook(managed, by);
    },
    setError: s.setError,
  };
}

/** Free text over several lines (a policy quote). */
export function textAreaControl(base: Base & { rows?: number; maxlength?: number }): Control {
  const id = uid('f');
  const area = h('textarea', { id, name: base.path, rows: base.rows ?? 2, maxlength: base.maxlength });
  const s = shell(base, id, area);
  return {
    path: base.path,
    element: s.element,
    focusTarget: area,
    get: () => (area.readOnly ? undefined : area.value.replace(/\s+/g, ' ').trim() || undefined),
    set: (v) => void (area.value = typeof v === 'string' ? v : ''),
    setManaged(v, managed, by) {
      area.readOnly = managed;
      if (managed) area.value = typeof v === 'string' ? v : '';
      s.setManagedLook(managed, by);
    },
    setError: s.setError,
  };
}

/** A list edited one entry per line; shows how many entries it has. */
export function linesControl(base: Base & { rows?: number; noun?: [string, string]; extra?: HTMLElement }): Control {
  const id = uid('f');
  const area = h('textarea', { id, name: base.path, rows: base.rows ?? 4, spellcheck: false });
  const [one, many] = base.noun ?? ['entry', 'entries'];
  const count = h('span', { class: 'count', 'data-testid': `count-${base.path}` });
  const update = () => {
    const n = area.value.split('\n').filter((l) => l.trim()).length;
    count.textContent = plural(n, one, many);
  };
  area.addEventListener('input', update);
  const s = shell(base, id, area);
  s.element.append(h('div', { class: 'row' }, count, base.extra ?? null));
  update();
  return {
    path: base.path,
    element: s.element,
    focusTarget: area,
    get() {
      if (area.readOnly) return undefined;
      const lines = area.value.split('\n').map((l) => l.trim()).filter(Boolean);
      return lines.length ? lines : undefined;
    },
    set(v) {
      area.value = Array.isArray(v) ? v.join('\n') : '';
      update();
    },
    setManaged(v, managed, by) {
      area.readOnly = managed;
      if (managed) area.value = Array.isArray(v) ? v.join('\n') : '';
      if (base.extra) base.extra.hidden = managed;
      update();
      s.setManagedLook(managed, by);
    },
    setError: s.setError,
  };
}

export function selectControl(base: Base & { options: Array<{ value: string; label: string }> }): Control & { select: HTMLSelectElement } {
  const id = uid('f');
  const select = h('select', { id, name: base.path }, ...base.options.map((o) => h('option', { value: o.value }, o.label)));
  const s = shell(base, id, select);
  return {
    path: base.path,
    element: s.element,
    focusTarget: select,
    select,
    get: () => (select.disabled ? undefined : select.value || undefined),
    set: (v) => void (select.value = typeof v === 'string' ? v : ''),
    setManaged(v, managed, by) {
      select.disabled = managed;
      if (managed) select.value = typeof v === 'string' ? v : '';
      s.setManagedLook(managed, by);
    },
    setError: s.setError,
  };
}

/** A checkbox for a boolean; `unset` is the value that means "not set" (so it is not saved). */
export function checkboxControl(base: Base & { unset: boolean }): Control {
  const id = uid('f');
  const box = h('input', { id, type: 'checkbox', name: base.path });
  box.checked = base.unset;
  const s = shell(base, id, box, { inline: true });
  return {
    path: base.path,
    element: s.element,
    focusTarget: box,
    get: () => (box.disabled || box.checked === base.unset ? undefined : box.checked),
    set: (v) => void (box.checked = typeof v === 'boolean' ? v : base.unset),
    setManaged(v, managed, by) {
      box.disabled = managed;
      if (managed) box.checked = typeof v === 'boolean' ? v : base.unset;
      s.setManagedLook(managed, by);
    },
    setError: s.setError,
  };
}

/** Radio buttons in a fieldset; the legend is the label. */
export function radioControl(base: Base & { options: Array<{ value: string; label: string; hint?: string }>; initial: string }): Control {
  const name = uid('r');
  const radios = base.options.map((o) => h('input', { type: 'radio', name, value: o.value, id: `${name}-${o.value}` }));
  const error = h('p', { class: 'error', id: `${name}-error`, hidden: true });
  const school = h('span', { class: 'badge school', id: `${name}-school`, hidden: true }, 'Set by your school');
  const fieldset = h(
    'fieldset',
    { class: 'field', 'data-path': base.path },
    h('legend', { class: 'field-label' }, base.label, ' ', school),
    base.hint ? h('p', { class: 'hint' }, base.hint) : null,
    error,
    ...base.options.map((o, i) =>
      h('div', { class: 'inline' }, radios[i]!, h('label', { for: `${name}-${o.value}` }, h('strong', {}, o.label), o.hint ? ` — ${o.hint}` : '')),
    ),
  );
  const set = (v: unknown) => radios.forEach((r) => (r.checked = r.value === (typeof v === 'string' ? v : base.initial)));
  set(base.initial);
  return {
    path: base.path,
    element: fieldset,
    focusTarget: radios[0]!,
    get: () => (radios[0]!.disabled ? undefined : radios.find((r) => r.checked)?.value),
    set,
    setManaged(v, managed, by) {
      for (const r of radios) r.disabled = managed;
      if (managed) set(v);
      markSetBy(school, fieldset, managed, by);
      if (managed) fieldset.setAttribute('aria-describedby', school.id);
      else fieldset.removeAttribute('aria-describedby');
    },
    setError(message) {
      error.hidden = !message;
      error.textContent = message ?? '';
      fieldset.classList.toggle('invalid', Boolean(message));
    },
  };
}

const DAYS = [
  ['mon', 'Mon'],
  ['tue', 'Tue'],
  ['wed', 'Wed'],
  ['thu', 'Thu'],
  ['fri', 'Fri'],
  ['sat', 'Sat'],
  ['sun', 'Sun'],
] as const;

export interface HoursValue {
  days?: string[];
  start: string;
  end: string;
  breaks?: string[][];
}

/** "10:30-10:45" (or "10:30 to 10:45", en dash) → ["10:30","10:45"]; null when it is not a break. */
export function parseBreak(line: string): [string, string] | null {
  const m = /^\s*(\d{1,2}):(\d{2})\s*(?:-|–|—|to)\s*(\d{1,2}):(\d{2})\s*$/i.exec(line);
  if (!m) return null;
  return [`${m[1]!.padStart(2, '0')}:${m[2]}`, `${m[3]!.padStart(2, '0')}:${m[4]}`];
}

/** School hours: on/off, days, start, end, breaks. Problems in the break lines are found before zod sees them. */
export function hoursControl(): Control & { localProblems(): Array<{ path: string; message: string }> } {
  const id = uid('hours');
  const on = h('input', { type: 'checkbox', id: `${id}-on` });
  const days = DAYS.map(([v]) => h('input', { type: 'checkbox', id: `${id}-${v}`, value: v }));
  const start = h('input', { type: 'time', id: `${id}-start`, value: '08:30' });
  const end = h('input', { type: 'time', id: `${id}-end`, value: '15:30' });
  const breaks = h('textarea', { id: `${id}-breaks`, rows: 2, placeholder: '10:30-10:45\n12:00-13:00', 'aria-describedby': `${id}-breaks-hint` });
  const error = h('p', { class: 'error', id: `${id}-error`, hidden: true });
  const school = h('span', { class: 'badge school', hidden: true }, 'Set by your school');
  const detail = h(
    'div',
    { class: 'hours-detail' },
    h('fieldset', { class: 'days' }, h('legend', {}, 'School days'), ...DAYS.map(([v, label], i) => h('span', { class: 'inline' }, days[i]!, h('label', { for: `${id}-${v}` }, label)))),
    h('div', { class: 'row' }, h('label', { for: `${id}-start` }, 'Start '), start, h('label', { for: `${id}-end` }, ' End '), end),
    h('label', { for: `${id}-breaks`, class: 'field-label' }, 'Breaks'),
    h('p', { class: 'hint', id: `${id}-breaks-hint` }, 'One per line, e.g. 10:30-10:45. Posting during a break is fine.'),
    breaks,
  );
  const fieldset = h(
    'fieldset',
    { class: 'field', 'data-path': 'schoolHours' },
    h('legend', { class: 'field-label' }, 'School hours ', school),
    h('p', { class: 'hint' }, 'For the “During school hours” rule: a note when you post on a personal account during lessons.'),
    error,
    h('div', { class: 'inline' }, on, h('label', { for: `${id}-on` }, 'Use school hours')),
    detail,
  );
  const sync = () => {
    detail.hidden = !on.checked;
  };
  on.addEventListener('change', sync);
  const set = (v: unknown) => {
    const hv = v as HoursValue | undefined;
    on.checked = Boolean(hv);
    const d = hv?.days ?? ['mon', 'tue', 'wed', 'thu', 'fri'];
    days.forEach((c) => (c.checked = d.includes(c.value)));
    start.value = hv?.start ?? '08:30';
    end.value = hv?.end ?? '15:30';
    breaks.value = (hv?.breaks ?? []).map((b) => b.join('-')).join('\n');
    sync();
  };
  set(undefined);
  const lines = () => breaks.value.split('\n').map((l) => l.trim()).filter(Boolean);
  return {
    path: 'schoolHours',
    element: fieldset,
    focusTarget: on,
    get() {
      if (on.disabled || !on.checked) return undefined;
      const b = lines().map((l) => parseBreak(l) ?? [l, l]);
      return { days: days.filter((c) => c.checked).map((c) => c.value), start: start.value, end: end.value, ...(b.length ? { breaks: b } : {}) };
    },
    set,
    localProblems() {
      if (on.disabled || !on.checked) return [];
      return lines().flatMap((l, i) => (parseBreak(l) ? [] : [{ path: `schoolHours.breaks[${i}]`, message: `line ${i + 1}: expected a break as 10:30-10:45, got "${l}"` }]));
    },
    setManaged(v, managed, by) {
      for (const el of [on, ...days, start, end]) el.disabled = managed;
      breaks.readOnly = managed;
      if (managed) set(v);
      markSetBy(school, fieldset, managed, by);
    },
    setError(message) {
      error.hidden = !message;
      error.textContent = message ?? '';
      fieldset.classList.toggle('invalid', Boolean(message));
    },
  };
}
