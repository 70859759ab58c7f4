/**
 * `npm start` (scripts/start.mjs), run as a newcomer would (newcomer findings 11 and 12): with no
 * display it says how to load the extension by hand (Chrome and Firefox) and checks a demo draft;
 * with a display (Xvfb here) it opens real Chromium, also as root; when the browser cannot start it
 * shows the browser's own error and the practice page's address and keeps serving it; Ctrl+C stops
 * the browser and removes its temporary profile, without a stack trace.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { CHROMIUM, REPO_ROOT } from './harness';

const START = join(REPO_ROOT, 'scripts/start.mjs');
// Short names: Chromium puts its singleton socket under TMPDIR, and a Unix socket path longer than
// 107 bytes makes it abort at start ("Socket path too long"). npm test's TMPDIR is already
// /tmp/postcheck-test-run-XXXXXX, so these folders inside it must stay short.
const work = mkdtempSync(join(tmpdir(), 'pcs-'));
const running: ChildProcess[] = [];
afterAll(async () => {
  const left = running.filter((c) => c.exitCode === null && c.signalCode === null);
  for (const c of left) c.kill('SIGKILL');
  await Promise.all(left.map((c) => new Promise((resolve) => c.once('exit', resolve))));
  rmSync(work, { recursive: true, force: true, maxRetries: 10, retryDelay: 100 });
});

/** start.mjs with its own temporary directory, so what it leaves behind can be seen. */
function start(env: Record<string, string | undefined>) {
  const scratch = mkdtempSync(join(work, 't'));
  const base: NodeJS.ProcessEnv = { ...process.env, TMPDIR: scratch, CI: '' };
  delete base.DISPLAY;
  delete base.WAYLAND_DISPLAY;
  const child = spawn(process.execPath, [START], { env: { ...base, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  running.push(child);
  const r = { child, scratch, out: '', err: '' };
  child.stdout!.on('data', (d: Buffer) => (r.out += d));
  child.stderr!.on('data', (d: Buffer) => (r.err += d));
  return r;
}

async function until(what: string, ok: () => boolean, ms = 60_000) {
  const t0 = Date.now();
  while (!ok()) {
    if (Date.now() - t0 > ms) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

const exited = (c: ChildProcess) => new Promise<number | null>((resolve) => (c.exitCode !== null ? resolve(c.exitCode) : c.on('exit', (code) => resolve(code))));

test('no display: the steps to load it by hand in Chrome and Firefox, and a demo check with the CLI', { timeout: 60_000 }, async () => {
  const r = start({});
  expect(await exited(r.child)).toBe(0);
  expect(r.out).toContain('No display here');
  expect(r.out).toContain(join(REPO_ROOT, 'dist/chrome-dev'));
  expect(r.out).toContain(join(REPO_ROOT, 'dist/chrome'));
  expect(r.out).toMatch(/about:debugging → This Firefox → Load Temporary Add-on, and choose .*dist\/firefox\/manifest\.json/);
  expect(r.out).toMatch(/BLOCK pupil-name/);
  expect(r.err).toBe('');
});

test('a browser that cannot start: its own error, the practice page still served at the address given; Ctrl+C ends quietly', { timeout: 90_000 }, async () => {
  // a stand-in browser that fails the way Chromium does as root without --no-sandbox, and records its arguments
  const fake = join(work, 'failing-chromium');
  writeFileSync(fake, `#!/bin/sh\necho "$@" > ${JSON.stringify(join(work, 'args.txt'))}\necho "[1:1:ERROR:zygote_host_impl_linux.cc(101)] Running as root without --no-sandbox is not supported." >&2\nexit 1\n`);
  chmodSync(fake, 0o755);
  const r = start({ DISPLAY: ':99', CHROMIUM_PATH: fake });
  await until('the failure to be reported', () => /It said:/.test(r.out));
  expect(r.out).toMatch(/failing-chromium stopped at once \(exit 1\)\. It said:\n {2}\[1:1:ERROR:zygote_host_impl_linux\.cc\(101\)\] Running as root without --no-sandbox is not supported\./);
  const url = /The practice page is still served at (http:\/\/127\.0\.0\.1:\d+\/practice\/)/.exec(r.out)?.[1];
  expect(url).toBeDefined();
  expect(r.out).toContain(`Then open ${url} and type`);
  const page = await fetch(url!);
  expect(page.status).toBe(200);
  expect(await page.text()).toContain('Try typing');
  if (process.getuid?.() === 0) expect(readFileSync(join(work, 'args.txt'), 'utf8')).toContain('--no-sandbox');
  r.child.kill('SIGINT');
  expect(await exited(r.child)).toBe(0);
  expect(r.err).not.toMatch(/\n\s+at |Error:/);
  expect(readdirSync(r.scratch)).toEqual([]);
});

const XVFB = ['/usr/bin/Xvfb', '/usr/local/bin/Xvfb'].find((p) => existsSync(p));
const noBrowser = !XVFB ? 'needs Xvfb (apt-get install xvfb) to give Chromium a display' : !existsSync(CHROMIUM) ? `needs Chromium at ${CHROMIUM}` : undefined;
if (noBrowser) console.warn(`skipped: ${noBrowser}`);

describe.skipIf(noBrowser)('with a display (Xvfb)', () => {
  let xvfb: ChildProcess | undefined;
  afterAll(() => {
    xvfb?.kill();
  });

  test('opens real Chromium on the practice page (as root too); Ctrl+C closes it and removes the profile, no stack trace', { timeout: 180_000 }, async () => {
    // -displayfd: Xvfb picks a free display and prints its number
    xvfb = spawn(XVFB!, ['-displayfd', '1', '-nolisten', 'tcp', '-screen', '0', '1280x900x24'], { stdio: ['ignore', 'pipe', 'ignore'] });
    running.push(xvfb);
    let display = '';
    xvfb.stdout!.on('data', (d: Buffer) => (display += d));
    await until('Xvfb', () => /\d+\n/.test(display), 30_000);
    const r = start({ DISPLAY: `:${display.trim()}` });
    await until('Chromium to open the practice page', () => /The practice page is open\./.test(r.out) || /stopped at once/.test(r.out), 120_000);
    expect(r.out).not.toMatch(/stopped at once/);
    expect(r.out).toMatch(/^Opening .* with PostCheck on http:\/\/127\.0\.0\.1:\d+\/practice\//);
    if (process.getuid?.() === 0) expect(r.out).toContain('started with --no-sandbox');
    const profile = readdirSync(r.scratch).filter((f) => f.startsWith('postcheck-start-'));
    expect(profile).toHaveLength(1);
    r.child.kill('SIGINT');
    expect(await exited(r.child)).toBe(0);
    expect(r.out).toContain('Stopped; the temporary browser profile is removed.');
    expect(r.err).not.toMatch(/ENOTEMPTY|\n\s+at /);
    expect(readdirSync(r.scratch).filter((f) => f.startsWith('postcheck-start-'))).toEqual([]);
    expect(spawnSync('pgrep', ['-f', `user-data-dir=${join(r.scratch, profile[0]!)}`]).status).not.toBe(0);
  });
});
