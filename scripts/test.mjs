#!/usr/bin/env node
// `npm test`: build, typecheck, then every test (unit, CLI, and the real-Chromium end-to-end suites),
// ending with one plain summary line: "N passed, N failed, N skipped".
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';

const run = (cmd, args) => spawnSync(cmd, args, { stdio: 'inherit' }).status ?? 1;
const step = (name, cmd, args) => {
  const code = run(cmd, args);
  if (code !== 0) {
    console.error(`npm test: ${name} failed`);
    console.log('0 passed, 1 failed');
    process.exit(code);
  }
};

step('build', process.execPath, ['build.mjs']);
step('typecheck', 'npx', ['tsc', '--noEmit']);
mkdirSync('.tmp', { recursive: true });
const report = '.tmp/vitest-report.json';
const code = run('npx', ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${report}`, ...process.argv.slice(2)]);
if (existsSync(report)) {
  const r = JSON.parse(readFileSync(report, 'utf8'));
  console.log(`\n${r.numPassedTests} passed, ${r.numFailedTests} failed, ${r.numPendingTests + r.numTodoTests} skipped`);
}
process.exit(code);
