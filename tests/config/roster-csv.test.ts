import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { parseCsv, rosterExplained, rosterFromCsv } from '../../src/options/csv.js';
import { decodeText } from '../../src/shared/decode.js';

const fixture = (name: string) => readFileSync(fileURLToPath(new URL(`../cli/fixtures/roster/${name}`, import.meta.url)));

describe('parseCsv', () => {
  test('quoted fields with commas, doubled quotes and line breaks; BOM; CRLF', () => {
    const text = '\uFEFFName,Class\r\n"Brown, Joshua",6B\r\n"Zoë ""Zo"" O\'Neill","4\r\nA"\r\n';
    expect(parseCsv(text)).toEqual([
      ['Name', 'Class'],
      ['Brown, Joshua', '6B'],
      ['Zoë "Zo" O\'Neill', '4\r\nA'],
    ]);
  });

  test('LF and lone CR line ends, a last line without a line end, empty fields', () => {
    expect(parseCsv('a,b\nc,\rd,e')).toEqual([['a', 'b'], ['c', ''], ['d', 'e']]);
  });

  test('tab- or semicolon-separated exports', () => {
    expect(parseCsv('Forename\tSurname\nAmy\tLi\n')).toEqual([['Forename', 'Surname'], ['Amy', 'Li']]);
    expect(parseCsv('Forename;Surname\nAmy;Li\n')).toEqual([['Forename', 'Surname'], ['Amy', 'Li']]);
  });
});

describe('rosterFromCsv', () => {
  test('a Name column, surname-first names flipped', () => {
    const r = rosterFromCsv('Name,Reg\nJoshua Brown,6B\n"Kaur, Amelia-Rose",5A\n\n');
    expect(r.ok).toBe(true);
    expect(r.names).toEqual(['Joshua Brown', 'Amelia-Rose Kaur']);
    expect(r.rows).toBe(2);
    expect(r.columns).toEqual(['Name']);
  });

  test('Forename/Surname columns, any case and spacing', () => {
    const r = rosterFromCsv('UPN,first name,LAST_NAME\nA1,Oisín,Byrne\nA2,  Zoë ,O\'Neill\n');
    expect(r.names).toEqual(['Oisín Byrne', "Zoë O'Neill"]);
  });

  test('SIMS-style legal and preferred forenames: the preferred one, and the legal one when different', () => {
    const csv = [
      'Legal Surname,Legal Forename,Preferred Forename,Year',
      'Brown,Joshua,Josh,6',
      'Kaur,Amelia-Rose,Amelia-Rose,5',
      'Hill,Thomas,,4',
    ].join('\r\n');
    const r = rosterFromCsv(csv);
    expect(r.names).toEqual(['Josh Brown', 'Joshua Brown', 'Amelia-Rose Kaur', 'Thomas Hill']);
    expect(r.preview).toEqual([
      { line: 2, names: ['Josh Brown', 'Joshua Brown'] },
      { line: 3, names: ['Amelia-Rose Kaur'] },
      { line: 4, names: ['Thomas Hill'] },
    ]);
    expect(r.columns).toEqual(['Legal Forename', 'Legal Surname', 'Preferred Forename']);
  });

  test('duplicates are listed once; rows without a name are reported with their line', () => {
    const r = rosterFromCsv('Forename,Surname\nAmy,Li\n"amy","LI"\n,\n"","" \nBen,\n');
    expect(r.names).toEqual(['Amy Li', 'Ben']);
    expect(r.rows).toBe(3);
    expect(r.skipped).toEqual([]);
    const s = rosterFromCsv('Name,Class\nAmy Li,6\n,6\n');
    expect(s.skipped).toEqual([{ line: 3, reason: 'no name in this row' }]);
  });

  test('line numbers count line breaks inside quoted fields', () => {
    const r = rosterFromCsv('Name,Note\n"Amy Li","two\nlines"\n,x\n');
    expect(r.skipped).toEqual([{ line: 4, reason: 'no name in this row' }]);
  });

  test('a file without name columns says which columns it has', () => {
    const r = rosterFromCsv('UPN,DOB\nA1,2015-01-01\n');
    expect(r.ok).toBe(false);
    expect(r.error).toMatch(/no name columns found.*"UPN", "DOB"/);
    expect(rosterFromCsv('').error).toBe('the file is empty');
    expect(rosterFromCsv('Name\n').error).toMatch(/no names/);
  });

  // speed is measured by benchmarks, never asserted on this shared machine: this checks the result
  test('thousands of rows import whole', () => {
    const lines = ['Legal Forename,Legal Surname,Preferred Forename'];
    for (let i = 0; i < 5000; i++) lines.push(`Name${i},"Surname, ${i}",P${i}`);
    const r = rosterFromCsv(lines.join('\r\n'));
    expect(r.names).toHaveLength(10000);
    expect(r.names).toEqual(expect.arrayContaining(['P4999 Surname, 4999', 'Name4999 Surname, 4999']));
  });

  test('a class column gives the distinct classes, in file order, whatever it is called', () => {
    for (const header of ['Reg Group', 'Form', 'Class', 'Registration Group', 'Tutor Group', 'REG_GROUP']) {
      const r = rosterFromCsv(`Forename,Surname,${header}\nAmy,Li,6P\nBen,Ng,5M\nCal,Oz,6p\nDee,Po,\n`);
      expect(r.classes, header).toEqual(['6P', '5M']);
      expect(r.classColumn).toBe(header);
    }
    expect(rosterFromCsv('Name,Year\nAmy Li,6\n').classes).toEqual([]);
  });

  test('a real SIMS-style export: names, classes, and a count that explains itself and adds up', () => {
    const d = decodeText(fixture('excel-csv-utf8.csv'));
    const r = rosterFromCsv((d as { text: string }).text);
    expect(r.rows).toBe(14);
    expect(r.names).toHaveLength(14);
    expect(r.classes).toEqual(['5M', '5R', '6P', '6H']);
    expect(r.rows - r.skipped.length + r.alsoLegal - r.repeats).toBe(r.names.length);
    expect(rosterExplained(r)).toEqual([
      '14 rows read, 14 names listed.',
      '1 row had no name and was skipped (line 14).',
      '2 pupils with a preferred forename are also listed by the legal one (+2).',
      '1 name already listed from an earlier row was merged: the same pupil twice, or two pupils with the same name (−1).',
    ]);
  });

  test('a name with a lost character (U+FFFD, or the ? Excel writes for a letter Windows-1252 lacks) refuses the file', () => {
    expect(rosterFromCsv('Name\nZo\uFFFD Hussain\n').error).toMatch(/^line 2 has "Zo\uFFFD Hussain": \uFFFD stands for a character lost/);
    expect(rosterFromCsv('Name,Notes\nAmy Li,why?\n?ucja Nowak,\n').error).toMatch(/^line 3 has "\?ucja Nowak": a \? in a name/);
    // a ? elsewhere in the row is not a name
    expect(rosterFromCsv('Name,Notes\nAmy Li,why?\n').ok).toBe(true);
  });
});
