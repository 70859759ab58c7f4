// The vitest reporter behind `npm test`'s closing line. vitest's own JSON report counts tests only,
// so a test file that fails to load, a failing beforeAll or an unhandled error left the line at
// "0 failed" while vitest exited 1; and `test.fails` tests counted as passed. This reporter writes
// what the line needs to the file named by POSTCHECK_TEST_SUMMARY; scripts/test.mjs prints it.
import { writeFileSync } from 'node:fs';

const firstLine = (e) => String(e?.message ?? e ?? '').split('\n')[0].slice(0, 300);

/** Each module's failures: its failed tests, or the module itself when it failed with none (load error, hook). */
export function summarise(testModules, unhandledErrors, reason, skipReasons) {
  const s = { passed: 0, failed: 0, skipped: 0, expectedFail: 0, failures: [], skips: [] };
  for (const m of testModules) {
    let failedHere = 0;
    let skippedHere = 0;
    for (const t of m.children.allTests()) {
      const r = t.result();
      if (r.state === 'failed') {
        failedHere++;
        s.failures.push(`${m.relativeModuleId} > ${t.fullName}: ${firstLine(r.errors?.[0])}`);
      } else if (r.state === 'passed') {
        if (t.options.fails) s.expectedFail++;
        else s.passed++;
      } else if (r.state === 'skipped') {
        skippedHere++;
      }
    }
    // a module or suite error (it did not load, a beforeAll threw): one failure when no test failed
    const errors = [...m.errors(), ...[...m.children.allSuites()].flatMap((x) => x.errors())];
    if (failedHere === 0 && (m.state() === 'failed' || errors.length)) {
      failedHere = 1;
      s.failures.push(`${m.relativeModuleId}: ${errors.length ? firstLine(errors[0]) : 'failed outside its tests'}`);
    }
    s.failed += failedHere;
    s.skipped += skippedHere;
    const why = errors.length ? 'not run, because of the failure above' : skipReasons.get(m.id);
    if (skippedHere) s.skips.push(`${m.relativeModuleId} (${skippedHere} ${skippedHere === 1 ? 'test' : 'tests'})${why ? `: ${why}` : ''}`);
  }
  for (const e of unhandledErrors) {
    s.failed++;
    s.failures.push(`unhandled error: ${firstLine(e)}`);
  }
  if (reason === 'interrupted') {
    s.failed++;
    s.failures.push('the run was interrupted');
  }
  return s;
}

export default class SummaryReporter {
  #skipReasons = new Map();

  // a suite that skips says why on the console as "skipped: <reason>" (tests/e2e/managed-helpers.ts)
  onUserConsoleLog(log) {
    const m = /^skipped: (.+)/.exec(log.content.trim());
    if (m && log.taskId && !this.#skipReasons.has(log.taskId)) this.#skipReasons.set(log.taskId, m[1]);
  }

  onTestRunEnd(testModules, unhandledErrors, reason) {
    const file = process.env.POSTCHECK_TEST_SUMMARY;
    if (file) writeFileSync(file, JSON.stringify(summarise(testModules, unhandledErrors, reason, this.#skipReasons)));
  }
}
