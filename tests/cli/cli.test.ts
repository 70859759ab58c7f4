// The `postcheck` command, run for real (dist/cli.mjs in a child process, as a school would run it).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Finding } from '../../src/engine/types.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const cli = join(root, 'dist/cli.mjs');
const evalDir = join(root, 'tests/eval');
const tmp = mkdtempSync(join(tmpdir(), 'postcheck-cli-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

function postcheck(args: string[], input?: string) {
  const r = spawnSync(process.execPath, [cli, ...args], { input, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const normalise = (s: string) => s.replace(/\*\*?/g, '').replace(/[‘’]/g, "'").replace(/[“”]/g, '"').replace(/\s+/g, ' ');
const policyText = (id: string) => normalise(readFileSync(join(root, 'docs/policies', `${id}.txt`), 'utf8'));

function expectRealCitation(f: Finding) {
  expect(f.policy.quote.length).toBeGreaterThan(0);
  expect(policyText(f.policy.id)).toContain(normalise(f.policy.quote));
}

beforeAll(() => {
  expect(readFileSync(cli, 'utf8').startsWith('#!/usr/bin/env node'), 'run npm run build first').toBe(true);
});

describe('postcheck check', () => {
  const stAidans = join(tmp, 'st-aidans.json');
  writeFileSync(
    stAidans,
    JSON.stringify({ school: { name: "St Aidan's CE Primary School", aliases: ["St Aidan's"] }, pupils: ['Josh Brown', 'Amelia-Rose Kaur'] }),
  );

  it('reports the issue example: pupil-name, confidential, school-identity and disclaimer-missing, each citing a real clause', () => {
    const r = postcheck(['check', '--config', stAidans, '--json'], 'Well done Josh Brown from 5B on his EHCP review today! #StAidans\n');
    expect(r.stderr).toBe('');
    expect(r.code).toBe(1);
    const { findings } = JSON.parse(r.stdout) as { findings: Finding[] };
    const rules = new Set(findings.map((f) => f.rule));
    for (const id of ['pupil-name', 'confidential', 'school-identity', 'disclaimer-missing']) expect(rules).toContain(id);
    for (const f of findings) expectRealCitation(f);
    const pupil = findings.find((f) => f.rule === 'pupil-name')!;
    expect(pupil.excerpt).toBe('Josh Brown');
    expect(pupil.severity).toBe('block');
    expect(pupil.fix?.replacement).toBe('a pupil');
  });

  it('prints findings readably, with the span marked, severity, message and citation', () => {
    const r = postcheck(['check', '--config', stAidans], 'Well done Josh Brown from 5B on his EHCP review today! #StAidans');
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('BLOCK pupil-name');
    expect(r.stdout).toContain('[Josh Brown]');
    expect(r.stdout).toMatch(/Model policy: [a-z0-9-]+, .+: ".+"/);
    expect(r.stdout).toMatch(/\d+ findings: \d+ block, \d+ warn, \d+ info/);
  });

  it('exits 0 with a clean draft, reading a file', () => {
    const f = join(tmp, 'clean.txt');
    writeFileSync(f, 'Lovely walk by the canal this afternoon.');
    const r = postcheck(['check', '--config', stAidans, f]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('No problems found.');
  });

  it('uses the demo school without --config', () => {
    const demo = JSON.parse(readFileSync(join(root, 'examples/demo-school.json'), 'utf8')) as { pupils: string[] };
    const r = postcheck(['check', '--json'], `So proud of ${demo.pupils[0]} today`);
    expect(r.code).toBe(1);
    expect((JSON.parse(r.stdout) as { findings: Finding[] }).findings.map((f) => f.rule)).toContain('pupil-name');
  });

  it('exits 2 naming the field for a bad configuration, without a stack trace', () => {
    const bad = join(tmp, 'bad.json');
    writeFileSync(bad, JSON.stringify({ enforcement: 'sometimes', pupils: 'Josh Brown', colour: 'red' }));
    const r = postcheck(['check', '--config', bad], 'hello');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('enforcement');
    expect(r.stderr).toContain('pupils: expected array');
    expect(r.stderr).toContain('unknown field "colour"');
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('exits 2 for usage errors', () => {
    expect(postcheck(['check', '--nope'], 'x').code).toBe(2);
    expect(postcheck(['frobnicate']).code).toBe(2);
    const missing = postcheck(['check', '--config', join(tmp, 'nope.json')], 'x');
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('no such file');
    const notJson = join(tmp, 'not.json');
    writeFileSync(notJson, '{ nope');
    expect(postcheck(['check', '--config', notJson], 'x').stderr).toContain('not valid JSON');
    expect(postcheck(['check', '--site', 'myspace'], 'x').stderr).toContain('unknown site "myspace"');
  });

  it('audits a JSONL export: one result per line, ids kept, other fields ignored', () => {
    const input = [
      JSON.stringify({ id: 'a', text: 'Well done Josh Brown!', extra: 1 }),
      '',
      JSON.stringify({ id: 'b', text: 'Nice weather today.', site: 'x' }),
    ].join('\n');
    const r = postcheck(['check', '--config', stAidans, '--jsonl'], input);
    expect(r.code).toBe(1);
    const lines = r.stdout.trim().split('\n').map((l) => JSON.parse(l) as { id: string; findings: Finding[] });
    expect(lines.map((l) => l.id)).toEqual(['a', 'b']);
    expect(lines[0]!.findings.map((f) => f.rule)).toContain('pupil-name');
    expect(lines[1]!.findings).toEqual([]);
  });

  it('names the line of a bad JSONL record in its place in the output, and goes on', () => {
    const r = postcheck(['check', '--config', stAidans, '--jsonl'], `${JSON.stringify({ id: 'a', text: 'ok' })}\n{"id": "b", "text": 5}\n${JSON.stringify({ id: 'c', text: 'ok' })}\n`);
    expect(r.code).toBe(1);
    expect(r.stdout.trim().split('\n').map((l) => JSON.parse(l))).toEqual([
      { id: 'a', findings: [] },
      { id: 'b', line: 2, error: '"text" must be a string, got 5' },
      { id: 'c', findings: [] },
    ]);
    expect(r.stderr).toContain('1 line of 3 could not be checked (line 2)');
  });
});

describe('the labelled sample drafts', () => {
  interface Sample {
    id: string;
    text: string;
    site?: string;
    media?: boolean;
    at?: string | null;
    labels: string[];
    why?: string;
  }
  const samples = readFileSync(join(evalDir, 'samples.jsonl'), 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as Sample);
  let results = new Map<string, Finding[]>();

  beforeAll(() => {
    const r = postcheck(['check', '--config', join(evalDir, 'samples-config.json'), '--jsonl'], samples.map((s) => JSON.stringify(s)).join('\n'));
    expect(r.stderr).toBe('');
    results = new Map(
      r.stdout
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l) as { id: string; findings: Finding[] })
        .map((x) => [x.id, x.findings]),
    );
  });

  it('reads every sample', () => {
    expect(samples.length).toBeGreaterThanOrEqual(30);
    expect(results.size).toBe(samples.length);
  });

  for (const s of samples) {
    it(`${s.id}: ${s.labels.join(', ') || 'clean'}`, () => {
      const got = [...new Set(results.get(s.id)!.map((f) => f.rule))].sort();
      expect(got, `${s.text} (${s.why ?? ''})`).toEqual([...s.labels].sort());
      for (const f of results.get(s.id)!) {
        expect(f.excerpt).toBe(s.text.slice(f.start, f.end));
        expectRealCitation(f);
      }
    });
  }
});
