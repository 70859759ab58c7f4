/**
 * A file written by `postcheck policy` loads in Chromium (issue 4, "Done when"): the Linux policy
 * JSON, made from a configuration and a roster CSV exported from an MIS, copied unchanged into the
 * directory Chromium reads as /etc/chromium/policies/managed/ (the test's own, see
 * policy-namespace.ts) as school IT would, and a pupil from that CSV is flagged.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { REPO_ROOT, type Launched } from './harness';
import { checkDraft, EXTENSION_DIR, field, installPolicyFile, launch, managedSkip, markedWords, openOptions, openPopup, removePolicy, removePolicyOnExit, state } from './managed-helpers';

const SKIP = managedSkip();

let work = '';
let b: Launched | undefined;

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'postcheck-cli-policy-'));
  removePolicyOnExit();
  writeFileSync(join(work, 'school.json'), JSON.stringify({ school: { name: 'Millbrook Church of England Academy' }, enforcement: 'block', locked: true }));
  // as SIMS exports it: BOM, CRLF, quoted fields, legal and preferred forenames
  writeFileSync(
    join(work, 'roster.csv'),
    '\uFEFF"Legal Surname","Legal Forename","Preferred Forename","Reg Group"\r\n"Okonkwo-Reyes","Chidinma","Chidi","5M"\r\n"Fairweather","Imogen","","5M"\r\n',
  );
  const r = spawnSync(process.execPath, [join(REPO_ROOT, 'dist/cli.mjs'), 'policy', '--config', join(work, 'school.json'), '--roster', join(work, 'roster.csv'), '--out', join(work, 'out')], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`postcheck policy failed (${r.status}): ${r.stderr}`);
  // as school IT would: the generated file, copied unchanged into Chromium's policy directory
  installPolicyFile(join(work, 'out/linux/postcheck.json'));
  b = await launch({ extension: EXTENSION_DIR });
}, 120_000);

afterAll(async () => {
  removePolicy();
  await b?.close();
  if (work) rmSync(work, { recursive: true, force: true });
});

test.skipIf(SKIP)('the Linux policy JSON from `postcheck policy` is the school’s configuration in Chromium, and its CSV roster is flagged', { timeout: 60_000 }, async () => {
  const popup = await openPopup(b!.context);
  const s = await state(popup);
  expect(s.effective.source).toBe('managed');
  expect(s.effective.problems).toEqual([]);
  expect(s.effective.config.pupils).toEqual(['Chidi Okonkwo-Reyes', 'Chidinma Okonkwo-Reyes', 'Imogen Fairweather']);
  // the export's Reg Group column became school.classes
  expect(s.effective.config.school).toEqual({ name: 'Millbrook Church of England Academy', classes: ['5M'] });
  expect(s.effective.managedFields.sort()).toEqual(['enforcement', 'locked', 'pupils', 'school.classes', 'school.name']);
  expect(await popup.getByTestId('school-name').textContent()).toBe('Millbrook Church of England Academy');
  await checkDraft(popup, 'So proud of Chidi Okonkwo-Reyes in the choir concert tonight', 'pupil-name');
  expect(await markedWords(popup)).toContainEqual({ text: 'Chidi Okonkwo-Reyes', severity: 'sev-block' });

  // "locked": every field read-only, nothing to save
  const options = await openOptions(b!.context);
  expect(await options.getByTestId('locked-note').isVisible()).toBe(true);
  expect(await options.getByTestId('save').isDisabled()).toBe(true);
  expect(await field(options, 'disclaimer').locator('input').getAttribute('readonly')).not.toBeNull();
  expect(await field(options, 'rules.gossip').locator('select').isDisabled()).toBe(true);
});
