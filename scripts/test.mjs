#!/usr/bin/env node
// `npm test`: build, typecheck, then every test (unit, CLI, and the real-browser end-to-end suites),
// ending with one plain summary line, "N passed, N failed, N skipped" (and "N expected to fail" when
// there are `test.fails` tests: known misses, neither passed nor failed). The line and the exit
// status always agree: a test file that fails to load, a failing hook, an unhandled error, or
// anything the tests leave in the temporary directory counts as a failure, and each failure and
// each skipped file is named (with the reason it was skipped) just above the line.
//
//   node scripts/test.mjs [--no-build] [vitest arguments...]
//     --no-build   skip the build and the typecheck (a quicker re-run; npm test never passes it)
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const noBuild = args[0] === '--no-build';
const vitestArgs = noBuild ? args.slice(1) : args;

const plural = (n, one, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
function finish(s) {
  for (const f of s.failures) console.log(`failed: ${f}`);
  for (const k of s.skips) console.log(`skipped: ${k}`);
  const extra = s.expectedFail ? `, ${s.expectedFail} expected to fail` : '';
  console.log(`${s.passed} passed, ${s.failed} failed, ${s.skipped} skipped${extra}`);
  process.exit(s.failed > 0 ? 1 : 0);
}
const stopped = (why) => finish({ passed: 0, failed: 1, skipped: 0, expectedFail: 0, failures: [why], skips: [] });

const run = (cmd, argv, env = process.env) => spawnSync(cmd, argv, { stdio: 'inherit', cwd: root, env }).status ?? 1;
// the real-browser suites need Chromium: say so now, not after ten minutes of failures
const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
if (!existsSync(chromium))
  stopped(`no Chromium at ${chromium}: the real-browser tests need it (apt-get install chromium on Debian/Ubuntu, or set CHROMIUM_PATH); npm run test:unit runs the others`);

if (!noBuild) {
  if (run(process.execPath, ['build.mjs']) !== 0) stopped('the build (node build.mjs) failed, so no test ran');
  if (run(process.execPath, [join(root, 'node_modules/typescript/bin/tsc'), '--noEmit']) !== 0) stopped('the typecheck (tsc --noEmit) failed, so no test ran');
}

mkdirSync(join(root, '.tmp'), { recursive: true });
// one per run: tests/cli/test-script.test.ts runs this script inside `npm test`
const summaryFile = join(root, `.tmp/test-summary-${process.pid}.json`);
// the tests' own temporary directory: whatever is left in it afterwards is a test that did not clean up
const scratch = mkdtempSync(join(tmpdir(), 'postcheck-test-run-'));
const code = run(
  process.execPath,
  [join(root, 'node_modules/vitest/vitest.mjs'), 'run', '--reporter=default', `--reporter=${join(root, 'scripts/test-summary.mjs')}`, ...vitestArgs],
  { ...process.env, POSTCHECK_TEST_SUMMARY: summaryFile, TMPDIR: scratch },
);
const left = readdirSync(scratch);
rmSync(scratch, { recursive: true, force: true });

if (!existsSync(summaryFile)) stopped(`vitest stopped before reporting (exit ${code})`);
const s = JSON.parse(readFileSync(summaryFile, 'utf8'));
rmSync(summaryFile, { force: true });
if (left.length) {
  s.failed++;
  s.failures.push(`the tests left ${plural(left.length, 'entry', 'entries')} in the temporary directory: ${left.slice(0, 5).join(', ')}${left.length > 5 ? ', …' : ''}`);
}
if (code !== 0 && s.failed === 0) {
  s.failed++;
  s.failures.push(`vitest exited with status ${code} though no test failed (see its output above)`);
}
finish(s);
