/**
 * The popup and the options page for a member of staff with no school policy (issue 4, Deliver
 * 1, 2, 6, 7): the demo school, a roster imported from a real CSV file, validation that saves
 * nothing half-way, changes reaching an open composer tab without a reload, statistics as counts,
 * and settings surviving a browser restart. One profile, restarted once.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { launch, typeSlowly, type Launched } from './harness';
import { CASES, editorOf, expectMarked, highlights, openSitePage } from './inpage-helpers';
import { contentScriptWorld } from './isolated-world';
import { SUPPORTED_SITES } from '../../src/ui/labels';
import { checkDraft, EXTENSION_DIR, field, findingRules, markedWords, openOptions, openPopup, machinePolicyFiles, state } from './managed-helpers';

const work = mkdtempSync(join(tmpdir(), 'postcheck-popup-'));
const profileDir = join(work, 'profile');
const CSV = join(work, 'Pupil List (SIMS export).csv');
// from the MIS: BOM, CRLF, "Surname, Forename" in a quoted Name field, a doubled quote, a blank row
writeFileSync(CSV, '\uFEFFName,Reg Group,"Notes, if any"\r\n"Lightfoot, Persephone",6P,""\r\n"Mbeki-Olsen, Tariq",6P,"said ""hi"""\r\n\r\nNiamh Ó Súilleabháin,5R,\r\n');
const NEW_PUPIL = 'Persephone Lightfoot';

let b: Launched | undefined;
async function start(): Promise<Launched> {
  await b?.close();
  b = await launch({ extension: EXTENSION_DIR, userDataDir: profileDir });
  return b;
}

beforeAll(async () => {
  // as root Chromium gets an empty policy directory of its own; otherwise the machine's must not name PostCheck
  const foreign = machinePolicyFiles();
  if (foreign.length) throw new Error(`/etc/chromium/policies/managed/ has a PostCheck policy (${foreign.join(', ')}): it would change what this test sees`);
  await start();
}, 120_000);

afterAll(async () => {
  await b?.close();
  rmSync(work, { recursive: true, force: true });
});

describe('first run: the demo school', () => {
  let popup: Page;
  beforeAll(async () => {
    popup = await openPopup(b!.context);
  }, 60_000);

  test('the popup says it is the demo school and flags a demo pupil as you type, with the clause and fix', { timeout: 60_000 }, async () => {
    expect(await popup.getByTestId('source').textContent()).toMatch(/^Demo school/);
    expect(await popup.getByTestId('school-name').textContent()).toBe('Brookfield Park Primary School');
    await popup.getByTestId('draft').click();
    await popup.keyboard.type('Well done Albie Hussain', { delay: 20 });
    await expect.poll(() => findingRules(popup), { timeout: 15_000 }).toContain('pupil-name');
    expect(await markedWords(popup)).toContainEqual({ text: 'Albie Hussain', severity: 'sev-block' });
    expect(await popup.getByTestId('summary').textContent()).toMatch(/must fix/);
    // counts read as English: "1 must fix", never "2 must fixs" (newcomer 17)
    await popup.getByTestId('draft').fill('Well done Albie Hussain and Alfie Varga');
    await expect.poll(() => popup.getByTestId('summary').textContent()).toMatch(/\b2 must fix\b/);
    expect(await popup.getByTestId('summary').textContent()).not.toMatch(/fixs/);
    // back to one name: waited for by its count, so the next test finds one finding, not the old two
    await popup.getByTestId('draft').fill('Well done Albie Hussain');
    await expect.poll(() => popup.getByTestId('summary').textContent()).toMatch(/\b1 must fix\b/);
    expect(await popup.getByTestId('summary').getAttribute('aria-live')).toBe('polite');
  });

  test('"Copy fixed text" puts the fixed draft on the clipboard; "Use in draft" applies it and re-checks', { timeout: 60_000 }, async () => {
    await b!.context.grantPermissions(['clipboard-read', 'clipboard-write']);
    const finding = popup.locator('li.finding[data-rule="pupil-name"]');
    await finding.getByRole('button', { name: 'Copy fixed text' }).click();
    await expect.poll(() => popup.locator('.copied').textContent()).toMatch(/copied/);
    expect(await popup.evaluate(() => navigator.clipboard.readText())).toBe('Well done a pupil');
    await finding.getByRole('button', { name: 'Use in draft' }).click();
    expect(await popup.getByTestId('draft').inputValue()).toBe('Well done a pupil');
    await expect.poll(() => findingRules(popup)).not.toContain('pupil-name');
    // the draft mirror is built from text nodes: markup in a draft stays text
    await checkDraft(popup, '<img src=x onerror=alert(1)> Albie Hussain', 'pupil-name');
    expect(await popup.locator('[data-testid="mirror"] img').count()).toBe(0);
    await popup.close(); // (an open popup would count its draft once statistics are switched on below)
  });
});

describe('options', () => {
  let options: Page;
  let composer: Page;
  const fb = CASES.find((x) => x.site === 'facebook' && x.name === 'post')!;

  beforeAll(async () => {
    // an open composer tab, before the settings change
    composer = await openSitePage(b!, 'facebook');
    await fb.open!(composer);
    await typeSlowly(composer, editorOf(composer, fb), `Well done ${NEW_PUPIL} on a super assembly`);
    options = await openOptions(b!.context);
  }, 90_000);

  test('with nothing set, the form shows the demo school’s settings in use, marked as the demo’s, and only the supported sites (newcomer 15)', { timeout: 60_000 }, async () => {
    expect(await options.getByTestId('demo-note').isVisible()).toBe(true);
    expect(await field(options, 'school.name').locator('input').inputValue()).toBe('Brookfield Park Primary School');
    expect(await field(options, 'school.name').getByText('Demo school’s setting').isVisible()).toBe(true);
    expect(await field(options, 'school.name').locator('input').getAttribute('readonly')).not.toBeNull();
    expect(await field(options, 'enforcement').locator('input[value="confirm"]').isChecked()).toBe(true);
    expect(await field(options, 'enforcement').locator('input[value="advise"]').isChecked()).toBe(false);
    expect(await field(options, 'schoolHours').getByLabel('Use school hours').isChecked()).toBe(true);
    expect(await options.getByTestId('count-pupils').textContent()).toMatch(/^\d{2,} pupils$/);
    // the sites the extension checks (those with a site adapter: SUPPORTED_SITES), and no others
    const supported = SUPPORTED_SITES.map((s) => `sites.${s}`);
    expect(await options.locator('[data-path^="sites."]').evaluateAll((els) => els.map((e) => e.getAttribute('data-path')))).toEqual(supported);
    expect(await options.locator('[data-testid="tester"] [data-testid="site"] option').evaluateAll((els) => els.map((e) => (e as HTMLOptionElement).value))).toEqual([...SUPPORTED_SITES, 'other']);
    await options.getByTestId('start-blank').click();
    expect(await options.getByTestId('demo-note').isVisible()).toBe(false);
    expect(await field(options, 'school.name').locator('input').inputValue()).toBe('');
    expect(await field(options, 'school.name').locator('input').isEditable()).toBe(true);
  });

  test('a mistake is shown next to its field and nothing is saved', { timeout: 60_000 }, async () => {
    await field(options, 'school.name').locator('input').fill('Half-Saved Primary');
    await options.getByLabel('Use school hours').check();
    await options.getByLabel('Breaks').fill('10:30-10:45\nlunchtime');
    await options.getByTestId('save').click();
    const summary = options.getByTestId('error-summary');
    await expect.poll(() => summary.isVisible()).toBe(true);
    expect(await summary.textContent()).toMatch(/Nothing was saved/);
    expect(await field(options, 'schoolHours').locator('.error').textContent()).toBe('line 2: expected a break as 10:30-10:45, got "lunchtime"');
    expect(await options.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('error-summary');
    // a problem only the configuration schema finds, reported by the background by path
    await options.getByLabel('Breaks').fill('10:30-10:45');
    await options.getByLabel('Start').fill('');
    await options.getByTestId('save').click();
    await expect.poll(() => field(options, 'schoolHours').locator('.error').textContent()).toMatch(/^start: expected a time as "HH:MM"/);
    expect((await state(options)).userConfig).toBeNull();
    await options.getByLabel('Use school hours').uncheck();
  });

  test('the roster imports from a real CSV file with a preview and a count, and saving reaches an open tab without a reload', { timeout: 90_000 }, async () => {
    expect((await highlights(composer)).some((m) => m.text === NEW_PUPIL)).toBe(false);
    await options.getByTestId('roster-file').setInputFiles(CSV);
    const preview = options.getByTestId('roster-preview');
    await expect.poll(() => preview.isVisible()).toBe(true);
    expect(await options.getByTestId('roster-count').textContent()).toBe('3 rows read, 3 names listed. Columns used: Name.');
    expect(await preview.locator('tbody tr').allTextContents()).toEqual(['2Persephone Lightfoot', '3Tariq Mbeki-Olsen', '5Niamh Ó Súilleabháin']);
    await options.getByTestId('roster-replace').click();
    expect(await field(options, 'pupils').locator('textarea').inputValue()).toBe(`${NEW_PUPIL}\nTariq Mbeki-Olsen\nNiamh Ó Súilleabháin`);
    expect(await options.getByTestId('count-pupils').textContent()).toBe('3 pupils');
    await options.getByLabel('Keep statistics').check();
    // the site's renderer (the content script's world) watches what a save broadcasts (security 8)
    const world = await contentScriptWorld(composer);
    await world.evaluate(`globalThis.__pcChanges = []; chrome.storage.onChanged.addListener((c, area) => globalThis.__pcChanges.push(area + ' ' + JSON.stringify(c))); 1`);
    await options.getByTestId('save').click();
    await expect.poll(() => options.getByTestId('save-status').textContent()).toMatch(/^Saved\./);
    await expect.poll(() => world.evaluate<string[]>('globalThis.__pcChanges')).toEqual(expect.arrayContaining([expect.stringMatching(/configVersion/)]));
    const broadcast = (await world.evaluate<string[]>('globalThis.__pcChanges')).join('\n');
    const readable = await world.evaluate<string>('chrome.storage.local.get(null).then((v) => JSON.stringify(v))');
    for (const seen of [broadcast, readable]) {
      expect(seen).not.toContain('Lightfoot');
      expect(seen).not.toContain('Mbeki-Olsen');
      expect(seen).not.toContain('Half-Saved Primary');
    }
    expect(JSON.parse(readable)).not.toHaveProperty('userConfig');
    await world.detach();
    const s = await state(options);
    expect(s.effective.source).toBe('user');
    expect(s.userConfig).toEqual({ school: { name: 'Half-Saved Primary', classes: ['6P', '5R'] }, pupils: [NEW_PUPIL, 'Tariq Mbeki-Olsen', 'Niamh Ó Súilleabháin'], enforcement: 'advise', statistics: true });
    // the composer tab re-checks on its own
    await expectMarked(composer, NEW_PUPIL, 'block');
  });

  test('the school’s own clause and class names are saved from the form, and a finding quotes the clause as the school’s', { timeout: 60_000 }, async () => {
    await field(options, 'school.classes').locator('textarea').fill('Kestrels\nOak Class');
    await options.locator('details[data-rule="pupil-name"] summary').click();
    await field(options, 'policyClauses.title').locator('input').fill('Half-Saved Social Media Policy (2025)');
    await field(options, 'policyClauses.rules.pupil-name.section').locator('input').fill('4.2');
    await field(options, 'policyClauses.rules.pupil-name.quote').locator('textarea').fill('Staff must never name or identify a pupil online.');
    await options.getByTestId('save').click();
    await expect.poll(() => options.getByTestId('save-status').textContent()).toMatch(/^Saved\./);
    const s = await state(options);
    expect(s.userConfig).toMatchObject({
      school: { classes: ['Kestrels', 'Oak Class'] },
      policyClauses: { title: 'Half-Saved Social Media Policy (2025)', rules: { 'pupil-name': { section: '4.2', quote: 'Staff must never name or identify a pupil online.' } } },
    });
    const tester = '[data-testid="tester"]';
    await checkDraft(options, `So proud of ${NEW_PUPIL} today. Views are my own.`, 'pupil-name', tester);
    const finding = options.locator(`${tester} li.finding[data-rule="pupil-name"]`);
    expect(await finding.locator('.message').textContent()).toBe("Names a pupil on your school roster. Your school's policy (4.2) says: “Staff must never name or identify a pupil online.”");
    expect(await finding.getByTestId('clause-label').first().textContent()).toBe("Your school's policy: ");
    // a rule without the school's clause cites a model policy, labelled as one
    await checkDraft(options, `So proud of ${NEW_PUPIL} and her EHCP review today. Views are my own.`, 'confidential', tester);
    const conf = options.locator(`${tester} li.finding[data-rule="confidential"]`);
    expect(await conf.getByTestId('clause-label').first().textContent()).toBe('Model policy: ');
    expect(await conf.locator('.message').textContent()).not.toMatch(/your (school's )?policy/i);
  });

  test('a rule switched off and a site switched off apply in the test box', { timeout: 60_000 }, async () => {
    await field(options, 'rules.disclaimer-missing').locator('select').selectOption('off');
    await field(options, 'sites.x').locator('input').uncheck();
    await options.getByTestId('save').click();
    await expect.poll(() => options.getByTestId('save-status').textContent()).toMatch(/^Saved\./);
    const tester = '[data-testid="tester"]';
    await checkDraft(options, `So proud of ${NEW_PUPIL} and my class today`, 'pupil-name', tester);
    expect(await findingRules(options, tester)).not.toContain('disclaimer-missing');
    await options.locator(`${tester} [data-testid="site"]`).selectOption('x');
    await expect.poll(() => options.locator(`${tester} [data-testid="summary"]`).textContent()).toMatch(/switched off for X/);
  });
});

describe('statistics', () => {
  test('counted once per popup draft, shown in the popup, exported as counts without text, and reset', { timeout: 60_000 }, async () => {
    const popup = await openPopup(b!.context);
    const stats = popup.getByTestId('stats');
    await expect.poll(() => stats.isVisible()).toBe(true);
    await popup.getByTestId('draft').click();
    await popup.keyboard.type(`Great work ${NEW_PUPIL}`, { delay: 20 }); // many checks, one draft
    await expect.poll(() => findingRules(popup)).toContain('pupil-name');
    await expect.poll(() => stats.locator('tr', { hasText: 'Drafts checked here in the popup' }).locator('td').textContent()).toBe('1');
    expect(await stats.locator('tr', { hasText: 'Pupil named' }).locator('td').textContent()).toBe('1');

    const [download] = await Promise.all([popup.waitForEvent('download'), stats.getByTestId('export-stats').click()]);
    const file = join(work, 'stats.json');
    await download.saveAs(file);
    const text = readFileSync(file, 'utf8');
    const exported = JSON.parse(text) as { counts: { popupDrafts: number; popupFindingsByRule: Record<string, number> }; summary: { popupDrafts: number } };
    expect(exported.counts.popupDrafts).toBe(1);
    expect(exported.counts.popupFindingsByRule).toEqual({ 'pupil-name': 1 });
    expect(text).not.toContain('Lightfoot');
    expect(text).not.toContain('Great work');

    popup.once('dialog', (d) => void d.accept());
    await stats.getByTestId('reset-stats').click();
    await expect.poll(() => popup.getByTestId('stats').locator('tr', { hasText: 'Drafts checked here in the popup' }).locator('td').textContent()).toBe('0');
    await popup.close();
  });
});

describe('after a browser restart', () => {
  beforeAll(async () => {
    await start();
  }, 120_000);

  test('the user’s settings are still there and still used', { timeout: 60_000 }, async () => {
    const options = await openOptions(b!.context);
    expect(await field(options, 'pupils').locator('textarea').inputValue()).toBe(`${NEW_PUPIL}\nTariq Mbeki-Olsen\nNiamh Ó Súilleabháin`);
    expect(await field(options, 'rules.disclaimer-missing').locator('select').inputValue()).toBe('off');
    expect(await field(options, 'sites.x').locator('input').isChecked()).toBe(false);
    const popup = await openPopup(b!.context);
    expect(await popup.getByTestId('source').textContent()).toBe('Your own settings');
    await checkDraft(popup, `Well done Niamh Ó Súilleabháin`, 'pupil-name');
  });
});
