// What the command line says when it is used wrongly or given little (newcomer findings 17, 19, 20,
// 21): a mistyped option gets "did you mean", input with nothing in it says nothing was checked,
// an impossible date is refused, a policy with no pupils warns, the roster count explains itself,
// and counts read as English ("1 row", not "1 rows").
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, test } from 'vitest';

const root = fileURLToPath(new URL('../../', import.meta.url));
const cli = join(root, 'dist/cli.mjs');
const tmp = mkdtempSync(join(tmpdir(), 'postcheck-usage-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

function postcheck(args: string[], input?: string) {
  const r = spawnSync(process.execPath, [cli, ...args], { input, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}
const file = (name: string, text: string) => {
  const p = join(tmp, name);
  writeFileSync(p, text);
  return p;
};

describe('options', () => {
  test.each([
    [['check', '--jsn'], 'unknown option --jsn for check (did you mean --json?). "postcheck check --help" lists the options.'],
    [['check', '--conifg', 'x.json'], 'unknown option --conifg for check (did you mean --config?). "postcheck check --help" lists the options.'],
    [['check', '--jsonlines'], 'unknown option --jsonlines for check (did you mean --jsonl?). "postcheck check --help" lists the options.'],
    [['policy', '--rooster', 'x.csv'], 'unknown option --rooster for policy (did you mean --roster?). "postcheck policy --help" lists the options.'],
    [['check', '--xyzzy'], 'unknown option --xyzzy for check. "postcheck check --help" lists the options.'],
    [['check', '--config'], '--config needs a value, e.g. --config FILE. "postcheck check --help" lists the options.'],
    [['check', '--json', '--jsonl'], '--json and --jsonl cannot be used together: --jsonl already writes JSON, one line per draft'],
    [['frobnicate'], 'unknown command "frobnicate": the commands are check and policy. "postcheck --help" says more.'],
  ])('%j', (args, message) => {
    const r = postcheck(args, 'x');
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(`postcheck: ${message}\n`);
  });

  test('--help names the repository’s own docs (docs/configuration.md), not files that do not exist', () => {
    for (const args of [['--help'], ['policy', '--help']]) {
      const r = postcheck(args);
      expect(r.stdout).toContain('docs/configuration.md');
      expect(r.stdout).not.toMatch(/\bCONFIG\.md|\bRULES\.md/);
    }
  });
});

describe('input with nothing to check', () => {
  test.each([
    ['an empty file', ['check', file('empty.txt', '')], undefined, /^postcheck: nothing to check: draft .*empty\.txt is empty\n$/],
    ['white space on standard input', ['check'], ' \n\t\n', /^postcheck: nothing to check: the draft on standard input is only white space\n$/],
    ['binary data', ['check', process.execPath], undefined, /is not text/],
  ])('%s: exit 2, saying nothing was checked', (_, args, input, message) => {
    const r = postcheck(args, input);
    expect(r.code).toBe(2);
    expect(r.stdout).not.toMatch(/No problems found/);
    expect(r.stderr).toMatch(message);
  });
});

describe('--at', () => {
  test.each([
    ['2027-02-30T09:50', 'is not a real date: February 2027 has 28 days'],
    ['2027-13-01T09:50', 'has no month 13'],
    ['2027-04-31T09:50:00', 'April 2027 has 30 days'],
    ['2027-02-17T24:00', 'is not a real time of day'],
    ['2027-02-17T09:60', 'is not a real time of day'],
    ['17/02/2027 09:50', 'expected an ISO date-time like 2027-02-17T09:50:00'],
  ])('%s is refused', (at, why) => {
    const r = postcheck(['check', '--at', at], 'Lovely walk by the canal.');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(why);
  });

  test('29 February in a leap year is a date', () => {
    expect(postcheck(['check', '--at', '2028-02-29T09:50'], 'Lovely walk by the canal.').code).toBe(0);
  });
});

describe('postcheck policy', () => {
  test('with no roster and no pupils it says the pupil-name check will find nothing (and still writes the files)', () => {
    const r = postcheck(['policy', '--config', file('nopupils.json', JSON.stringify({ school: { name: 'Hill Top Primary' } })), '--out', join(tmp, 'p1')]);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/^postcheck: warning: no pupils: .*nopupils\.json has no "pupils" and no --roster was given, so the pupil-name check will find nothing/);
    expect(r.stdout).toMatch(/^Wrote 14 files/);
  });

  test('the roster count explains itself, and adds up', () => {
    const csv = file(
      'sims.csv',
      ['Legal Surname,Legal Forename,Preferred Forename,Reg Group', 'Brown,Joshua,Josh,5M', 'Hill,Oliver,Ollie,5M', 'Smith,Jack,,6P', 'Smith,Jack,,6P', ',,,6P', 'Kaur,Amelia-Rose,,6P'].join('\r\n'),
    );
    const r = postcheck(['policy', '--config', file('school.json', JSON.stringify({ school: { name: 'Hill Top Primary', classes: ['Kestrels'] } })), '--roster', csv, '--out', join(tmp, 'p2')]);
    expect(r.code).toBe(0);
    const lines = r.stdout.split('\n');
    // 6 rows − 1 without a name + 2 legal forenames − 1 repeat = 6 names
    expect(lines.slice(0, 5)).toEqual([
      expect.stringMatching(/^pupils: 6 names from 6 rows of .*sims\.csv \(columns Legal Forename, Legal Surname, Preferred Forename\):$/),
      '  1 row had no name and was skipped (line 6).',
      '  2 pupils with a preferred forename are also listed by the legal one (+2).',
      '  1 name already listed from an earlier row was merged: the same pupil twice, or two pupils with the same name (−1).',
      'classes: 2 classes in the Reg Group column (5M, 6P); school.classes now lists 3 (1 from the configuration, 2 new)',
    ]);
  });

  test('one pupil from one row reads as English', () => {
    const r = postcheck(['policy', '--config', file('one.json', '{}'), '--roster', file('one.csv', 'Name\nAmy Li\n'), '--out', join(tmp, 'p3')]);
    expect(r.stdout.split('\n')[0]).toMatch(/^pupils: 1 name from 1 row of .*one\.csv \(columns Name\)$/);
  });
});
