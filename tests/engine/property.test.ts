// Property-based: whatever a user pastes, the engine never throws and every finding points at real
// text. Scaling with draft length is measured by `npm run bench` (a benchmark, not a timed test).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Finding } from '../../src/engine/types.js';
import { findings, ST_AIDANS } from '../rules/helpers.js';

/** Every finding points at real text (checked in plain code, one assertion: drafts here have tens of thousands of findings). */
function wellFormed(text: string, fs: Finding[]) {
  const bad = fs.filter(
    (f) =>
      !(f.start >= 0 && f.end >= f.start && f.end <= text.length) ||
      f.excerpt !== text.slice(f.start, f.end) ||
      !['info', 'warn', 'block'].includes(f.severity) ||
      (f.fix && !(f.fix.start >= 0 && f.fix.end <= text.length)),
  );
  expect(bad).toEqual([]);
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

// Adversarial drafts of 200,000 characters: one long hashtag or handle, one run-on sentence, thousands
// of e-mail addresses, long runs of allowed words. Each used to be quadratic somewhere (tag
// segmentation, the allowed-span filter, personal-info's overlap check, the title-case count, the
// insult/target pairing); linear now, and each must still give the findings its short form gives.
// The test timeout is the only clock here: a generous ceiling (each finishes in about a second on
// this machine; before, the hashtags took 20 s to over 3 minutes).
const N = 199_900;
const repeat = (unit: string, prefix = '') => prefix + unit.repeat(Math.floor((N - prefix.length) / unit.length));
/** A sentence after the adversarial part: its pupil must be found, at the right place. */
const SENTINEL = '\nWell done Josh Brown today!';
const ALLOWING = { ...ST_AIDANS, terms: { ...ST_AIDANS.terms, allowed: ['bloody', 'stupid'] } };

function sentinelFound(text: string, fs: Finding[]) {
  const at = text.length - SENTINEL.length + SENTINEL.indexOf('Josh');
  expect(fs.filter((f) => f.rule === 'pupil-name' && f.start === at && f.excerpt === 'Josh Brown')).toHaveLength(1);
}
const count = (fs: Finding[], rule: string) => fs.filter((f) => f.rule === rule).length;

describe('adversarial 200,000-character drafts finish and stay correct', { timeout: 30_000 }, () => {
  it('one lowercase hashtag of repeated first names', () => {
    for (const text of [repeat('josh', '#'), repeat('holly', '@'), repeat('joshbrown', '#welldone')]) {
      const fs = findings(text + SENTINEL);
      wellFormed(text + SENTINEL, fs);
      sentinelFound(text + SENTINEL, fs);
      // the short form reads the same way
      const short = text.slice(0, 40);
      expect(count(fs, 'pupil-name') - 1 > 0).toBe(count(findings(short), 'pupil-name') > 0);
    }
  });

  it('one camel-case hashtag of thousands of names: every name is found', () => {
    const text = repeat('Josh', '#WellDone');
    const fs = findings(text);
    wellFormed(text, fs);
    expect(count(fs, 'pupil-name')).toBe((text.length - '#WellDone'.length) / 4);
  });

  it('one capitalised hashtag of a name that is also a word', () => {
    const text = repeat('Holly', '#');
    const fs = findings(text);
    expect(count(fs, 'pupil-name')).toBe(findings('#HollyHolly').filter((f) => f.rule === 'pupil-name').length * ((text.length - 1) / 10));
  });

  it('any single token: a hashtag, handle or word of name pieces, digits, case changes and marks', () => {
    // fast-check builds the token from a short unit repeated to 200,000 characters; each such shape
    // is one more way a token could be split, joined or scanned twice
    const piece = fc.constantFrom('josh', 'Josh', 'JOSH', 'brown', 'Brown', 'Holly', 'mrs', 'Mr', 'ama', 'St', 'Aidans', '1', '2016', '_', '$', '!', '*', '0', 'x', "'", '-', '.', 'ë', '\u200b');
    fc.assert(
      fc.property(fc.constantFrom('#', '@', ''), fc.array(piece, { minLength: 1, maxLength: 5 }), (prefix, unit) => {
        const text = repeat(unit.join(''), prefix) + SENTINEL;
        const fs = findings(text);
        wellFormed(text, fs);
        sentinelFound(text, fs);
      }),
      { numRuns: 4 },
    );
  }, 120_000);

  it('one long handle of titles and a hashtag of digits', () => {
    for (const text of [repeat('mrs', '@thanks'), repeat('1', '#josh'), repeat('_josh', '@')]) {
      const fs = findings(text + SENTINEL);
      wellFormed(text + SENTINEL, fs);
      sentinelFound(text + SENTINEL, fs);
    }
  });

  it('one run-on sentence of 200,000 characters with a name in every clause', () => {
    const text = repeat('we saw Holly and the ');
    const fs = findings(text);
    wellFormed(text, fs);
    expect(count(fs, 'pupil-name')).toBe(text.length / 'we saw Holly and the '.length);
    // a run-on sentence In Title Case: capitals say nothing about names there (as in a short one)
    const titled = repeat('We Saw Holly And The ');
    expect(count(findings(titled), 'pupil-name')).toBe(0);
    expect(count(findings('We Saw Holly And The Ducks'), 'pupil-name')).toBe(0);
  });

  it('thousands of e-mail addresses: each is reported once', () => {
    const text = repeat('a@b.co ');
    const fs = findings(text);
    expect(count(fs, 'personal-info')).toBe(text.length / 7);
  });

  it('long runs of allowed words: none reported, the sentinel still is', () => {
    for (const text of [repeat('bloody '), repeat('stupid kids ')]) {
      const fs = findings(text + SENTINEL, {}, ALLOWING);
      expect(fs.filter((f) => f.rule === 'profanity' || f.rule === 'derogatory')).toEqual([]);
      sentinelFound(text + SENTINEL, fs);
    }
  });

  it('insults and targets, names and pupil words, disclosures, in one long sentence', () => {
    for (const unit of ['useless SLT ', 'Holly in Year 6 and ', 'Josh has an EHCP ', 'apparently the head said that ', 'Mrs Patel and Josh ']) {
      const text = repeat(unit) + SENTINEL;
      wellFormed(text, findings(text));
    }
  });
});
