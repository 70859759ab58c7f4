// Drafts past the engine's cap are checked in windows, not cut (issue 8 item 2), and a long draft
// hands the thread back between rules so other tabs' checks run in between (issue 8 item 4).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { check, checkCooperatively, draftWindows, MAX_DRAFT } from '../../src/engine/engine.js';
import { RULES } from '../../src/engine/rules/index.js';
import type { Finding } from '../../src/engine/types.js';
import { compiled, findings } from '../rules/helpers.js';

const DURING_HOURS = { at: '2027-02-17T09:50:00', media: true };
const filler = (n: number) => 'Lovely walk along the canal with the dog today. '.repeat(Math.ceil(n / 48)).slice(0, n);

describe('draftWindows', () => {
  it('tiles the draft with windows of at most the size, each reading its margins', () => {
    const piece = fc.constantFrom('word ', 'Josh. ', '\n', 'a', '🎻', '  ', 'end! ', 'x'.repeat(30));
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 200 }), fc.integer({ min: 60, max: 300 }), fc.integer({ min: 1, max: 20 }), (pieces, size, margin) => {
        const draft = pieces.join('');
        const ws = draftWindows(draft, size, margin);
        expect(ws[0]!.ownFrom).toBe(0);
        expect(ws[ws.length - 1]!.ownTo).toBe(draft.length);
        for (const [k, w] of ws.entries()) {
          if (k > 0) expect(w.ownFrom).toBe(ws[k - 1]!.ownTo);
          if (draft.length) expect(w.ownTo).toBeGreaterThan(w.ownFrom);
          expect(w.to - w.from).toBeLessThanOrEqual(size);
          expect(w.from).toBeLessThanOrEqual(w.ownFrom);
          expect(w.to).toBeGreaterThanOrEqual(w.ownTo);
          // a window never starts or ends inside a surrogate pair
          for (const at of [w.from, w.to, w.ownTo]) expect(/[\ud800-\udbff]/.test(draft.charAt(at - 1)) && /[\udc00-\udfff]/.test(draft.charAt(at))).toBe(false);
        }
      }),
      { numRuns: 500 },
    );
  });

  it('cuts at a line or sentence end where there is one', () => {
    const draft = 'Aaa bbb. Ccc ddd\n'.repeat(12);
    const ws = draftWindows(draft, 40, 4);
    expect(ws.length).toBeGreaterThan(4);
    for (const w of ws.slice(0, -1)) expect(draft.slice(0, w.ownTo)).toMatch(/(\. |\n)$/);
  });

  it('keeps a draft up to the cap whole', () => {
    expect(draftWindows('x'.repeat(MAX_DRAFT))).toEqual([{ from: 0, to: MAX_DRAFT, ownFrom: 0, ownTo: MAX_DRAFT }]);
  });
});

describe('drafts past the cap', { timeout: 60_000 }, () => {
  const named = (fs: Finding[]) => fs.filter((f) => f.rule === 'pupil-name').map((f) => [f.start, f.excerpt]);

  it('finds pupils anywhere in a draft past the cap, each once, at its place', () => {
    const parts = [filler(100_000), 'Well done Josh Brown today. ', filler(150_000), 'Zoë O’Neill was brilliant. ', filler(30_000), 'Thanks, Grace Thompson.'];
    const draft = parts.join('');
    const at = (s: string) => draft.indexOf(s);
    expect(draft.length).toBeGreaterThan(MAX_DRAFT + 50_000);
    expect(named(findings(draft))).toEqual([
      [at('Josh Brown'), 'Josh Brown'],
      [at('Zoë O’Neill'), 'Zoë O’Neill'],
      [at('Grace Thompson'), 'Grace Thompson'],
    ]);
  });

  it('finds a name at a window cut once, whole', () => {
    // no sentence end near the cut: the first window is cut at the space between 'Josh' and 'Brown'
    const draft = `${'word '.repeat(39_198)}Josh Brown ${'word '.repeat(40_000)}`;
    const ws = draftWindows(draft);
    expect(ws.length).toBeGreaterThan(1);
    const josh = draft.indexOf('Josh');
    expect(ws[0]!.ownTo).toBe(josh + 'Josh '.length);
    expect(named(findings(draft))).toEqual([[josh, 'Josh Brown']]);
  });

  it('gives a long paragraph repeated past the cap the findings it gives a short run of it', () => {
    const unit = 'Massive well done to Josh Brown for a brilliant assembly! The parents here are a joke, honestly. My mobile is 07700 900559 if anyone needs me. Thank f.u.c.k that is over. Word is Mrs Patel is leaving at Christmas.\n';
    const key = (fs: Finding[], from: number) => fs.filter((f) => f.end > f.start && f.start >= from && f.start < from + unit.length).map((f) => `${f.rule}:${f.start - from}:${f.end - f.start}:${f.message}`).sort();
    const three = unit.repeat(3);
    const expected = key(findings(three), unit.length);
    expect(expected.length).toBeGreaterThan(4);
    const copies = Math.ceil((1.2 * MAX_DRAFT) / unit.length);
    const draft = unit.repeat(copies);
    const fs = findings(draft);
    const wrong: number[] = [];
    for (let c = 1; c < copies - 1; c++) if (key(fs, c * unit.length).join('|') !== expected.join('|')) wrong.push(c);
    expect(wrong).toEqual([]);
  });

  it('reports a draft-level finding once, and reads a disclaimer signed at the end', () => {
    const about = `Proud of Josh Brown at St Aidan's today. ${filler(MAX_DRAFT + 20_000)}`;
    const signed = check(`${about} Views are my own.`, DURING_HOURS, compiled());
    expect(signed.filter((f) => f.rule === 'disclaimer-missing')).toEqual([]);
    expect(signed.filter((f) => f.rule === 'work-hours')).toHaveLength(1);
    expect(signed.filter((f) => f.rule === 'pupil-image')).toHaveLength(1);
    const unsigned = check(about, DURING_HOURS, compiled()).filter((f) => f.rule === 'disclaimer-missing');
    expect(unsigned).toHaveLength(1);
    // its fix appends at the end of the whole draft, not of a window
    expect(unsigned[0]!.fix).toMatchObject({ start: about.length, end: about.length });
  });

  it('runs the draft-level rules last, after every rule whose hits they read', () => {
    const ids = RULES.map((r) => r.meta.id);
    expect(ids.slice(-3).sort()).toEqual(['disclaimer-missing', 'pupil-image', 'work-hours']);
  });
});

describe('cooperative checks', { timeout: 60_000 }, () => {
  it('a short check started during a long one finishes first, and both give what check() gives', async () => {
    const long = `${filler(60_000)} Josh Brown is a joke.`;
    const short = 'Well done Josh Brown!';
    const done: string[] = [];
    const a = checkCooperatively(long, {}, compiled()).then((fs) => (done.push('long'), fs));
    const b = checkCooperatively(short, {}, compiled()).then((fs) => (done.push('short'), fs));
    const [fl, fs] = await Promise.all([a, b]);
    expect(done).toEqual(['short', 'long']);
    expect(fl).toEqual(findings(long));
    expect(fs).toEqual(findings(short));
  });

  it('hands the thread back between windows of a draft past the cap', async () => {
    let pauses = 0;
    const draft = filler(MAX_DRAFT + 10);
    const fs = await checkCooperatively(draft, {}, compiled(), async () => void pauses++);
    expect(fs).toEqual(findings(draft));
    // every rule in each of the two windows, and the draft-level rules once
    expect(draftWindows(draft)).toHaveLength(2);
    expect(pauses).toBe(2 * (RULES.length - 3) + 3);
  });
});
