// `postcheck check --jsonl`, the batch audit (newcomer findings 13 and 14, issue 10 item 3), run as
// a school would: through real pipes. It reads a slow pipe line by line and answers each line
// before the next arrives (it used to fail with EAGAIN), answers every line of 3,000 real drafts
// and of 100,000 lines with a capped heap (memory bounded: it used to hold the whole input), gives
// a bad line or a line without an id its own error and goes on, shows progress only on a terminal,
// and stops quietly when the reader goes away (`| head`).
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, test } from 'vitest';
import type { Finding } from '../../src/engine/types.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const cli = join(root, 'dist/cli.mjs');
const config = join(root, 'tests/eval/samples-config.json');
const tmp = mkdtempSync(join(tmpdir(), 'postcheck-jsonl-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

interface Out {
  id: string | number | null;
  findings?: Finding[];
  line?: number;
  error?: string;
}
const parseLines = (s: string) => s.trim().split('\n').map((l) => JSON.parse(l) as Out);
const sh = (script: string) => spawnSync('bash', ['-o', 'pipefail', '-c', script], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, env: { ...process.env, NO_COLOR: '1' } });
const q = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;

/** Real drafts from the labelled sets, as an export would hold them. */
function drafts(n: number): string[] {
  const pool = ['drafts.jsonl', 'realistic.jsonl', 'blind-2.jsonl', 'blind-3.jsonl'].flatMap((f) =>
    readFileSync(join(root, 'tests/eval', f), 'utf8')
      .split('\n')
      .filter((l) => l.trim())
      .map((l) => JSON.parse(l) as { text: string; site?: string; media?: boolean; at?: string | null }),
  );
  return Array.from({ length: n }, (_, i) => {
    const p = pool[i % pool.length]!;
    return JSON.stringify({ id: `post-${i + 1}`, text: p.text, ...(p.site ? { site: p.site } : {}), ...(p.media ? { media: true } : {}), ...(p.at ? { at: p.at } : {}) });
  });
}

describe('streaming', () => {
  test('a slow pipe: each line is answered before the next is written (no EAGAIN)', { timeout: 60_000 }, async () => {
    const child = spawn(process.execPath, [cli, 'check', '--config', config, '--jsonl'], { stdio: ['pipe', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stderr.on('data', (d: Buffer) => (err += d));
    const waiting: Array<() => void> = [];
    child.stdout.on('data', (d: Buffer) => {
      out += d;
      for (const w of waiting.splice(0)) w();
    });
    const answered = (n: number) =>
      new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no answer to line ${n} while the pipe stayed open (stdout so far: ${out}, stderr: ${err})`)), 30_000);
        const check = () => {
          if (out.split('\n').length > n) {
            clearTimeout(timer);
            resolve();
          } else waiting.push(check);
        };
        check();
      });
    child.stdin.write(`${JSON.stringify({ id: 'a', text: 'Well done Holly Ashdown in Year 7 today!' })}\n`);
    await answered(1);
    child.stdin.write(`${JSON.stringify({ id: 'b', text: 'Lovely walk by the canal.' })}\n`);
    await answered(2);
    child.stdin.end();
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(err).toBe('');
    expect(parseLines(out).map((l) => l.id)).toEqual(['a', 'b']);
    expect(code).toBe(1);
  });

  test('3,000 real drafts through `cat | postcheck check --jsonl`: every line answered, in order', { timeout: 180_000 }, () => {
    const input = join(tmp, 'export-3000.jsonl');
    writeFileSync(input, `${drafts(3000).join('\n')}\n`);
    const r = sh(`cat ${q(input)} | ${q(process.execPath)} ${q(cli)} check --config ${q(config)} --jsonl`);
    expect(r.stderr).toBe('');
    const lines = parseLines(r.stdout);
    expect(lines.map((l) => l.id)).toEqual(Array.from({ length: 3000 }, (_, i) => `post-${i + 1}`));
    expect(lines.every((l) => Array.isArray(l.findings))).toBe(true);
    expect(lines.filter((l) => l.findings!.length > 0).length).toBeGreaterThan(1000);
    expect(r.status).toBe(1);
  });

  test('100,000 lines (200 MB) through a pipe with a 64 MB heap: every line answered', { timeout: 300_000 }, () => {
    // each line carries 2 KB an export might hold besides the text; holding the input whole needs far more than 64 MB
    const input = join(tmp, 'export-100000.jsonl');
    const pad = 'x'.repeat(2000);
    const lines: string[] = [];
    for (let i = 0; i < 100_000; i++) lines.push(JSON.stringify({ id: i, text: i % 10 ? 'Lovely walk today' : 'Well done Holly Ashdown', export: { note: pad } }));
    writeFileSync(input, `${lines.join('\n')}\n`);
    lines.length = 0;
    const r = sh(`cat ${q(input)} | ${q(process.execPath)} --max-old-space-size=64 ${q(cli)} check --config ${q(config)} --jsonl | awk 'END { print NR } /"id":[0-9]+,"findings":\\[\\]/ { clean++ } END { print clean }'`);
    expect(r.stderr).toBe('');
    // every line answered; 9 in 10 clean
    expect(r.stdout.trim().split('\n')).toEqual(['100000', '90000']);
  });
});

describe('bad lines', () => {
  test('a bad line, or a line without an id, gets its own error in its place; the rest are checked; exit 1', () => {
    const good = drafts(400);
    const input = [...good.slice(0, 200), '{"id": "x", "text": "unterminated', ...good.slice(200, 300), '["not", "an", "object"]', JSON.stringify({ text: 'no id here, Holly Ashdown' }), JSON.stringify({ id: 'q', text: 'x', site: 'myspace' }), JSON.stringify({ id: 'r', text: 'x', at: '2027-02-30T09:50' }), JSON.stringify({ id: 's', text: null }), JSON.stringify({ id: 't', text: 'x', media: 'yes' }), ...good.slice(300)].join('\n');
    const r = spawnSync(process.execPath, [cli, 'check', '--config', config, '--jsonl'], { input, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    const lines = parseLines(r.stdout);
    expect(lines).toHaveLength(407);
    expect(lines.filter((l) => l.findings).map((l) => l.id)).toEqual(Array.from({ length: 400 }, (_, i) => `post-${i + 1}`));
    expect(lines.filter((l) => l.error)).toEqual([
      { id: null, line: 201, error: expect.stringMatching(/^not valid JSON \(Unterminated string/) },
      { id: null, line: 302, error: 'expected a JSON object like {"id": "post-1", "text": "…"}' },
      { id: null, line: 303, error: 'no "id": every line needs one, so its result can be traced back to its post' },
      { id: 'q', line: 304, error: expect.stringMatching(/^"site": unknown site "myspace"/) },
      { id: 'r', line: 305, error: '"at": 2027-02-30T09:50 is not a real date: February 2027 has 28 days' },
      { id: 's', line: 306, error: '"text" must be a string, got null' },
      { id: 't', line: 307, error: '"media" must be true or false, got "yes"' },
    ]);
    expect(r.stderr).toBe('postcheck: 7 lines of 407 could not be checked (line 201, 302, 303, 304, 305, 306, 307); each has {"error"} in the output. The others were checked.\n');
    expect(r.status).toBe(1);
  });

  test('clean lines and nothing bad: exit 0; no lines at all: exit 2 saying so', () => {
    const clean = spawnSync(process.execPath, [cli, 'check', '--config', config, '--jsonl'], { input: `${JSON.stringify({ id: 1, text: 'Lovely walk by the canal.' })}\n\n`, encoding: 'utf8' });
    expect(clean.status).toBe(0);
    const empty = spawnSync(process.execPath, [cli, 'check', '--jsonl'], { input: '\n  \n', encoding: 'utf8' });
    expect(empty.status).toBe(2);
    expect(empty.stderr).toMatch(/nothing to check: the input has no lines/);
  });
});

describe('the terminal and the pipe', () => {
  const input = join(tmp, 'export-progress.jsonl');
  writeFileSync(input, `${drafts(1500).join('\n')}\n`);

  test('progress on stderr only when stderr is a terminal', { timeout: 120_000 }, () => {
    const quiet = sh(`${q(process.execPath)} ${q(cli)} check --config ${q(config)} --jsonl ${q(input)} > /dev/null`);
    expect(quiet.stderr).toBe('');
    // `script` gives the command a terminal; its own output is then what the terminal showed
    const hasScript = spawnSync('script', ['--version']).status === 0;
    if (!hasScript) return void console.warn('skipped the terminal half: `script` (util-linux) is not installed');
    const tty = sh(`script -qec ${q(`${q(process.execPath)} ${q(cli)} check --config ${q(config)} --jsonl ${q(input)} > /dev/null`)} /dev/null`);
    expect(tty.stdout).toMatch(/postcheck: [\d,]+ lines checked/);
  });

  test('piped into head: stops quietly, no EPIPE stack trace', { timeout: 60_000 }, () => {
    const jsonl = sh(`${q(process.execPath)} ${q(cli)} check --config ${q(config)} --jsonl ${q(input)} | head -2`);
    expect(jsonl.stdout.trim().split('\n')).toHaveLength(2);
    expect(jsonl.stderr).toBe('');
    const readable = sh(`printf 'Well done Holly Ashdown from 7B on her EHCP review' | ${q(process.execPath)} ${q(cli)} check --config ${q(config)} | head -1`);
    expect(readable.stdout).toMatch(/^BLOCK/);
    expect(readable.stderr).toBe('');
    const policy = sh(`${q(process.execPath)} ${q(cli)} policy --config ${q(config)} --out ${q(join(tmp, 'policy-head'))} | head -1`);
    expect(policy.stderr).toBe('');
  });
});
