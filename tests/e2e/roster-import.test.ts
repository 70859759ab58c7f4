/**
 * The options page's roster import reads an export the way the CLI does (newcomer finding 4): real
 * files as Excel writes them (tests/cli/fixtures/roster/), picked in the file input of the built
 * extension in Chromium. A Windows-1252 "CSV (Comma delimited)" export keeps its accents and says it
 * was not UTF-8, with the names to check; UTF-16 ("Unicode Text") reads the same; the class column
 * fills “Class, form and house names”; a damaged export (U+FFFD) is refused and nothing changes.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { launch, REPO_ROOT, type Launched } from './harness';
import { EXTENSION_DIR, field, openOptions } from './managed-helpers';

const ROSTERS = join(REPO_ROOT, 'tests/cli/fixtures/roster');
const NAMES = ['Oisín Taylor', 'Zoë Hussain', 'Ivy Ó Súilleabháin', 'Dáithí Müller', 'Josh Brown', 'Joshua Brown', 'Amelia-Rose Kaur', 'Ollie Hill', 'Oliver Hill', 'Chloë Jones', "Seán O'Neill", 'Renée Dubois', 'Jack Smith', 'Imogen Fairweather'];

let b: Launched | undefined;
let options: Page;

beforeAll(async () => {
  b = await launch({ extension: EXTENSION_DIR });
  options = await openOptions(b.context);
  // nothing is set, so the page shows the demo school read-only; an import is for one's own school
  await options.getByTestId('start-blank').click();
}, 120_000);

afterAll(async () => {
  await b?.close();
});

async function pick(file: string) {
  await options.getByTestId('roster-file').setInputFiles(join(ROSTERS, file));
  await expect.poll(() => options.getByTestId('roster-preview').isVisible()).toBe(true);
}

test('a Windows-1252 export: accents kept, the encoding said with names to check, the count explained, the classes found', { timeout: 60_000 }, async () => {
  await pick('excel-csv-comma-delimited.csv');
  expect(await options.getByTestId('roster-encoding').textContent()).toMatch(/is not UTF-8: read it as Windows-1252.*Check these names: Oisín Taylor, Zoë Hussain, Ivy Ó Súilleabháin, Dáithí Müller, Chloë Jones\./);
  expect(await options.getByTestId('roster-count').textContent()).toBe('14 rows read, 14 names listed. Columns used: Legal Forename, Legal Surname, Preferred Forename.');
  expect(await options.getByTestId('roster-why').locator('li').allTextContents()).toEqual([
    '1 row had no name and was skipped (line 14).',
    '2 pupils with a preferred forename are also listed by the legal one (+2).',
    '1 name already listed from an earlier row was merged: the same pupil twice, or two pupils with the same name (−1).',
  ]);
  expect(await options.getByTestId('roster-classes').textContent()).toMatch(/^4 classes in the Reg Group column: 5M, 5R, 6P, 6H\./);
  await options.getByTestId('roster-replace').click();
  expect((await field(options, 'pupils').locator('textarea').inputValue()).split('\n')).toEqual(NAMES);
  expect((await field(options, 'school.classes').locator('textarea').inputValue()).split('\n')).toEqual(['5M', '5R', '6P', '6H']);
  expect(await options.getByTestId('roster-status').textContent()).toMatch(/the list now has 14 pupils, and 4 classes went into “Class, form and house names”/);
});

test('Excel "Unicode Text" (UTF-16, tab-separated) gives the same names, without a note', { timeout: 60_000 }, async () => {
  await pick('excel-unicode-text.txt');
  expect(await options.getByTestId('roster-encoding').count()).toBe(0);
  await options.getByTestId('roster-replace').click();
  expect((await field(options, 'pupils').locator('textarea').inputValue()).split('\n')).toEqual(NAMES);
});

test('an export already damaged (U+FFFD) is refused, and the list is unchanged', { timeout: 60_000 }, async () => {
  await pick('converted-badly.csv');
  expect(await options.getByTestId('roster-error').textContent()).toMatch(/^line 2 has "Ois\uFFFDn": \uFFFD stands for a character lost/);
  expect(await options.getByTestId('roster-replace').count()).toBe(0);
  expect((await field(options, 'pupils').locator('textarea').inputValue()).split('\n')).toEqual(NAMES);
});
