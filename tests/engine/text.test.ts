import { describe, expect, it } from 'vitest';
import { analyse } from '../../src/engine/text/doc.js';
import { PhraseMatcher } from '../../src/engine/text/pattern.js';

const words = (s: string) => analyse(s).tokens.map((t) => t.norm);

describe('normalisation pipeline', () => {
  it('folds accents, case, curly apostrophes and look-alike letters', () => {
    expect(words('Zoë O’Neill')).toEqual(['zoe', 'oneill']);
    expect(words("Zoe O'Neill")).toEqual(['zoe', 'oneill']);
    // Cyrillic а and е in "Kingsmead"
    expect(words('Kingsm\u0435\u0430d')).toEqual(['kingsmead']);
  });
  it('drops zero-width characters and keeps offsets into the original', () => {
    const d = analyse('Kings\u200bmead Valley');
    expect(d.tokens.map((t) => t.norm)).toEqual(['kingsmead', 'valley']);
    expect(d.tokens[0]!.start).toBe(0);
    expect(d.tokens[0]!.end).toBe(10);
    expect(d.draft.slice(d.tokens[1]!.start, d.tokens[1]!.end)).toBe('Valley');
  });
  it("reads regional spellings as the standard word and keeps the draft's own", () => {
    const d = analyse("Cannae believe the weans' heid teacher, wan mair time");
    expect(d.tokens.map((t) => t.norm)).toEqual(['cant', 'believe', 'the', 'kids', 'head', 'teacher', 'one', 'more', 'time']);
    expect(d.tokens[3]!.base).toBe('kids');
    expect(d.draft.slice(d.tokens[0]!.start, d.tokens[0]!.end)).toBe('Cannae');
    // a word that is English too is left alone
    expect(words('a safe haven')).toEqual(['a', 'safe', 'haven']);
    // a capital mid-sentence may be a name: "Li Wan" is a pupil, not "li one"
    expect(words('Well done Li Wan and wan mair')).toEqual(['well', 'done', 'li', 'wan', 'and', 'one', 'more']);
  });
  it('marks possessives', () => {
    const d = analyse("Josh's and Josh’s and the pupils' books");
    expect(d.tokens[0]!.base).toBe('josh');
    expect(d.tokens[0]!.possessive).toBe(true);
    expect(d.tokens[2]!.base).toBe('josh');
    expect(d.tokens[5]!.base).toBe('pupils');
    expect(d.tokens[5]!.possessive).toBe(true);
  });
  it('splits hashtags and handles into words', () => {
    expect(words('#WellDoneJosh')).toEqual(['well', 'done', 'josh']);
    expect(words('#NLTRocks')).toEqual(['nlt', 'rocks']);
    expect(analyse('#KVHSproud').tags[0]!.body).toBe('kvhsproud');
    expect(words('@joshbrown2016')).toEqual(['joshbrown', '2016']);
    const d = analyse('#ProudOfHolly, her art');
    expect(d.tags[0]!.body).toBe('proudofholly');
    expect(d.tokens[2]!.cap).toBe(true);
  });
  it('joins letters spaced or dotted out, and decodes leetspeak', () => {
    expect(words('Thank f.u.c.k for that')).toEqual(['thank', 'fuck', 'for', 'that']);
    expect(words('well done J o s h today')).toEqual(['well', 'done', 'josh', 'today']);
    const d = analyse('Printer is r3tarded and fuuuuck sh!t');
    expect(d.tokens.map((t) => t.deob)).toEqual(['printer', 'is', 'retarded', 'and', 'fuck', 'shit']);
  });
  it('joins only letters with one kind of separator, so a word before them stays a word', () => {
    expect(words('what a r.e.t.a.r.d')).toEqual(['what', 'a', 'retard']);
    expect(words('I s.h.i.t you not')).toEqual(['i', 'shit', 'you', 'not']);
  });
  it('marks contractions that fold into other words', () => {
    const d = analyse("he'll say we'll see, it's fine");
    expect(d.tokens.filter((t) => t.contraction).map((t) => t.norm)).toEqual(['hell', 'well']);
  });
  it('keeps UTF-16 offsets across astral characters', () => {
    const d = analyse('🎻 Josh 🎨 Brown');
    const t = d.tokens.map((x) => d.draft.slice(x.start, x.end));
    expect(t).toEqual(['Josh', 'Brown']);
  });
  it('keeps hashtag token ranges right after joining spaced letters', () => {
    const d = analyse('J o s h #WellDone');
    expect(d.tokens.map((t) => t.norm)).toEqual(['josh', 'well', 'done']);
    expect(d.tags[0]!.first).toBe(1);
    expect(d.tags[0]!.last).toBe(3);
  });
  it('does not end a sentence at a title or "St."', () => {
    const d = analyse('Mr. Kerr went to St. Aidan\'s. Then home.');
    expect(d.tokens.filter((t) => t.sentenceStart).map((t) => t.norm)).toEqual(['mr', 'then']);
  });
  it('reads a number with grouping commas as one number, and breaks no clause there', () => {
    const d = analyse('Cut by £84,000, then £1,240,000 raised; items 1,2,3 and 12,5 stay apart');
    expect(d.tokens.map((t) => t.norm)).toEqual(['cut', 'by', '84000', 'then', '1240000', 'raised', 'items', '1', '2', '3', 'and', '12', '5', 'stay', 'apart']);
    const n = d.tokens[2]!;
    expect(n.numeric).toBe(true);
    expect(d.draft.slice(n.start, n.end)).toBe('84,000');
    expect(d.tokens[1]!.clause).toBe(n.clause);
  });
  it('marks sentence starts', () => {
    const d = analyse('Daisy chains. Then Holly came.\nGrace');
    expect(d.tokens.filter((t) => t.sentenceStart).map((t) => t.norm)).toEqual(['daisy', 'then', 'grace']);
  });
});

describe('phrase patterns', () => {
  const m = new PhraseMatcher(
    [
      { id: 'plan', patterns: ['child protection plan', 'cp plan'] },
      { id: 'excl', patterns: ['been? exclu*'], allow: ['exclusive'] },
      { id: 'gap', patterns: ['@slt *3 clueless|useless'] },
    ],
    { slt: ['slt', 'senior leadership team', 'leadership team'] },
  );
  const ids = (s: string) => m.match(analyse(s)).map((x) => `${x.id}:${s.slice(x.start, x.end)}`);
  it('matches literal sequences with hyphens and case folded', () => {
    expect(ids('put on a Child-Protection plan today')).toEqual(['plan:Child-Protection plan']);
  });
  it('matches prefixes, optionals and allow-lists', () => {
    expect(ids('he has been excluded')).toEqual(['excl:been excluded']);
    expect(ids('an exclusive offer')).toEqual([]);
  });
  it('runs across a comma only where the pattern says so', () => {
    const c = new PhraseMatcher([{ id: 'as', patterns: ['as head ,? i'] }, { id: 'tight', patterns: ['head i'] }]);
    const got = (s: string) => c.match(analyse(s)).map((x) => x.id);
    expect(got('As head, I thank you')).toEqual(['as']);
    expect(got('as head I thank you')).toEqual(['as', 'tight']);
  });
  it('matches numbers and prefixes inside longer phrases', () => {
    const c = new PhraseMatcher([{ id: 'y', patterns: ['year # pupil*'] }]);
    expect(c.match(analyse('two Year 6 pupils left')).map((x) => x.id)).toEqual(['y']);
  });
  it('matches class members and gaps, not across sentences', () => {
    expect(ids('Our leadership team are so clueless')).toEqual(['gap:leadership team are so clueless']);
    expect(ids('Met the leadership team. Clueless weather')).toEqual([]);
  });
});
