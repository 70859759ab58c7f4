// Roster import on the options page: pick a CSV export, see the columns used, the first rows, how
// the rows became the count and the classes found, then replace or extend the pupil list (still
// unsaved until Save, like every other field). The file's bytes are decoded the way the CLI
// decodes them (src/shared/decode.ts), so a Windows-1252 or UTF-16 export reads the same in both.
import { decodeText } from '../shared/decode.js';
import { fill, h, plural, uid } from '../ui/dom.js';
import { accentedNames, rosterExplained, rosterFromCsv, type RosterImport } from './csv.js';

export interface RosterUse {
  names: string[];
  mode: 'replace' | 'add';
  /** the class column's distinct values (empty without one) */
  classes: string[];
}

export function rosterImport(use: (u: RosterUse) => number): { element: HTMLElement } {
  const id = uid('csv');
  const input = h('input', { type: 'file', id, accept: '.csv,text/csv,text/plain', 'data-testid': 'roster-file' });
  const preview = h('div', { class: 'roster-preview', 'data-testid': 'roster-preview', hidden: true, tabindex: -1, 'aria-labelledby': `${id}-heading` });
  const status = h('p', { role: 'status', 'aria-live': 'polite', class: 'hint', 'data-testid': 'roster-status' });

  const close = () => {
    preview.hidden = true;
    fill(preview);
    input.value = '';
  };

  function refuse(error: string, file: string): void {
    preview.hidden = false;
    fill(preview, h('h3', { id: `${id}-heading` }, `Cannot use ${file}`), h('p', { class: 'error', role: 'alert', 'data-testid': 'roster-error' }, error), h('button', { type: 'button', class: 'secondary', onclick: close }, 'Close'));
    preview.focus();
  }

  function show(r: RosterImport, file: string, note: string | undefined): void {
    if (!r.ok) return refuse(r.error ?? 'unreadable', file);
    preview.hidden = false;
    const rows = r.preview.map((p) => h('tr', {}, h('td', {}, p.line), h('td', {}, p.names.join(', '))));
    const act = (mode: 'replace' | 'add') => () => {
      const total = use({ names: r.names, mode, classes: r.classes });
      close();
      status.textContent = `${mode === 'replace' ? 'Pupil list replaced' : 'Names added'}: the list now has ${plural(total, 'pupil')}${r.classes.length ? `, and ${plural(r.classes.length, 'class', 'classes')} went into “Class, form and house names”` : ''}. Press Save to keep it.`;
      input.focus();
    };
    const [counted, ...why] = rosterExplained(r);
    const accented = accentedNames(r.names);
    fill(
      preview,
      h('h3', { id: `${id}-heading` }, `${plural(r.names.length, 'name')} found in ${file}`),
      note ? h('p', { class: 'error', role: 'alert', 'data-testid': 'roster-encoding' }, note, accented.length ? ` Check these names: ${accented.join(', ')}.` : '') : null,
      h('p', { 'data-testid': 'roster-count' }, `${counted} Columns used: ${r.columns.join(', ')}.`),
      why.length ? h('ul', { class: 'hint', 'data-testid': 'roster-why' }, ...why.map((w) => h('li', {}, w))) : null,
      r.classColumn
        ? h('p', { 'data-testid': 'roster-classes' }, `${plural(r.classes.length, 'class', 'classes')} in the ${r.classColumn} column: ${r.classes.slice(0, 12).join(', ')}${r.classes.length > 12 ? ', …' : ''}. They are added to “Class, form and house names”: a pupil named with their class is identifiable.`)
        : null,
      h('table', { class: 'counts' }, h('caption', {}, 'First rows'), h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Line'), h('th', { scope: 'col' }, 'Names'))), h('tbody', {}, ...rows)),
      h(
        'div',
        { class: 'row' },
        h('button', { type: 'button', onclick: act('replace'), 'data-testid': 'roster-replace' }, `Replace the list with these ${r.names.length}`),
        h('button', { type: 'button', class: 'secondary', onclick: act('add'), 'data-testid': 'roster-add' }, 'Add them to the list'),
        h('button', { type: 'button', class: 'secondary', onclick: close }, 'Cancel'),
      ),
    );
    preview.focus();
  }

  input.addEventListener('change', () => {
    const file = input.files?.[0];
    if (!file) return;
    status.textContent = '';
    file.arrayBuffer().then(
      (buffer) => {
        const d = decodeText(new Uint8Array(buffer), file.name);
        if (!d.ok) return refuse(d.error, file.name);
        show(rosterFromCsv(d.text), file.name, d.note);
      },
      (e: Error) => refuse(e.message, file.name),
    );
  });

  const element = h(
    'div',
    { class: 'roster-import' },
    h('label', { for: id }, 'Import pupils from a CSV file: '),
    input,
    h('p', { class: 'hint' }, 'From your MIS, saved as CSV UTF-8: a Name column, or Forename and Surname, or Legal Forename, Legal Surname and Preferred Forename; a Reg Group, Form or Class column gives the classes.'),
    preview,
    status,
  );
  return { element };
}
