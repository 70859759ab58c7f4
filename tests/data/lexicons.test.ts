// Every data file under rules/lexicons is valid against its schema, every entry says why it is there,
// and every pattern compiles in the phrase language (a typo fails here, not silently in a draft).
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseGeneratedVocab, parseLexicon, parseVocabExclusions, parseWordList } from '../../src/data/lexicons.js';
import { compilePattern } from '../../src/engine/text/pattern.js';

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
        for (const p of [...e.patterns, ...(e.allow ?? [])]) expect(() => compilePattern(e.id, p, lex.classes ?? {}), `${file} ${e.id}: ${p}`).not.toThrow();
      }
    });
  }
});
