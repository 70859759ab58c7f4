// Bad configuration never drops the roster (issue 8 item 3; security findings 3 and 4): a bad entry
// is left out alone and named, the rest of its list and every other setting keep working.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { resolveLayers, salvage } from '../../src/config/effective.js';
import { MAX_NAMES, parseConfig, type SchoolConfig } from '../../src/config/schema.js';
import { check, compileConfig } from '../../src/engine/engine.js';

const draft = 'Well done Tobias Quennell on a super assembly today. Views are my own.';
const school = { school: { name: 'Brookfield Park Primary School' }, pupils: ['Tobias Quennell', 'Marisol Achterberg'] };

function rulesFound(config: SchoolConfig): string[] {
  return check(draft, { site: 'facebook', at: '2027-02-20T19:00:00' }, compileConfig(config)).map((f) => `${f.rule}:${f.severity}`);
}

describe('one bad entry costs that entry alone', () => {
  test.each([
    ['terms.allowed', "'"],
    ['terms.allowed', '-'],
    ['terms.allowed', '’'],
    ['terms.blocked', "'"],
    ['terms.confidential', '- -'],
  ])('%s entry %j is named and left out; the roster still blocks', (list, entry) => {
    const [, key] = list.split('.') as [string, 'allowed' | 'blocked' | 'confidential'];
    const raw = { ...school, terms: { [key]: ['Project Falcon', entry] } };
    const e = resolveLayers({ managedRaw: raw });
    expect(e.problems).toEqual([{ path: `${list}[1]`, message: `${JSON.stringify(entry)} has no letter or digit in it (ignored)`, entry: true, from: 'managed' }]);
    expect(e.config.terms?.[key]).toEqual(['Project Falcon']);
    expect(e.config.pupils).toEqual(school.pupils);
    expect(rulesFound(e.config)).toContain('pupil-name:block');
  });

  test('a blank roster line is named and left out; the other pupils are kept', () => {
    const e = resolveLayers({ managedRaw: { ...school, pupils: ['Tobias Quennell', '', 'Marisol Achterberg', '   '] } });
    expect(e.problems.map((p) => `${p.path}: ${p.message}`)).toEqual(['pupils[1]: empty name (ignored)', 'pupils[3]: empty name (ignored)']);
    expect(e.config.pupils).toEqual(['Tobias Quennell', 'Marisol Achterberg']);
    expect(rulesFound(e.config)).toContain('pupil-name:block');
  });

  test('the 20,001st name is left out with a warning; the first 20,000 are kept', () => {
    const pupils = ['Tobias Quennell', ...Array.from({ length: MAX_NAMES }, (_, i) => `Pupil${i} Surname`)];
    const e = resolveLayers({ managedRaw: { ...school, pupils } });
    expect(e.config.pupils).toHaveLength(MAX_NAMES);
    expect(e.config.pupils![0]).toBe('Tobias Quennell');
    expect(e.problems.map((p) => `${p.path}: ${p.message}`)).toEqual(['pupils: 20001 names, more than the 20000 PostCheck takes: the last 1 ignored']);
  });

  test('a blank line and too many names together: both said, the roster kept', () => {
    const pupils = ['Tobias Quennell', '', ...Array.from({ length: MAX_NAMES }, (_, i) => `Pupil${i} Surname`)];
    const r = parseConfig({ pupils });
    expect(r.ok && r.config.pupils).toHaveLength(MAX_NAMES);
    expect(r.ok && r.warnings.map((w) => `${w.path}: ${w.message}`).sort()).toEqual(['pupils: 20001 names, more than the 20000 PostCheck takes: the last 1 ignored', 'pupils[1]: empty name (ignored)']);
  });

  test('the user’s own settings are salvaged the same way', () => {
    const e = resolveLayers({ userRaw: { pupils: ['Tobias Quennell', ''] } });
    expect(e.config.pupils).toEqual(['Tobias Quennell']);
    expect(e.problems).toEqual([{ path: 'pupils[1]', message: 'empty name (ignored)', entry: true, from: 'user' }]);
  });

  test('a field wrong as a whole is still left out whole, with the bad entries of other lists dropped alone', () => {
    const s = salvage({ pupils: ['Tobias Quennell', ''], enforcement: 'sometimes' });
    expect(s.config).toEqual({ pupils: ['Tobias Quennell'] });
    expect(s.bad).toEqual(['enforcement']);
    expect(s.problems.map((p) => p.path)).toEqual(['enforcement', 'pupils[1]']);
  });
});

describe('compiling', () => {
  test('a term with a stray apostrophe between its words compiles, and matches its words', () => {
    const config: SchoolConfig = { ...school, terms: { confidential: ["Project ' Falcon"], allowed: ["super ' assembly"] } };
    const compiled = compileConfig(config);
    expect(compiled.skipped).toEqual([]);
    const f = check('Project Falcon starts with Tobias Quennell.', { site: 'facebook', at: '2027-02-20T19:00:00' }, compiled);
    expect(f.map((x) => x.rule)).toEqual(expect.arrayContaining(['confidential', 'pupil-name']));
  });
});

describe('the CLI', () => {
  test('prints the left-out entries on stderr and checks with the rest (exit code as for any check)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'postcheck-salvage-'));
    try {
      const file = join(dir, 'school.json');
      writeFileSync(file, JSON.stringify({ ...school, pupils: ['Tobias Quennell', ''], terms: { allowed: ["'"] } }));
      const cli = fileURLToPath(new URL('../../dist/cli.mjs', import.meta.url));
      const r = spawnSync(process.execPath, [cli, 'check', '--config', file, '--json'], { input: draft, encoding: 'utf8' });
      expect(r.stderr).toContain('pupils[1]: empty name (ignored)');
      expect(r.stderr).toContain(`terms.allowed[0]: "'" has no letter or digit in it (ignored)`);
      expect(r.status).toBe(1); // a block finding, as without the bad entries
      const out = JSON.parse(r.stdout) as { findings: Array<{ rule: string }> };
      expect(out.findings.map((f) => f.rule)).toContain('pupil-name');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
