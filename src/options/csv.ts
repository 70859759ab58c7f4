// Pupil roster from a CSV export of a school information system (SIMS, Arbor, Bromcom…). Pure: no DOM,
// no browser APIs, so the options page and `postcheck policy --roster` share it.
//
// Written here rather than taken from a library: RFC 4180 reading is ~40 lines, and what matters is
// the part no CSV library knows — which columns hold a pupil's names and how an MIS writes them.
//
// Columns (matched case-insensitively, ignoring spaces, `_` and `-`):
//   Name                                   "Joshua Brown", or "Brown, Joshua" (surname first, flipped)
//   Forename + Surname                     also First Name / Last Name
//   Legal Forename + Legal Surname (+ Preferred Forename, + Preferred Surname)
// With a preferred forename the pupil is listed by it ("Josh Brown") and, when different, by the
// legal name too ("Joshua Brown"): staff write the name the child goes by, the register has the other.
// A class column (Reg Group, Form, Class, Registration Group, Tutor Group) gives school.classes:
// a child named with their class ("Josh in 5M") is identifiable.
//
// The text comes decoded (src/shared/decode.ts); a name holding U+FFFD, a character lost by an
// earlier conversion, refuses the file: such a name would never match, and nobody would know.
import { plural } from '../shared/plural.js';
import { REPLACEMENT, SAVE_AS_UTF8 } from '../shared/decode.js';

/** Reads CSV text into rows of fields: quoted fields (with commas, doubled quotes, line breaks), BOM, CRLF/LF/CR. */
export function parseCsv(text: string, delimiter?: string): string[][] {
  const src = text.replace(/^\uFEFF/, '');
  const sep = delimiter ?? guessDelimiter(src);
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  let i = 0;
  const endField = () => {
    row.push(field);
    field = '';
  };
  const endRow = () => {
    endField();
    rows.push(row);
    row = [];
  };
  while (i < src.length) {
    const c = src[i]!;
    if (quoted) {
      if (c === '"') {
        if (src[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        quoted = false;
      } else field += c;
      i++;
      continue;
    }
    if (c === '"' && field.trim() === '') {
      // a quote opens a quoted field only at its start (spaces before it are dropped)
      field = '';
      quoted = true;
    } else if (c === sep) endField();
    else if (c === '\r' || c === '\n') {
      endRow();
      if (c === '\r' && src[i + 1] === '\n') i++;
    } else field += c;
    i++;
  }
  if (field !== '' || row.length > 0) endRow();
  return rows;
}

/** Comma unless the header line has tabs or semicolons and no commas (some exports use them). */
function guessDelimiter(src: string): string {
  const first = src.slice(0, src.search(/\r|\n/) === -1 ? src.length : src.search(/\r|\n/));
  if (first.includes(',')) return ',';
  if (first.includes('\t')) return '\t';
  if (first.includes(';')) return ';';
  return ',';
}

const HEADERS = {
  name: ['name', 'fullname', 'pupilname', 'studentname', 'pupil', 'student'],
  forename: ['forename', 'forenames', 'firstname', 'givenname'],
  surname: ['surname', 'lastname', 'familyname'],
  legalForename: ['legalforename', 'legalforenames', 'legalfirstname'],
  legalSurname: ['legalsurname', 'legallastname'],
  preferredForename: ['preferredforename', 'preferredfirstname'],
  preferredSurname: ['preferredsurname', 'preferredlastname'],
  class: ['reggroup', 'registrationgroup', 'regform', 'form', 'formgroup', 'formclass', 'class', 'classname', 'tutorgroup'],
} as const;
type Column = keyof typeof HEADERS;

const norm = (h: string) => h.toLowerCase().replace(/[\s_\-.]/g, '');
const clean = (s: string | undefined) => (s ?? '').replace(/\s+/g, ' ').trim();

export interface RosterRow {
  /** 1-based line number in the file (of the row's first line) */
  line: number;
  names: string[];
}

export interface RosterImport {
  ok: boolean;
  /** every distinct name, in file order */
  names: string[];
  /** data rows read (blank rows not counted) */
  rows: number;
  /** which columns were used, for the preview ("Legal Forename, Legal Surname, Preferred Forename") */
  columns: string[];
  /** the first rows as they were read, for the preview */
  preview: RosterRow[];
  /** rows that gave no name */
  skipped: Array<{ line: number; reason: string }>;
  /** rows that also gave the legal name beside a different preferred one (each adds a name) */
  alsoLegal: number;
  /** names already listed from an earlier row (or the same one), merged */
  repeats: number;
  /** the distinct values of the class column, in file order (empty without one) */
  classes: string[];
  /** the class column's header, when there is one */
  classColumn?: string;
  /** why the file cannot be used (when ok is false) */
  error?: string;
}

/** Names from `Forename Surname`; the preferred forename first and, when different, the legal one too. */
function namesOf(legalFirst: string, last: string, preferredFirst: string, preferredLast: string): string[] {
  const join = (a: string, b: string) => clean(`${a} ${b}`);
  const first = preferredFirst || legalFirst;
  const surname = preferredLast || last;
  const out = [join(first, surname)];
  if ((preferredFirst && legalFirst && preferredFirst !== legalFirst) || (preferredLast && last && preferredLast !== last)) {
    out.push(join(legalFirst || first, last || surname));
  }
  return [...new Set(out.filter(Boolean))];
}

/** "Brown, Joshua" → "Joshua Brown"; anything else as written. */
function fromNameField(v: string): string {
  const parts = v.split(',');
  if (parts.length === 2 && clean(parts[0]) && clean(parts[1])) return clean(`${parts[1]} ${parts[0]}`);
  return clean(v);
}

export function rosterFromCsv(text: string, previewRows = 5): RosterImport {
  const rows = parseCsv(text);
  const fail = (error: string): RosterImport => ({ ok: false, names: [], rows: 0, columns: [], preview: [], skipped: [], alsoLegal: 0, repeats: 0, classes: [], error });
  const headerIndex = rows.findIndex((r) => r.some((f) => clean(f) !== ''));
  if (headerIndex === -1) return fail('the file is empty');
  const header = rows[headerIndex]!.map(clean);
  const col: Partial<Record<Column, number>> = {};
  header.forEach((h, i) => {
    const n = norm(h);
    for (const [c, names] of Object.entries(HEADERS) as Array<[Column, readonly string[]]>) if (col[c] === undefined && names.includes(n)) col[c] = i;
  });
  let mode: 'legal' | 'split' | 'name';
  if (col.legalForename !== undefined && col.legalSurname !== undefined) mode = 'legal';
  else if (col.forename !== undefined && col.surname !== undefined) mode = 'split';
  else if (col.name !== undefined) mode = 'name';
  else if (col.preferredForename !== undefined && (col.legalSurname ?? col.surname) !== undefined) mode = 'legal';
  else
    return fail(
      `no name columns found: expected "Name", or "Forename" and "Surname", or "Legal Forename", "Legal Surname" (and "Preferred Forename"); the first row has ${header.filter(Boolean).map((h) => `"${h}"`).join(', ') || 'nothing'}`,
    );
  const used: Column[] =
    mode === 'name'
      ? ['name']
      : mode === 'split'
        ? ['forename', 'surname', 'preferredForename', 'preferredSurname']
        : ['legalForename', 'legalSurname', 'preferredForename', 'preferredSurname'];
  const columns = used.filter((c) => col[c] !== undefined).map((c) => header[col[c]!]!);
  const get = (r: string[], c: Column) => (col[c] === undefined ? '' : clean(r[col[c]!]));

  // line numbers: count the line breaks inside quoted fields too
  const lineOf = lineNumbers(text.replace(/^\uFEFF/, ''), rows.length);
  const seen = new Set<string>();
  const names: string[] = [];
  const preview: RosterRow[] = [];
  const skipped: RosterImport['skipped'] = [];
  const classes = new Map<string, string>();
  let count = 0;
  let alsoLegal = 0;
  let repeats = 0;
  for (let i = headerIndex + 1; i < rows.length; i++) {
    const r = rows[i]!;
    if (r.every((f) => clean(f) === '')) continue;
    count++;
    const line = lineOf[i] ?? i + 1;
    const lost = r.find((f) => f.includes(REPLACEMENT));
    if (lost !== undefined)
      return fail(`line ${line} has "${clean(lost)}": ${REPLACEMENT} stands for a character lost when the file was saved or converted, so that pupil would never be matched. Export the roster again as UTF-8. ${SAVE_AS_UTF8}`);
    const cls = get(r, 'class');
    if (cls && !classes.has(cls.toLocaleLowerCase('en-GB'))) classes.set(cls.toLocaleLowerCase('en-GB'), cls);
    let rowNames: string[];
    if (mode === 'name') rowNames = [fromNameField(get(r, 'name'))].filter(Boolean);
    else {
      const legalFirst = mode === 'legal' ? get(r, 'legalForename') : get(r, 'forename');
      const last = mode === 'legal' ? get(r, 'legalSurname') || get(r, 'surname') : get(r, 'surname');
      rowNames = namesOf(legalFirst, last, get(r, 'preferredForename'), get(r, 'preferredSurname'));
    }
    if (rowNames.length === 0) {
      skipped.push({ line, reason: 'no name in this row' });
      continue;
    }
    // Excel's "CSV (Comma delimited)" writes ? for a letter Windows-1252 lacks (Ł, ő, ş…)
    const unwritten = rowNames.find((n) => n.includes('?'));
    if (unwritten)
      return fail(`line ${line} has "${unwritten}": a ? in a name is a letter the file's encoding could not hold (Excel's "CSV (Comma delimited)" writes ? for Ł, ő, ş and others), so that pupil would never be matched. Export the roster again as UTF-8. ${SAVE_AS_UTF8}`);
    if (preview.length < previewRows) preview.push({ line, names: rowNames });
    alsoLegal += rowNames.length - 1;
    for (const n of rowNames) {
      const key = n.toLocaleLowerCase('en-GB');
      if (seen.has(key)) {
        repeats++;
        continue;
      }
      seen.add(key);
      names.push(n);
    }
  }
  if (names.length === 0) return { ...fail('the file has a header but no names under it'), rows: count, columns, skipped };
  if (names.length > 20000) return { ...fail(`the file has ${names.length} names; the most PostCheck takes is 20000`), rows: count, columns };
  const classColumn = col.class === undefined ? undefined : header[col.class];
  return { ok: true, names, rows: count, columns, preview, skipped, alsoLegal, repeats, classes: [...classes.values()], ...(classColumn ? { classColumn } : {}) };
}

/**
 * How the rows became the names, so the count can be checked against the number on roll: rows
 * without a name skipped, legal names listed beside preferred ones, repeated names merged. The
 * parts always add up: rows − skipped + also legal − repeats = names.
 */
export function rosterExplained(r: RosterImport): string[] {
  const out = [`${plural(r.rows, 'row')} read, ${plural(r.names.length, 'name')} listed.`];
  if (r.skipped.length)
    out.push(`${plural(r.skipped.length, 'row')} had no name and ${r.skipped.length === 1 ? 'was' : 'were'} skipped (line ${r.skipped.slice(0, 5).map((s) => s.line).join(', ')}${r.skipped.length > 5 ? ', …' : ''}).`);
  if (r.alsoLegal) out.push(`${plural(r.alsoLegal, 'pupil')} with a preferred forename ${r.alsoLegal === 1 ? 'is' : 'are'} also listed by the legal one (+${r.alsoLegal}).`);
  if (r.repeats) out.push(`${plural(r.repeats, 'name')} already listed from an earlier row ${r.repeats === 1 ? 'was' : 'were'} merged: the same pupil twice, or two pupils with the same name (−${r.repeats}).`);
  return out;
}

/** The 1-based line on which each parsed row starts. */
function lineNumbers(src: string, rowCount: number): number[] {
  const out: number[] = [];
  let line = 1;
  let quoted = false;
  let atRowStart = true;
  for (let i = 0; i < src.length && out.length <= rowCount; i++) {
    if (atRowStart) {
      out.push(line);
      atRowStart = false;
    }
    const c = src[i];
    if (c === '"') quoted = !quoted;
    else if (c === '\n' || c === '\r') {
      if (c === '\r' && src[i + 1] === '\n') i++;
      line++;
      if (!quoted) atRowStart = true;
    }
  }
  return out;
}

/** Up to `n` names with letters outside ASCII: shown when a file was not UTF-8, to check it was read right. */
export function accentedNames(names: readonly string[], n = 5): string[] {
  // eslint-disable-next-line no-control-regex
  return names.filter((x) => /[^\u0000-\u007f]/.test(x)).slice(0, n);
}
