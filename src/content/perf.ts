// Self-measurement for `npm run bench:e2e`, in the development build only (dist/chrome-dev, which
// build.mjs compiles with __POSTCHECK_DEV__ = true): the content script adds up the time its own
// handlers take on the main thread and keeps it on its isolated-world global, where the bench reads
// it through CDP. The store builds compile all of this away, and nothing here is read from the page
// (a switch in the page's own storage would let the site change how PostCheck behaves).
declare const __POSTCHECK_DEV__: boolean | undefined;

export interface PerfStats {
  ms: number;
  calls: number;
  /** round-trip times of the last checks (background worker included) */
  checks: number[];
  /** checks answered since the content script started */
  answered: number;
}

/** True in dist/chrome-dev; false (and folded away) in the store builds and under vitest. */
export const DEV = typeof __POSTCHECK_DEV__ !== 'undefined' && __POSTCHECK_DEV__ === true;

const stats: PerfStats = { ms: 0, calls: 0, checks: [], answered: 0 };
if (DEV) (globalThis as { __postcheckPerf?: PerfStats }).__postcheckPerf = stats;

export function timed<A extends unknown[], R>(fn: (...args: A) => R): (...args: A) => R {
  if (!DEV) return fn;
  return (...args: A) => {
    const t = performance.now();
    try {
      return fn(...args);
    } finally {
      stats.ms += performance.now() - t;
      stats.calls++;
    }
  };
}

/** Notes a check's round trip (development build only). */
export function noteCheck(ms: number): void {
  if (!DEV) return;
  stats.answered++;
  stats.checks.push(Math.round(ms));
  if (stats.checks.length > 50) stats.checks.shift();
}

export const perfOn = DEV;
