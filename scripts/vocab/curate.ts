// Choosing and inflecting the words of a generated class (scripts/gen-vocab.mjs): which words of a
// WordNet subtree people use in the sense the class needs, and their inflected forms. Pure
// functions; the inflections come from compromise, checked, because its rules slip on a few words
// ("dim" → "dimest", "knife" → past "knife").
import { descendants, lemmaText, synsetOfKey, wordStats, type Pos, type Reached, type WordNet, type WordStats } from './wordnet.js';

export interface ClassSpec {
  /** the class name in the target lexicon, e.g. "weapon-generated" */
  name: string;
  /** the lexicon whose patterns use it */
  lexicon: string;
  pos: Pos;
  /** synsets by sense key, walked with their hyponyms */
  roots: string[];
  /** subtrees left out, by sense key */
  prune?: string[];
  /** pointers to walk: hyponyms by default; `&` (similar to) for adjective clusters */
  symbols?: string[];
  maxDepth?: number;
  /** the longest phrase kept, in words */
  maxWords?: number;
  /** lexicographer files the synsets must be in (e.g. 6 noun.artifact) */
  lexFiles?: number[];
  /** at most this many senses for a word whose tag counts cannot tell its senses apart */
  maxUntaggedSenses: number;
  /** what the generator writes from each chosen word */
  forms: 'noun' | 'noun+plural' | 'verb-base' | 'verb-participle' | 'adj' | 'adj-degree';
  /** what the class is for, written into the generated file */
  note: string;
  /** take the chosen words of another class instead of walking roots (its participles, say) */
  sameWordsAs?: string;
  /** also inflect the one-word members of this hand-written class of the same lexicon ("insult-adj") */
  seed?: string;
  /** the hand-written classes of the lexicon this one stands beside: their words are not repeated */
  beside?: string[];
}

export interface Candidate {
  word: string;
  stats: WordStats;
  depth: number;
}

export type Verdict = { keep: true } | { keep: false; why: string };

/**
 * Is a word of the subtree used in that sense? Kept when it has one sense, or when the tagged corpus
 * saw it in the subtree at least as often as elsewhere (and saw it at all, or it has few senses):
 * "sword" (1 sense) and "gun" (72 of 97 tags here) stay, "arm" (1 of 109) and "club" (3 of 29) go.
 */
export function judge(c: Candidate, maxUntaggedSenses: number): Verdict {
  if (!/^[a-z][a-z' -]*[a-z]$/.test(c.word)) return { keep: false, why: 'not a plain lower-case word (a name, a trademark, a number)' };
  const s = c.stats;
  if (s.senses <= 1) return { keep: true };
  if (s.tagElsewhere > s.tagHere) return { keep: false, why: `mostly another sense (${s.tagHere} of ${s.tagAll} tagged uses here)` };
  if (s.tagHere === 0 && s.senses > maxUntaggedSenses) return { keep: false, why: `${s.senses} senses and none tagged here` };
  return { keep: true };
}

/** The candidate words of a class: every lemma of every synset under its roots, less pruned subtrees. */
export function candidates(wn: WordNet, spec: ClassSpec): Candidate[] {
  const pruned = new Set((spec.prune ?? []).map((k) => synsetOfKey(wn, k).offset));
  const roots = spec.roots.map((k) => synsetOfKey(wn, k));
  // pruning a subtree: walk it and leave out everything reached only through it
  const reached: Reached[] = [];
  const skip = new Set<string>();
  for (const p of pruned) for (const r of descendants(wn, [wn.synsets.get(p)!], { symbols: spec.symbols })) skip.add(r.synset.offset);
  for (const r of descendants(wn, roots, { symbols: spec.symbols, maxDepth: spec.maxDepth })) {
    if (skip.has(r.synset.offset)) continue;
    if (spec.lexFiles && !spec.lexFiles.includes(r.synset.lexFile)) continue;
    reached.push(r);
  }
  const within = new Set(reached.map((r) => r.synset.offset));
  const seen = new Map<string, Candidate>();
  for (const r of reached) {
    for (const raw of r.synset.words) {
      // proper names and trademarks are capitalised in WordNet ("Excalibur", "Uzi"): never a common word
      if (raw !== raw.toLowerCase()) continue;
      const word = lemmaText(raw);
      if (seen.has(word) || word.split(' ').length > (spec.maxWords ?? 4)) continue;
      seen.set(word, { word, stats: wordStats(wn, raw, within), depth: r.depth });
    }
  }
  return [...seen.values()];
}

/** The words an exclusion list takes out of a class, as one set. */
export function excludedWords(exclusions: ReadonlyArray<{ words: string[] }> | undefined): Set<string> {
  return new Set((exclusions ?? []).flatMap((e) => e.words.map((w) => w.toLowerCase())));
}

// ---- inflection: compromise, checked ----

/** What compromise's transform methods give (nlp.methods().two.transform). */
export interface Inflector {
  conjugate(verb: string): Record<string, string | undefined>;
  toComparative(adj: string): string;
  toSuperlative(adj: string): string;
  toPlural(noun: string): string;
  /** is this a word compromise's lexicon knows ("whip"), for compounds that end in one ("horsewhip") */
  known(word: string): boolean;
}

/** Syllables, near enough for choosing -er/-est: vowel groups, less a silent final e. */
export function syllables(word: string): number {
  const w = word.toLowerCase().replace(/e$/, '');
  return Math.max(1, (w.match(/[aeiouy]+/g) ?? []).length);
}

/** One syllable ending consonant-vowel-consonant ("slam", "dim"): the consonant doubles before -ed, -ing, -er. */
const doubles = (w: string): boolean => syllables(w) === 1 && /(^|[^aeiou])[aeiou][b-df-hj-np-tvz]$/.test(w);

/** The regular comparative: "thick" → "thicker", "vile" → "viler", "lazy" → "lazier", "dim" → "dimmer". */
export function regularComparative(adj: string): string {
  if (/e$/.test(adj)) return `${adj}r`;
  if (/[^aeiou]y$/.test(adj)) return `${adj.slice(0, -1)}ier`;
  if (doubles(adj)) return `${adj}${adj.slice(-1)}er`;
  return `${adj}er`;
}

/**
 * The -er and -est forms of an adjective that takes them (one syllable, or two ending in -y:
 * "thick", "lazy"), or none: "incompetent" is "more incompetent", not compromise's
 * "incompetenter". compromise's comparative is kept only where it is the regular one, and the
 * superlative is made from it, as compromise's own slips ("dim" → "dimest", "arsey" → "arseier").
 */
export function degreeForms(adj: string, inf: Inflector): string[] {
  if (/[\s-]/.test(adj)) return [];
  const n = syllables(adj);
  if (!(n === 1 || (n === 2 && /[^aeiou]y$/.test(adj)))) return [];
  const comp = inf.toComparative(adj);
  if (comp !== regularComparative(adj)) return [];
  return [comp, `${comp.slice(0, -2)}est`];
}

/**
 * Does a verb double its last consonant? One syllable ending consonant-vowel-consonant ("swat"), or
 * a compound ending in such a word ("horsewhip", "pistol-whip": the stress is on "whip").
 */
export function verbDoubles(verb: string, known: (w: string) => boolean = () => false): boolean {
  const last = verb.split('-').pop()!;
  if (doubles(last)) return true;
  for (let i = 1; i <= last.length - 3; i++) if (doubles(last.slice(i)) && known(last.slice(i))) return true;
  return false;
}

/** Regular -ed and -ing forms for a verb compromise leaves as it is ("swat" → "swat"): "swatted", "swatting". */
export function regularPast(verb: string, known?: (w: string) => boolean): string {
  if (/e$/.test(verb)) return `${verb}d`;
  if (/[^aeiou]y$/.test(verb)) return `${verb.slice(0, -1)}ied`;
  if (verbDoubles(verb, known)) return `${verb}${verb.slice(-1)}ed`;
  return `${verb}ed`;
}
export function regularGerund(verb: string, known?: (w: string) => boolean): string {
  if (/ie$/.test(verb)) return `${verb.slice(0, -2)}ying`;
  if (/[^e]e$/.test(verb)) return `${verb.slice(0, -1)}ing`;
  if (verbDoubles(verb, known)) return `${verb}${verb.slice(-1)}ing`;
  return `${verb}ing`;
}

/** Verbs whose past is the base itself. */
const SAME_PAST = new Set(['hit', 'cut', 'beat', 'put', 'set', 'shut', 'slit', 'burst', 'thrust', 'hurt', 'cast', 'split', 'knock cold']);

/**
 * A verb's forms. A phrasal verb ("beat up") inflects its first word. compromise's forms are used
 * where it changed the word (or the verb's past is its base: "hit", "cut"); where it gave back the
 * base unchanged ("swat", "pummel"), the regular forms.
 */
export function verbForms(verb: string, inf: Inflector): { base: string; third: string; gerund: string; past: string; participle: string } {
  const [head, ...rest] = verb.split(' ');
  const tail = rest.length ? ` ${rest.join(' ')}` : '';
  const c = inf.conjugate(head!);
  const ok = (f: string | undefined) => !!f && !/\s/.test(f) && (f !== head || SAME_PAST.has(head!));
  const known = (w: string) => inf.known(w);
  const past = ok(c.PastTense) ? c.PastTense! : regularPast(head!, known);
  const participle = ok(c.Participle) ? c.Participle! : past;
  const gerund = c.Gerund && c.Gerund !== head && c.Gerund.endsWith('ing') ? c.Gerund : regularGerund(head!, known);
  const third = c.PresentTense && c.PresentTense !== head && c.PresentTense.endsWith('s') ? c.PresentTense : `${head}s`;
  return { base: head + tail, third: third + tail, gerund: gerund + tail, past: past + tail, participle: participle + tail };
}

/** The forms a class writes for one chosen word. */
export function formsOf(word: string, forms: ClassSpec['forms'], inf: Inflector): string[] {
  switch (forms) {
    case 'noun':
    case 'adj':
      return [word];
    case 'noun+plural': {
      // "brass knuckles" is already plural
      if (/s$/.test(word)) return [word];
      const p = inf.toPlural(word);
      return p && p !== word ? [word, p] : [word];
    }
    case 'verb-base':
      // the base only: "I'll stab him"; "killing them" and "kills them" are as often about heat or kindness
      return [verbForms(word, inf).base];
    case 'verb-participle': {
      const f = verbForms(word, inf);
      // British English doubles a final -l after one vowel: "cudgelled", "pummelled" (compromise writes "cudgeled")
      const british = /[^aeiou][aeiou]l$/.test(word) && syllables(word) > 1 ? [`${word}led`] : [];
      return [...new Set([f.past, f.participle, ...british])];
    }
    case 'adj-degree':
      return degreeForms(word, inf);
  }
}

/** Sorted, de-duplicated, lower case: the order the lexicons keep. */
export const tidy = (words: Iterable<string>): string[] => [...new Set([...words].map((w) => w.toLowerCase().trim()).filter(Boolean))].sort();
