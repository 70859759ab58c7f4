import { beforeEach, describe, expect, test, vi } from 'vitest';

// a storage.local stand-in: the stats module only reads and writes one key
const store: Record<string, unknown> = {};
vi.mock('../../src/platform/browser.js', () => ({
  default: {
    storage: {
      local: {
        get: async (k: string) => (k in store ? { [k]: structuredClone(store[k]) } : {}),
        set: async (o: Record<string, unknown>) => void Object.assign(store, structuredClone(o)),
      },
    },
  },
}));

const stats = await import('../../src/background/stats.js');

describe('statistics: counts, never text', () => {
  beforeEach(() => {
    for (const k of Object.keys(store)) delete store[k];
  });

  test('Post outcomes count once per event; rules only at a press of Post', async () => {
    await stats.recordOutcome('posted-anyway', ['pupil-name', 'pupil-name', 'gossip']);
    await stats.recordOutcome('edited-after-warning', ['pupil-name']);
    await stats.recordOutcome('fix-applied', ['pupil-name']);
    const s = await stats.readStats();
    expect(s.outcomes).toEqual({ 'posted-anyway': 1, 'edited-after-warning': 1, 'fix-applied': 1 });
    expect(s.findingsByRule).toEqual({ 'pupil-name': 2, gossip: 1 });
  });

  test('nothing but known rule ids becomes a key, so no text can be stored', async () => {
    await stats.recordOutcome('blocked', ['Joshua Brown is in my class', 'threat']);
    const s = await stats.readStats();
    expect(JSON.stringify(s)).not.toContain('Joshua');
    expect(s.findingsByRule).toEqual({ threat: 1 });
  });

  test('popup drafts count once per draft, not per keystroke', async () => {
    await stats.recordPopupDraft(true, []);
    await stats.recordPopupDraft(false, ['pupil-name']);
    await stats.recordPopupDraft(false, ['disclaimer-missing']);
    await stats.recordPopupDraft(true, ['pupil-name']);
    const s = await stats.readStats();
    expect(s.popupDrafts).toBe(2);
    expect(s.popupFindingsByRule).toEqual({ 'pupil-name': 2, 'disclaimer-missing': 1 });
  });

  test('concurrent reports are not lost', async () => {
    await Promise.all(Array.from({ length: 20 }, () => stats.recordOutcome('posted-clean', [])));
    expect((await stats.readStats()).outcomes['posted-clean']).toBe(20);
  });

  test('reset starts afresh; the first version’s per-keystroke counts are discarded', async () => {
    store.stats = { since: 'x', checks: 999, checksWithFindings: 5, findingsByRule: {}, outcomes: {} };
    expect((await stats.readStats()).version).toBe(2);
    await stats.recordOutcome('posted-clean', []);
    await stats.resetStats();
    const s = await stats.readStats();
    expect(s.outcomes).toEqual({});
    expect(Date.parse(s.since)).not.toBeNaN();
  });
});
