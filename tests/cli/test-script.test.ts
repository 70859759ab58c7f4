// `npm test`'s closing line (scripts/test.mjs) is honest: run on a set of test files with one of
// each outcome, it counts a file that fails to load, a failing set-up and litter left in the
// temporary directory as failures, keeps expected-fail tests apart from passes, names each failure
// and each skip with its reason, and its exit status agrees with the line.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test } from 'vitest';

const root = fileURLToPath(new URL('../../', import.meta.url));
const fixtures = join(root, 'tests/cli/fixtures/test-summary');

function npmTest(...files: string[]) {
  const r = spawnSync(process.execPath, [join(root, 'scripts/test.mjs'), '--no-build', '--config', join(fixtures, 'vitest.config.mjs'), ...files], {
    cwd: root,
    encoding: 'utf8',
    // any existing file passes the script's "is Chromium installed" check; these fixtures start no browser
    env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0', CHROMIUM_PATH: process.execPath },
  });
  const lines = r.stdout.trim().split('\n');
  return { code: r.status, last: lines.at(-1), lines };
}

test('every kind of failure is counted, named, and makes the exit status 1', { timeout: 120_000 }, () => {
  const r = npmTest();
  expect(r.last).toBe('2 passed, 4 failed, 2 skipped, 1 expected to fail');
  expect(r.code).toBe(1);
  expect(r.lines).toContainEqual(expect.stringMatching(/^failed: broken\.fixture\.mjs: ENOENT.*not-in-the-repo\.txt/));
  expect(r.lines).toContain('failed: hook.fixture.mjs: the browser did not start');
  expect(r.lines).toContainEqual(expect.stringMatching(/^failed: outcomes\.fixture\.mjs > fails: expected 2 to be 3/));
  expect(r.lines).toContainEqual(expect.stringMatching(/^failed: the tests left 1 entry in the temporary directory: left-behind-/));
  expect(r.lines).toContain('skipped: skips.fixture.mjs (1 test): needs a widget this machine does not have');
  expect(r.lines).toContain('skipped: hook.fixture.mjs (1 test): not run, because of the failure above');
});

test('a file that does not load is a failure on its own', { timeout: 60_000 }, () => {
  const r = npmTest('broken');
  expect(r.last).toBe('0 passed, 1 failed, 0 skipped');
  expect(r.code).toBe(1);
});

test('passes, skips and expected failures only: exit 0', { timeout: 60_000 }, () => {
  const r = npmTest('outcomes', 'skips', '-t', 'passes|expected|widget');
  expect(r.last).toBe('1 passed, 0 failed, 2 skipped, 1 expected to fail');
  expect(r.code).toBe(0);
});
