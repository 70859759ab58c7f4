// The phrase matcher's prefilter skips a pattern when the draft lacks a word it cannot match
// without (its needs) and walks only the tokens where a live pattern can start. It must never
// change a match: every lexicon in rules/ is matched with and without it, over the labelled drafts
// and over drafts generated from the lexicon's own patterns, and the results must be identical.
import fc from 'fast-check';
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseLexicon } from '../../src/data/lexicons.js';
import { analyse } from '../../src/engine/text/doc.js';
import { matchStats, PhraseMatcher } from '../../src/engine/text/pattern.js';

const lexDir = new URL('../../rules/lexicons/', import.meta.url);
const lexicons = readdirSync(lexDir)
  .filter((f) => f.endsWith('.json'))
  .map((f) => ({ file: f, json: JSON.parse(readFileSync(new URL(f, lexDir), 'utf8')) as { entries?: unknown } }))
  .filter((l) => Array.isArray(l.json.entries))
  .map((l) => ({ file: l.file, lex: parseLexicon(l.json, l.file) }));

const evalDir = new URL('../eval/', import.meta.url);
const drafts = readdirSync(evalDir)
  .filter((f) => f.endsWith('.jsonl'))
  .flatMap((f) =>
    readFileSync(new URL(f, evalDir), 'utf8')
      .split('\n')
      .filter((l) => l.trim())
      .map((l) => (JSON.parse(l) as { text: string }).text),
  );

/** One way of writing a pattern: each part picks an alternative (a class member, a prefix with an ending), optional parts and gaps vary. */
function writeOut(pattern: string, classes: Record<string, string[]>, pick: (n: number) => number, filler: string[]): string {
  const out: string[] = [];
  for (const raw of pattern.trim().split(/\s+/)) {
    let part = raw;
    if (part.length > 1 && part.endsWith('?')) {
      if (pick(2) === 0) continue;
      part = part.slice(0, -1);
    }
    const gap = /^\*(\d+)$/.exec(part);
    if (gap) {
      for (let k = pick(Number(gap[1]) + 1); k > 0; k--) out.push(filler[pick(filler.length)]!);
      continue;
    }
    if (part === ',') {
      out.push(',');
      continue;
    }
    if (part === '#') {
      out.push(String(pick(12) + 1));
      continue;
    }
    const alts = part.split('|').flatMap((a) => (a.startsWith('@') ? (classes[a.slice(1)] ?? []) : [a]));
    const alt = alts[pick(alts.length)] ?? part;
    out.push(alt.endsWith('*') && alt.length > 1 ? `${alt.slice(0, -1)}ed` : alt);
  }
  return out.join(' ').replace(/ ,/g, ',');
}

const FILLER = ['the', 'a', 'my', 'and', 'is', 'so', 'really', 'today', 'not', 'never', 'we', 'they', 'kids', 'school', '.', '!', 'Year', '6'];

describe('the phrase matcher prefilter', () => {
  for (const { file, lex } of lexicons) {
    const classes = lex.classes ?? {};
    // profanity-stems.json's patterns are obscenity's syntax; only its allow-lists are phrase patterns
    const stems = file === 'profanity-stems.json';
    const fromEntries = lex.entries.flatMap((e) => (stems ? (e.allow?.length ? [{ id: e.id, patterns: e.allow }] : []) : [{ id: e.id, patterns: e.patterns, allow: e.allow }]));
    // a lexicon of classes only (context.json) is matched a class at a time, as context.ts does
    const sources = fromEntries.length ? fromEntries : Object.keys(classes).map((c) => ({ id: c, patterns: [`@${c}`] }));
    const fast = new PhraseMatcher(sources, classes);
    const slow = new PhraseMatcher(sources, classes, { prefilter: false });
    const patterns = sources.flatMap((e) => e.patterns);

    it(`${file}: finds the same matches with and without it, on every labelled draft`, () => {
      for (const text of drafts) {
        const doc = analyse(text);
        expect(fast.match(doc, 'view'), text).toEqual(slow.match(doc, 'view'));
        expect(fast.match(doc, 'deobView'), text).toEqual(slow.match(doc, 'deobView'));
      }
    });

    it.runIf(patterns.length > 0)(`${file}: finds the same matches with and without it, on drafts written from its own patterns`, () => {
      fc.assert(
        fc.property(fc.array(fc.tuple(fc.nat(), fc.array(fc.nat(), { minLength: 12, maxLength: 12 })), { minLength: 1, maxLength: 6 }), fc.constantFrom(' ', '. ', ', ', ' and '), (picks, sep) => {
          const text = picks
            .map(([p, r]) => {
              let k = 0;
              return writeOut(patterns[p % patterns.length]!, classes, (n) => (n <= 1 ? 0 : r[k++ % r.length]! % n), FILLER);
            })
            .join(sep);
          const doc = analyse(text);
          expect(fast.match(doc, 'view')).toEqual(slow.match(doc, 'view'));
          expect(fast.match(doc, 'deobView')).toEqual(slow.match(doc, 'deobView'));
        }),
        { numRuns: 150 },
      );
    });
  }

  it('tries no pattern in a draft that lacks a word the pattern needs', () => {
    const m = new PhraseMatcher([{ id: 'joke', patterns: ['the parents are a joke', 'the @who are a joke'] }], { who: ['staff', 'kids'] });
    matchStats.attempts = 0;
    expect(m.match(analyse('The parents are a delight, the staff are a credit, the kids are a joy.'))).toEqual([]);
    expect(matchStats.attempts).toBe(0);
    // with the needed word there, the pattern is tried where it can start, and only there
    matchStats.attempts = 0;
    const found = m.match(analyse('Honestly the parents are a joke and the kids are a joy.'));
    expect(found.map((x) => x.id)).toEqual(['joke']);
    expect(matchStats.attempts).toBe(4); // two "the", two patterns
  });
});
