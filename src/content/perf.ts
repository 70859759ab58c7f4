// Optional self-measurement for `npm run bench:e2e`: with sessionStorage "postcheck-debug" = "1"
// the content script adds up the time its own handlers take on the main thread and exposes the
// total on its (isolated-world) global. Off by default, and then `timed` returns the function as is.
export interface PerfStats {
  ms: number;
  calls: number;
  /** round-trip times of the last checks (background worker included) */
  checks: number[];
}

/** sessionStorage "postcheck-debug": "1" measures; "overlay" also forces the overlay highlighter
 *  (the path browsers without the CSS Custom Highlight API take), so tests can cover it. */
function debugFlag(): string | null {
  try {
    return sessionStorage.getItem('postcheck-debug');
  } catch {
    return null;
  }
}

const flag = debugFlag();
const on = flag === '1';
export const forceOverlay = flag === 'overlay';
const stats: PerfStats = { ms: 0, calls: 0, checks: [] };
if (on) (globalThis as { __postcheckPerf?: PerfStats }).__postcheckPerf = stats;

export function timed<A extends unknown[], R>(fn: (...args: A) => R): (...args: A) => R {
  if (!on) return fn;
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

/** Notes a check's round trip (debug mode only). */
export function noteCheck(ms: number): void {
  if (!on) return;
  stats.checks.push(Math.round(ms));
  if (stats.checks.length > 50) stats.checks.shift();
}

export const perfOn = on;
