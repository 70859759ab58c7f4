// rules/lexicons/english-words.json, the Bloom filter of everyday English words that tells a roster
// name which is also a word ("Favour", "Lovely", "Cam") from one that is only a name: it is what the
// generator writes from compromise's lexicon today, it holds every word it was built from, and its
// wrong yeses stay near the 1% it was sized for.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseWordFilter } from '../../src/data/lexicons.js';
import { bloomBuild, WordFilter } from '../../src/engine/text/bloom.js';
import { nameClass } from '../../src/engine/name-data.js';
// @ts-expect-error: a plain .mjs script of the generators, without types
import { englishWords, firstNames } from '../../scripts/compromise-words.mjs';

const file = parseWordFilter(JSON.parse(readFileSync(new URL('../../rules/lexicons/english-words.json', import.meta.url), 'utf8')), 'english-words.json');
const filter = WordFilter.fromBase64(file.filter.base64, file.filter.bits, file.filter.hashes);
const words: string[] = englishWords();
const names: string[] = firstNames();

describe('english-words filter', () => {
  it('is what scripts/gen-english-words.mjs writes from the installed compromise', () => {
    expect(file.source.words).toBe(words.length);
    expect(Buffer.from(bloomBuild(words, file.filter.bits, file.filter.hashes)).toString('base64')).toBe(file.filter.base64);
  });
  it('says yes to every word it was built from', () => {
    expect(words.filter((w) => !filter.has(w))).toEqual([]);
  });
  it('says yes to about 1% of first names, which it does not hold', () => {
    const yes = names.filter((w) => filter.has(w)).length / names.length;
    expect(yes).toBeGreaterThan(0);
    expect(yes).toBeLessThan(0.02);
  });
  it('rejects a bit array too short for its length', () => {
    expect(() => new WordFilter(new Uint8Array(2), 100, 3)).toThrow(/cannot hold/);
  });
});

describe('nameClass reads the filter', () => {
  it('a roster name that is an everyday word is a word', () => {
    for (const w of ['favour', 'lovely', 'cam', 'gift', 'treasure']) expect(nameClass(w), w).toBe('word');
  });
  it('a name that is only a name, or a common first name the filter wrongly holds, is plain', () => {
    for (const w of ['oisin', 'bartosz', 'tyler', 'mandy', 'jayden', 'siobhan']) expect(nameClass(w), w).toBe('plain');
  });
});
