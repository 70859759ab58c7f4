// Roster import on the options page: pick a CSV export, see the columns used, the first rows and the
// count, then replace or extend the pupil list (still unsaved until Save, like every other field).
import { fill, h, plural, uid } from '../ui/dom.js';
import { rosterFromCsv, type RosterImport } from './csv.js';

export function rosterImport(use: (names: string[], mode: 'replace' | 'add') => number): { element: HTMLElement } {
  const id = uid('csv');
  const input = h('input', { type: 'file', id, accept: '.csv,text/csv,text/plain', 'data-testid': 'roster-file' });
  const preview = h('div', { class: 'roster-preview', 'data-testid': 'roster-preview', hidden: true, tabindex: -1, 'aria-labelledby': `${id}-heading` });
  const status = h('p', { role: 'status', 'aria-live': 'polite', class: 'hint', 'data-testid': 'roster-status' });

  const close = () => {
    preview.hidden = true;
    fill(preview);
    input.value = '';
  };

  function show(r: RosterImport, file: string): void {
    preview.hidden = false;
    if (!r.ok) {
      fill(preview, h('h3', { id: `${id}-heading` }, `Cannot use ${file}`), h('p', { class: 'error', role: 'alert' }, r.error ?? 'unreadable'), h('button', { type: 'button', class: 'secondary', onclick: close }, 'Close'));
      preview.focus();
      return;
    }
    const rows = r.preview.map((p) => h('tr', {}, h('td', {}, p.line), h('td', {}, p.names.join(', '))));
    const act = (mode: 'replace' | 'add') => () => {
      const total = use(r.names, mode);
      close();
      status.textContent = `${mode === 'replace' ? 'Pupil list replaced' : 'Names added'}: the list now has ${plural(total, 'pupil')}. Press Save to keep it.`;
      input.focus();
    };
    fill(
      preview,
      h('h3', { id: `${id}-heading` }, `${plural(r.names.length, 'name')} found in ${file}`),
      h('p', { 'data-testid': 'roster-count' }, `${plural(r.rows, 'row')} read, ${plural(r.names.length, 'name')} (columns used: ${r.columns.join(', ')}).`),
      r.skipped.length ? h('p', { class: 'hint' }, `${plural(r.skipped.length, 'row')} had no name and were skipped (line ${r.skipped.slice(0, 10).map((s) => s.line).join(', ')}${r.skipped.length > 10 ? ', …' : ''}).`) : null,
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
    file.text().then(
      (text) => show(rosterFromCsv(text), file.name),
      (e: Error) => show({ ok: false, names: [], rows: 0, columns: [], preview: [], skipped: [], error: e.message }, file.name),
    );
  });

  const element = h(
    'div',
    { class: 'roster-import' },
    h('label', { for: id }, 'Import pupils from a CSV file: '),
    input,
    h('p', { class: 'hint' }, 'From your MIS: a Name column, or Forename and Surname, or Legal Forename, Legal Surname and Preferred Forename.'),
    preview,
    status,
  );
  return { element };
}
