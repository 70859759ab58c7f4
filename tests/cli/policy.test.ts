import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import { afterAll, describe, expect, test } from 'vitest';
import { UsageError } from '../../src/cli/errors.js';
import { decodeReg, extensionIdFromKey, parsePlist, policyFiles, runPolicy, schemaProblems } from '../../src/cli/policy.js';
import { managedSchema } from '../../src/config/managed-schema.js';
import { parseConfig } from '../../src/config/schema.js';
import manifest from '../../manifest.json';

const ID = 'ajfgeibjkmgdfnkmaoebbmkmaoldkagl';
const tmp = mkdtempSync(join(tmpdir(), 'postcheck-policy-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const config = {
  policy: 'combined',
  school: { name: 'St Aidan\'s CE Primary & Nursery <"Sunflowers">', aliases: ['SAPS', '#StAidansPride'] },
  pupils: ['Joshua Brown', "Zoë O'Neill"],
  disclaimer: 'Views are my own.\nNot my employer\'s.',
  enforcement: 'confirm',
  rules: { 'work-hours': 'info', supplier: 'off' },
  sites: { facebook: true, x: false },
  schoolHours: { days: ['mon', 'tue'], start: '08:30', end: '15:30', breaks: [['12:00', '13:00']] },
  locked: true,
  statistics: false,
};
const configFile = join(tmp, 'school.json');
writeFileSync(configFile, JSON.stringify(config));
const rosterFile = join(tmp, 'roster.csv');
writeFileSync(rosterFile, '\uFEFFLegal Surname,Legal Forename,Preferred Forename\r\nBrown,Joshua,Josh\r\n"O\'Neill","Zoë",\r\nKaur,Amelia-Rose,\r\n');

function run(args: string[]): string[] {
  const lines: string[] = [];
  expect(runPolicy(args, (s) => lines.push(s))).toBe(0);
  return lines;
}

const reg = (file: string) => readFileSync(file).subarray(2).toString('utf16le');

describe('postcheck policy', () => {
  const out = join(tmp, 'out');
  const log = run(['--config', configFile, '--roster', rosterFile, '--out', out]);
  const expected = { ...config, pupils: ['Josh Brown', 'Joshua Brown', "Zoë O'Neill", 'Amelia-Rose Kaur'] };

  test('the default extension id is the one the manifest key fixes', () => {
    expect(extensionIdFromKey(manifest.key)).toBe(ID);
  });

  test('writes every platform’s files and says what it did', () => {
    const files = ['windows', 'macos', 'linux', 'google-admin', 'firefox'].flatMap((d) => readdirSync(join(out, d)).map((f) => `${d}/${f}`)).sort();
    expect(files).toEqual(
      [
        'firefox/policies.json',
        'google-admin/postcheck-policy.json',
        'linux/postcheck-force-install.json',
        'linux/postcheck.json',
        `macos/com.google.Chrome.extensions.${ID}.plist`,
        `macos/com.microsoft.Edge.extensions.${ID}.plist`,
        'macos/chrome-postcheck.mobileconfig',
        'macos/edge-postcheck.mobileconfig',
        'macos/force-install.mobileconfig',
        'windows/chrome-force-install.reg',
        'windows/chrome-postcheck-policy.reg',
        'windows/edge-force-install.reg',
        'windows/edge-postcheck-policy.reg',
      ].sort(),
    );
    expect(existsSync(join(out, 'README.txt'))).toBe(true);
    expect(log[0]).toMatch(/^pupils: 4 names from 3 rows of .*roster\.csv \(columns Legal Forename, Legal Surname, Preferred Forename\):$/);
    expect(log[1]).toBe('  1 pupil with a preferred forename is also listed by the legal one (+1).');
  });

  test('Windows: UTF-16LE .reg under the 3rdparty policy key, REG_SZ strings, REG_DWORD booleans, JSON for lists and objects', () => {
    const file = join(out, 'windows/chrome-postcheck-policy.reg');
    expect([...readFileSync(file).subarray(0, 2)]).toEqual([0xff, 0xfe]);
    const text = reg(file);
    expect(text.startsWith('Windows Registry Editor Version 5.00\r\n')).toBe(true);
    const key = `HKEY_LOCAL_MACHINE\\Software\\Policies\\Google\\Chrome\\3rdparty\\extensions\\${ID}\\policy`;
    expect(text).toContain(`[-${key}]\r\n\r\n[${key}]\r\n`);
    expect(text).toContain('"policy"="combined"\r\n');
    expect(text).toContain('"locked"=dword:00000001\r\n');
    expect(text).toContain('"statistics"=dword:00000000\r\n');
    expect(text).toContain(`"pupils"="[\\"Josh Brown\\",\\"Joshua Brown\\",\\"Zoë O'Neill\\",\\"Amelia-Rose Kaur\\"]"\r\n`);
    expect(text).toMatch(/"disclaimer"=hex\(1\):56,00,69,00/); // a line break cannot be a "text" value in a .reg file
    expect(decodeReg(readFileSync(file), key, managedSchema() as never)).toEqual(expected);

    const edge = reg(join(out, 'windows/edge-postcheck-policy.reg'));
    expect(edge).toContain(`[HKEY_LOCAL_MACHINE\\Software\\Policies\\Microsoft\\Edge\\3rdparty\\Extensions\\${ID}\\policy]`);
    const force = reg(join(out, 'windows/chrome-force-install.reg'));
    expect(force).toContain('[HKEY_LOCAL_MACHINE\\Software\\Policies\\Google\\Chrome]\r\n');
    expect(force).toContain(`"ExtensionSettings"="{\\"${ID}\\":{\\"installation_mode\\":\\"force_installed\\",\\"update_url\\":\\"https://clients2.google.com/service/update2/crx\\"}}"`);
    expect(reg(join(out, 'windows/edge-force-install.reg'))).toContain('https://edge.microsoft.com/extensionwebstorebase/v1/crx');
  });

  test('macOS: a profile per browser for its extension domain, XML escaped', () => {
    const xml = readFileSync(join(out, 'macos/chrome-postcheck.mobileconfig'), 'utf8');
    expect(xml).toContain('<string>St Aidan\'s CE Primary &amp; Nursery &lt;"Sunflowers"&gt;</string>');
    const profile = parsePlist(xml) as Record<string, unknown> & { PayloadContent: Array<Record<string, unknown>> };
    expect(profile.PayloadType).toBe('Configuration');
    const payload = profile.PayloadContent[0]!;
    expect(payload.PayloadType).toBe(`com.google.Chrome.extensions.${ID}`);
    expect(payload.pupils).toEqual(expected.pupils);
    expect(payload.locked).toBe(true);
    expect(payload.schoolHours).toEqual(config.schoolHours);
    expect(payload.PayloadUUID).toMatch(/^[0-9A-F]{8}-[0-9A-F]{4}-4[0-9A-F]{3}-[89AB][0-9A-F]{3}-[0-9A-F]{12}$/);
    const edge = parsePlist(readFileSync(join(out, 'macos/edge-postcheck.mobileconfig'), 'utf8')) as { PayloadContent: Array<Record<string, unknown>> };
    expect(edge.PayloadContent[0]!.PayloadType).toBe(`com.microsoft.Edge.extensions.${ID}`);
    expect(parsePlist(readFileSync(join(out, `macos/com.google.Chrome.extensions.${ID}.plist`), 'utf8'))).toEqual(expected);
  });

  test('Linux, Google Admin and Firefox JSON have the shapes each reads', () => {
    const linux = JSON.parse(readFileSync(join(out, 'linux/postcheck.json'), 'utf8'));
    expect(linux).toEqual({ '3rdparty': { extensions: { [ID]: expected } } });
    const admin = JSON.parse(readFileSync(join(out, 'google-admin/postcheck-policy.json'), 'utf8'));
    expect(admin.pupils).toEqual({ Value: expected.pupils });
    expect(admin.locked).toEqual({ Value: true });
    const ff = JSON.parse(readFileSync(join(out, 'firefox/policies.json'), 'utf8'));
    expect(ff.policies['3rdparty'].Extensions['postcheck@postcheck.school']).toEqual(expected);
    expect(ff.policies.ExtensionSettings['postcheck@postcheck.school'].installation_mode).toBe('force_installed');
  });

  test('every settings file, read back, passes the managed schema (checked independently with ajv) and the zod schema', () => {
    const validate = new Ajv({ allErrors: true }).compile(managedSchema());
    const files = policyFiles({
      config: expected as never,
      extensionId: ID,
      edgeExtensionId: ID,
      chromeUpdateUrl: 'https://example.org/u',
      edgeUpdateUrl: 'https://example.org/u',
      firefoxInstallUrl: 'https://example.org/x.xpi',
      sourceNote: '',
    });
    const checked = files.filter((f) => f.readBack);
    expect(checked.length).toBe(9);
    for (const f of checked) {
      const v = f.readBack!();
      expect(validate(v), `${f.path}: ${JSON.stringify(validate.errors)}`).toBe(true);
      expect(parseConfig(v)).toEqual({ ok: true, config: expected, warnings: [] });
    }
  });
});

describe('errors name the field, exit 2 and write nothing', () => {
  const expectError = (args: string[], pattern: RegExp) => {
    const out = join(tmp, `none-${Math.random().toString(36).slice(2)}`);
    expect(() => runPolicy([...args, '--out', out], () => {})).toThrowError(UsageError);
    expect(() => runPolicy([...args, '--out', out], () => {})).toThrowError(pattern);
    expect(existsSync(out)).toBe(false);
  };

  test('a wrong type in the configuration', () => {
    const bad = join(tmp, 'bad.json');
    writeFileSync(bad, JSON.stringify({ pupils: 'Joshua Brown', locked: 'yes', rules: { supplier: 'loud' } }));
    expectError(['--config', bad], /^(?=[\s\S]*pupils: expected array, got string "Joshua Brown")(?=[\s\S]*locked: expected boolean)(?=[\s\S]*rules\.supplier: expected one of)/);
  });

  test('an unknown field, a missing file, bad JSON, a roster without name columns, a bad id', () => {
    const unknown = join(tmp, 'unknown.json');
    writeFileSync(unknown, JSON.stringify({ colour: 'red' }));
    expectError(['--config', unknown], /colour: unknown field "colour"/);
    expectError(['--config', join(tmp, 'missing.json')], /cannot read config file .*missing\.json: no such file/);
    const notJson = join(tmp, 'not.json');
    writeFileSync(notJson, '{"policy": ');
    expectError(['--config', notJson], /is not valid JSON/);
    const badCsv = join(tmp, 'bad.csv');
    writeFileSync(badCsv, 'UPN,DOB\nA1,2015-01-01\n');
    expectError(['--config', configFile, '--roster', badCsv], /roster .*bad\.csv: no name columns found/);
    expectError(['--config', configFile, '--extension-id', 'abc'], /--extension-id: expected a Chrome extension id/);
    expectError([], /--config FILE is required/);
  });

  test('the schema check catches what Chrome would drop', () => {
    expect(schemaProblems({ pupils: 'x', extra: 1, schoolHours: { start: '8:30', end: '15:00' } }, managedSchema() as never)).toEqual([
      'pupils: expected array, got string',
      'extra: not in the managed schema (Chrome would drop it)',
      expect.stringMatching(/^schoolHours\.start: "8:30" does not match/),
    ]);
  });

  test.skipIf(!existsSync('dist/cli.mjs'))('the built command exits 2 with the message on stderr', () => {
    const bad = join(tmp, 'bad2.json');
    writeFileSync(bad, JSON.stringify({ enforcement: 'sometimes' }));
    const r = spawnSync(process.execPath, ['dist/cli.mjs', 'policy', '--config', bad, '--out', join(tmp, 'never')], { encoding: 'utf8' });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/^postcheck: config file .*bad2\.json is invalid:\n {2}enforcement: expected one of "advise", "confirm", "block", got string "sometimes"/);
    expect(r.stdout).toBe('');
  });
});
