// Files the way schools have them (newcomer findings 3 and 4): drafts, configurations, JSONL
// exports and roster CSVs in UTF-8 with or without a byte-order mark, UTF-16 LE/BE and
// Windows-1252 are decoded the same way everywhere, said when they are not UTF-8, and refused with
// a way out when they cannot be read right. A pupil with an accent is never silently lost.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, test } from 'vitest';
import type { Finding } from '../../src/engine/types.js';
import { rosterFromCsv } from '../../src/options/csv.js';
import { decodeText } from '../../src/shared/decode.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const cli = join(root, 'dist/cli.mjs');
const rosters = join(root, 'tests/cli/fixtures/roster');
const tmp = mkdtempSync(join(tmpdir(), 'postcheck-encoding-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

function postcheck(args: string[], input?: string | Buffer) {
  const r = spawnSync(process.execPath, [cli, ...args], { input, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const cp1252 = (s: string) => Buffer.from([...s].map((c) => ({ ë: 0xeb, í: 0xed, é: 0xe9, '’': 0x92 })[c] ?? c.charCodeAt(0)));
const utf16le = (s: string) => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(s, 'utf16le')]);
const utf16be = (s: string) => Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(s, 'utf16le').swap16()]);
const file = (name: string, bytes: Buffer | string) => {
  const p = join(tmp, name);
  writeFileSync(p, bytes);
  return p;
};

const school = file('school.json', JSON.stringify({ school: { name: "St Aidan's CE Primary School" }, pupils: ["Zoë O'Neill", 'Oisín Taylor', 'Josh Brown'] }));
const DRAFT = "Well done Zoë O'Neill on her recorder solo!";
const pupilNames = (stdout: string) => (JSON.parse(stdout) as { findings: Finding[] }).findings.filter((f) => f.rule === 'pupil-name').map((f) => f.excerpt);

describe('decodeText', () => {
  test.each([
    ['UTF-8', Buffer.from(DRAFT), 'UTF-8'],
    ['UTF-8 with a byte-order mark', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(DRAFT)]), 'UTF-8'],
    ['UTF-16LE with a byte-order mark', utf16le(DRAFT), 'UTF-16LE'],
    ['UTF-16BE with a byte-order mark', utf16be(DRAFT), 'UTF-16BE'],
    ['UTF-16LE without one', Buffer.from(DRAFT, 'utf16le'), 'UTF-16LE'],
    ['Windows-1252', cp1252(DRAFT), 'Windows-1252'],
  ])('%s', (_, bytes, encoding) => {
    const d = decodeText(bytes, 'the draft');
    expect(d).toMatchObject({ ok: true, text: DRAFT, encoding });
    if (encoding === 'Windows-1252') expect(d.ok && d.note).toMatch(/not UTF-8: read it as Windows-1252.*CSV UTF-8/);
    else expect(d.ok && d.note).toBeUndefined();
  });

  test('every Windows-1252 byte decodes as Windows-1252 says (not as Latin-1: Node 20\'s own decoder gets 0x80-0x9F wrong)', () => {
    const high = [...Array(32).keys()].map((i) => 0x80 + i).filter((b) => ![0x81, 0x8d, 0x8f, 0x90, 0x9d].includes(b));
    const d = decodeText(Buffer.from([0xe9, ...high, ...[...Array(96).keys()].map((i) => 0xa0 + i)]));
    expect(d.ok && d.encoding).toBe('Windows-1252');
    // from Python's cp1252 codec
    expect((d as { text: string }).text).toBe(`é€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ${String.fromCharCode(...[...Array(96).keys()].map((i) => 0xa0 + i))}`);
    expect((decodeText(cp1252('Seán O’Brien')) as { text: string }).text).toBe('Seán O’Brien');
  });

  test('refused: binary data, UTF-8 broken after its byte-order mark, bytes Windows-1252 does not define', () => {
    expect(decodeText(readFileSync(process.execPath).subarray(0, 4096), 'node')).toEqual({ ok: false, error: expect.stringMatching(/^node is not text/) });
    expect(decodeText(Buffer.from([0xef, 0xbb, 0xbf, 0x5a, 0x6f, 0xeb, 0x0a]), 'x.csv')).toEqual({ ok: false, error: expect.stringMatching(/starts as UTF-8 but has bytes that are not UTF-8 \(line 1, byte 3\).*CSV UTF-8/) });
    expect(decodeText(Buffer.from([0x41, 0x81, 0x42]), 'x.csv')).toEqual({ ok: false, error: expect.stringMatching(/neither UTF-8 nor Windows-1252/) });
  });
});

describe('drafts', () => {
  test.each([
    ['Windows-1252', cp1252(DRAFT)],
    ['UTF-16LE (Notepad "Unicode", PowerShell 5 ">")', utf16le(DRAFT)],
    ['UTF-16BE', utf16be(DRAFT)],
  ])('a %s draft file flags the pupil as the UTF-8 one does', (name, bytes) => {
    const utf8 = postcheck(['check', '--config', school, '--json', file('utf8.txt', DRAFT)]);
    expect(pupilNames(utf8.stdout)).toEqual(["Zoë O'Neill"]);
    const r = postcheck(['check', '--config', school, '--json', file(`draft-${name.slice(0, 8)}.txt`, bytes)]);
    expect(r.code).toBe(1);
    expect(pupilNames(r.stdout)).toEqual(["Zoë O'Neill"]);
    if (name === 'Windows-1252') expect(r.stderr).toMatch(/^postcheck: note: draft .* is not UTF-8: read it as Windows-1252/);
    else expect(r.stderr).toBe('');
  });

  test('the same on standard input', () => {
    const r = postcheck(['check', '--config', school, '--json'], cp1252(DRAFT));
    expect(pupilNames(r.stdout)).toEqual(["Zoë O'Neill"]);
    expect(r.stderr).toMatch(/the draft on standard input is not UTF-8/);
  });

  test('a binary file is refused, not "No problems found"', () => {
    const r = postcheck(['check', file('ls.bin', readFileSync(process.execPath).subarray(0, 2048))]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/is not text/);
  });
});

describe('configuration files', () => {
  const json = JSON.stringify({ school: { name: 'St Aidan’s' }, staff: ['Mr Seán Ó Briain'], pupils: ["Zoë O'Neill"] });
  test.each([
    ['Windows-1252', Buffer.from([...json].map((c) => ({ é: 0xe9, á: 0xe1, Ó: 0xd3, ë: 0xeb, '’': 0x92 })[c] ?? c.charCodeAt(0)))],
    ['UTF-16LE', utf16le(json)],
  ])('a %s --config file is read right', (_, bytes) => {
    const r = postcheck(['check', '--config', file('cfg.json', bytes), '--json'], "Well done Zoë O'Neill, said Mr Seán Ó Briain");
    expect(pupilNames(r.stdout)).toEqual(["Zoë O'Neill"]);
    expect((JSON.parse(r.stdout) as { findings: Finding[] }).findings.map((f) => f.excerpt)).toContain('Mr Seán Ó Briain');
  });

  test('a configuration holding U+FFFD (a character already lost) is refused, naming the field', () => {
    const r = postcheck(['check', '--config', file('lost.json', JSON.stringify({ pupils: ['Zo\uFFFD Hussain'] }))], 'hello');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/has \uFFFD \(a character lost when the file was saved or converted\)[\s\S]*pupils\[0\]: "Zo\uFFFD Hussain"/);
  });
});

describe('JSONL exports', () => {
  test('a Windows-1252 line is decoded, said on stderr, and its pupil flagged', () => {
    const r = postcheck(['check', '--config', school, '--jsonl'], Buffer.concat([Buffer.from('{"id":"a","text":"'), cp1252(DRAFT), Buffer.from('"}\n{"id":"b","text":"ok"}\n')]));
    const lines = r.stdout.trim().split('\n').map((l) => JSON.parse(l) as { id: string; findings: Finding[] });
    expect(lines[0]!.findings.filter((f) => f.rule === 'pupil-name').map((f) => f.excerpt)).toEqual(["Zoë O'Neill"]);
    expect(r.stderr).toMatch(/some lines are not UTF-8 and were read as Windows-1252 \(line 1\)/);
  });

  test('a UTF-16 export (byte-order mark) is read line by line', () => {
    const r = postcheck(['check', '--config', school, '--jsonl'], utf16le(`${JSON.stringify({ id: 1, text: DRAFT })}\r\n${JSON.stringify({ id: 2, text: 'Nice walk.' })}\r\n`));
    const lines = r.stdout.trim().split('\n').map((l) => JSON.parse(l) as { id: number; findings: Finding[] });
    expect(lines.map((l) => l.id)).toEqual([1, 2]);
    expect(lines[0]!.findings.map((f) => f.rule)).toContain('pupil-name');
  });
});

describe('roster CSVs: the CLI and the options page read each export the same', () => {
  const expected = ['Oisín Taylor', 'Zoë Hussain', 'Ivy Ó Súilleabháin', 'Dáithí Müller', 'Josh Brown', 'Joshua Brown', 'Amelia-Rose Kaur', 'Ollie Hill', 'Oliver Hill', 'Chloë Jones', "Seán O'Neill", 'Renée Dubois', 'Jack Smith', 'Imogen Fairweather'];

  test.each(['excel-csv-utf8.csv', 'excel-csv-comma-delimited.csv', 'excel-unicode-text.txt', 'utf16be-bom.csv'])('%s', (name) => {
    const path = join(rosters, name);
    // the options page: decodeText then rosterFromCsv (src/options/roster.ts)
    const d = decodeText(readFileSync(path), name);
    expect(d.ok).toBe(true);
    const page = rosterFromCsv((d as { text: string }).text);
    expect(page.names).toEqual(expected);
    expect(page.classes).toEqual(['5M', '5R', '6P', '6H']);

    // the CLI: the policy files it writes hold exactly those names, and no U+FFFD anywhere
    const out = join(tmp, `policy-${name}`);
    const r = postcheck(['policy', '--config', school, '--roster', path, '--out', out]);
    expect(r.code, r.stderr).toBe(0);
    const linux = JSON.parse(readFileSync(join(out, 'linux/postcheck.json'), 'utf8')) as { '3rdparty': { extensions: Record<string, { pupils: string[]; school: { classes: string[] } }> } };
    const cfg = Object.values(linux['3rdparty'].extensions)[0]!;
    expect(cfg.pupils).toEqual(expected);
    expect(cfg.school.classes).toEqual(['5M', '5R', '6P', '6H']);
    const all = (dir: string): string[] => readdirSync(dir).flatMap((f) => (statSync(join(dir, f)).isDirectory() ? all(join(dir, f)) : [join(dir, f)]));
    for (const f of all(out)) {
      const bytes = readFileSync(f);
      const text = f.endsWith('.reg') ? bytes.subarray(2).toString('utf16le') : bytes.toString('utf8');
      expect(text.includes('\uFFFD'), f).toBe(false);
    }
    if (name === 'excel-csv-comma-delimited.csv') {
      expect(r.stderr).toMatch(/is not UTF-8: read it as Windows-1252/);
      expect(r.stderr).toContain('Check these names: Oisín Taylor, Zoë Hussain, Ivy Ó Súilleabháin, Dáithí Müller, Chloë Jones');
    } else expect(r.stderr).toBe('');
  });

  test('an export already damaged (U+FFFD for every accent) is refused, and nothing is written', () => {
    const out = join(tmp, 'policy-damaged');
    const r = postcheck(['policy', '--config', school, '--roster', join(rosters, 'converted-badly.csv'), '--out', out]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/line 2 has "Ois\uFFFDn".*a character lost.*CSV UTF-8/);
    expect(() => statSync(out)).toThrow();
    expect(rosterFromCsv(readFileSync(join(rosters, 'converted-badly.csv'), 'utf8')).error).toMatch(/^line 2 has "Ois\uFFFDn"/);
  });

  test('a letter Windows-1252 cannot hold, written by Excel as "?", is refused', () => {
    const r = postcheck(['policy', '--config', school, '--roster', join(rosters, 'excel-csv-lost-letter.csv'), '--out', join(tmp, 'policy-lost')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/line 4 has "\?ucja Nowak": a \? in a name is a letter the file's encoding could not hold/);
  });
});
