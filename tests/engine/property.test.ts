// Property-based: whatever a user pastes, the engine never throws and every finding points at real
// text. Scaling with draft length is measured by `npm run bench` (a benchmark, not a timed test).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Finding } from '../../src/engine/types.js';
import { findings } from '../rules/helpers.js';

function wellFormed(text: string, fs: Finding[]) {
  for (const f of fs) {
    expect(f.start).toBeGreaterThanOrEqual(0);
    expect(f.end).toBeGreaterThanOrEqual(f.start);
    expect(f.end).toBeLessThanOrEqual(text.length);
    expect(f.excerpt).toBe(text.slice(f.start, f.end));
    expect(['info', 'warn', 'block']).toContain(f.severity);
    if (f.fix) {
      expect(f.fix.start).toBeGreaterThanOrEqual(0);
      expect(f.fix.end).toBeLessThanOrEqual(text.length);
    }
  }
}

const words = ['Josh', 'Brown', 'St', "Aidan's", 'EHCP', 'the', 'parents', 'are', 'a', 'joke', '#StAidans', '@joshbrown2016', 'f.u.c.k', 'J o s h', 'Year', '6', '5B', 'Zoë', 'O’Neill', '\u200b', '🎻', '\n', 'views are my own', 'sh1t', 'Mrs', 'Patel', '07700 900559', '.', ',', '!', '—'];

describe('engine properties', () => {
  it('never throws on arbitrary Unicode, and findings point at real text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 400 }), fc.boolean(), (text, media) => {
        wellFormed(text, findings(text, { media }));
      }),
      { numRuns: 300 },
    );
  });

  it('never throws on drafts made of policy-relevant words and obfuscations', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...words), { maxLength: 80 }), fc.constantFrom(' ', '', '\u200b', '.', '\n'), (ws, sep) => {
        const text = ws.join(sep);
        wellFormed(text, findings(text, { media: ws.length % 2 === 0, site: 'x', at: '2027-02-17T09:50:00' }));
      }),
      { numRuns: 300 },
    );
  });

  it('handles lone surrogates, control characters and the empty draft', () => {
    for (const text of ['', ' ', '\ud800', 'abc\udfff', '\u0000\u0001\u0002', '\u202e Josh Brown', '\ufeff']) {
      wellFormed(text, findings(text));
    }
    expect(findings('')).toEqual([]);
  });

  it('checks 100,000-character drafts, including adversarial ones', () => {
    const big = [
      'Well done Josh Brown on his EHCP review. '.repeat(2500),
      'a '.repeat(50_000),
      '#'.repeat(100_000),
      'J o s h '.repeat(12_500),
      '\u200b'.repeat(100_000),
      'aaaaaaaaaa'.repeat(10_000),
      'the parents are a joke, '.repeat(4200),
    ];
    for (const text of big) {
      const fs = findings(text);
      wellFormed(text, fs);
    }
    expect(findings(big[0]!).filter((f) => f.rule === 'pupil-name').length).toBeGreaterThan(1000);
  });
});
