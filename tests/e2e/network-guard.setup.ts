/**
 * After every test, in every file: no browser a test launched (tests/e2e/harness.ts) made a network
 * request it should not have — PostCheck promises that nothing leaves the device. The harness
 * records requests and WebSocket creation from every target; this fails the test during which one
 * appeared. Loaded for every test file (vitest.config.ts setupFiles); with no browser launched it
 * does nothing, and it imports nothing heavy.
 */
import { afterEach, expect } from 'vitest';

interface Routing {
  networkLog: string[];
  checkedUpTo: number;
}

afterEach(() => {
  const live = (globalThis as { __postcheckRoutings?: Set<Routing> }).__postcheckRoutings;
  for (const r of live ?? []) {
    const fresh = r.networkLog.slice(r.checkedUpTo);
    r.checkedUpTo = r.networkLog.length;
    expect(fresh, 'network requests during this test (PostCheck must make none)').toEqual([]);
  }
});
