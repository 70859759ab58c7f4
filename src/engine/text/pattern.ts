// Phrase patterns: the small token language lexicons are written in, indexed by the words they can
// start with and filtered by the words they cannot do without, so a check tries a pattern only
// where it can start and only in a draft that has the rest of its words. Linear in the draft for a
// fixed lexicon.
//
//   word        that word (folded: "Zoë" = "zoe", "don't" = "dont")
//   a|b|c       any of these words
//   word?       optional        (also `a|b?`)
//   pre*        any word starting with "pre"  (`exclu*` = excluded, exclusion, excluding)
//   @class      any word or phrase of a class defined in the lexicon
//   *3          a gap of zero to three words (never across a sentence end)
//   #           a number ("5", "2016", "5b")
//   ,           may run on across a comma or other clause mark here
import { fold } from './fold.js';
import type { Doc } from './doc.js';
import { RangeIndex } from './spans.js';

export interface PatternSource {
  id: string;
  patterns: string[];
  allow?: string[] | undefined;
}

export interface PhraseMatch {
  id: string;
  /** token range, inclusive */
  first: number;
  last: number;
  start: number;
  end: number;
}

/** a gap may pass over commas (clause marks) but never over a sentence end */
/** Folds a pattern word the way the tokenizer folds draft words. */
const foldCache = new Map<string, string>();
export function foldWord(w: string): string {
  let f = foldCache.get(w);
  if (f === undefined) {
    // most pattern words are already plain lowercase ASCII: skip the folding pipeline for them
    f = /^[a-z0-9' -]*$/.test(w) ? w.replace(/'/g, '') : fold(w).text.replace(/['’]/g, '');
    foldCache.set(w, f);
  }
  return f;
}

type Alt = { words: string[] } | { prefix: string };

type Element =
  | {
      kind: 'alts';
      alts: Alt[];
      optional: boolean;
      firstWords: string[];
      prefixes: string[];
      /** word alternatives by their first word, longest first: a 150-word class is one look-up */
      byFirst: Map<string, Array<{ words: string[] }>>;
      prefixAlts: Array<{ prefix: string }>;
    }
  | { kind: 'gap'; max: number }
  | { kind: 'comma' }
  | { kind: 'number'; optional: boolean };

const PLAIN_WORD = /^[a-z0-9]+$/;
function splitWords(phrase: string): string[] {
  // most class members are one plain word, which folds to itself
  if (PLAIN_WORD.test(phrase)) return [phrase];
  return phrase.split(/[\s-]+/).filter(Boolean).map(foldWord).filter(Boolean);
}

/**
 * Parsed elements, so each is parsed once. A lexicon's patterns share elements (`@insult`,
 * `@staff|@leader`), and expanding a 150-word class for each of its patterns was most of the
 * background worker's start-up (issue 9). An element that names classes is keyed by the class
 * lists themselves, not the table that holds them: every module that loads a lexicon gets its own
 * table around the same lists (the generated classes are added to a copy). Other elements are kept
 * per table, so a school's names go when its configuration does. Elements are never changed after.
 */
const withClasses = new Map<string, Element>();
const perTable = new WeakMap<Record<string, string[]>, Map<string, Element>>();
const listIds = new WeakMap<readonly string[], number>();
const NO_CLASSES: Record<string, string[]> = {};

let nextListId = 0;
function listId(list: readonly string[]): number {
  let id = listIds.get(list);
  if (id === undefined) listIds.set(list, (id = nextListId++));
  return id;
}

function parseElement(raw: string, classes: Record<string, string[]>, where: string): Element {
  // without classes an element is a few words, cheap to parse: nothing is kept
  if (classes === NO_CLASSES) return parseNew(raw, classes, where);
  let memo: Map<string, Element> | undefined;
  let key = raw;
  for (const alt of raw.includes('@') ? raw.replace(/\?$/, '').split('|') : []) {
    if (!alt.startsWith('@')) continue;
    const members = classes[alt.slice(1)];
    // an unknown class: parseNew says which
    if (!members) return parseNew(raw, classes, where);
    key += `\u0000${listId(members)}`;
    memo = withClasses;
  }
  if (!memo) {
    memo = perTable.get(classes);
    if (!memo) perTable.set(classes, (memo = new Map()));
  }
  let e = memo.get(key);
  if (!e) memo.set(key, (e = parseNew(raw, classes, where)));
  return e;
}

function addAlt(member: string, alts: Alt[], firstWords: string[], prefixes: string[], where: string): void {
  if (member.endsWith('*') && member.length > 1) {
    const p = foldWord(member.slice(0, -1));
    alts.push({ prefix: p });
    prefixes.push(p);
  } else {
    const words = splitWords(member);
    if (words.length === 0) throw new Error(`${where}: "${member}" has no word in it`);
    alts.push({ words });
    firstWords.push(words[0]!);
  }
}

/** A class's members as alternatives, made once per class list: many elements name the same class. */
interface ClassAlts {
  alts: Alt[];
  firstWords: string[];
  prefixes: string[];
}
const classAltsCache = new WeakMap<readonly string[], ClassAlts>();
function classAlts(members: readonly string[], where: string): ClassAlts {
  let c = classAltsCache.get(members);
  if (!c) {
    c = { alts: [], firstWords: [], prefixes: [] };
    for (const m of members) addAlt(m, c.alts, c.firstWords, c.prefixes, where);
    classAltsCache.set(members, c);
  }
  return c;
}

/** What parseNew and headOf read alike: a trailing `?` (optional), and the elements that are not words. */
function elementHead(raw: string): { s: string; optional: boolean; done: Element | null } {
  let s = raw;
  let optional = false;
  if (s.length > 1 && s.endsWith('?')) {
    optional = true;
    s = s.slice(0, -1);
  }
  const gap = /^\*(\d+)$/.exec(s);
  if (gap) return { s, optional, done: { kind: 'gap', max: Number(gap[1]) } };
  // `,` (or `,?`): the phrase may run on across a clause mark here ("as headteacher, I'd...")
  if (s === ',') return { s, optional, done: { kind: 'comma' } };
  if (s === '#') return { s, optional, done: { kind: 'number', optional } };
  return { s, optional, done: null };
}

function parseNew(raw: string, classes: Record<string, string[]>, where: string): Element {
  const { s, optional, done } = elementHead(raw);
  if (done) return done;
  const alts: Alt[] = [];
  const firstWords: string[] = [];
  const prefixes: string[] = [];
  for (const alt of s.split('|')) {
    if (!alt) throw new Error(`${where}: empty alternative in "${raw}"`);
    if (alt.startsWith('@')) {
      const members = classes[alt.slice(1)];
      if (!members) throw new Error(`${where}: unknown class "${alt}"`);
      const c = classAlts(members, where);
      for (const a of c.alts) alts.push(a);
      for (const w of c.firstWords) firstWords.push(w);
      for (const p of c.prefixes) prefixes.push(p);
    } else addAlt(alt, alts, firstWords, prefixes, where);
  }
  // longest first, so "senior leadership team" is tried before "senior" (a stable sort, skipped when
  // the alternatives are in that order already, as a class of single words is)
  const len = (a: Alt) => ('words' in a ? a.words.length : 1);
  let ordered = true;
  for (let k = 1; ordered && k < alts.length; k++) if (len(alts[k]!) > len(alts[k - 1]!)) ordered = false;
  if (!ordered) alts.sort((a, b) => len(b) - len(a));
  const byFirst = new Map<string, Array<{ words: string[] }>>();
  const prefixAlts: Array<{ prefix: string }> = [];
  for (const a of alts) {
    if ('prefix' in a) prefixAlts.push(a);
    else {
      const list = byFirst.get(a.words[0]!);
      if (list) list.push(a);
      else byFirst.set(a.words[0]!, [a]);
    }
  }
  return { kind: 'alts', alts, optional, firstWords, prefixes, byFirst, prefixAlts };
}

export interface CompiledPattern {
  id: string;
  source: string;
  elements: Element[];
  /** exact words it can start with */
  starts: string[];
  /** word prefixes it can start with */
  startPrefixes: string[];
  /** can start at any word (begins with a gap, or only optional parts) */
  anyStart: boolean;
  /** can start at a number ("#" first, or after optional parts) */
  numberStart: boolean;
  /**
   * What else the draft must contain for the pattern to match anywhere: for each required part
   * other than the one it starts with, one word of each alternative (its longest) or a prefix.
   * Nothing here decides a match; it only lets a matcher skip a pattern that cannot match.
   */
  needs: Need[];
}

/** One of these words, or a word with one of these prefixes, must be in the draft. */
export interface Need {
  words: string[];
  prefixes: string[];
}

/** A pattern's parts as written, a hyphenated literal word split into its words. */
function rawParts(source: string, where: string): string[] {
  const raw = source.trim().split(/\s+/).filter(Boolean);
  if (raw.length === 0) throw new Error(`${where}: empty`);
  return raw.flatMap((r) => {
    // a hyphenated literal word is two words, as in the draft ("child-protection")
    if (!r.includes('|') && !r.startsWith('@') && /[a-z0-9]-[a-z0-9]/i.test(r)) {
      const opt = r.endsWith('?');
      return (opt ? r.slice(0, -1) : r).split('-');
    }
    return [r];
  });
}

/** Where a pattern can start (words, prefixes, anywhere), from its leading elements up to the first required one. */
interface Starts {
  starts: string[];
  startPrefixes: string[];
  anyStart: boolean;
  numberStart: boolean;
}
function startsOf(elementAt: (n: number) => Element | undefined): Starts {
  const starts = new Set<string>();
  const startPrefixes = new Set<string>();
  let anyStart = false;
  let numberStart = false;
  for (let n = 0; ; n++) {
    const e = elementAt(n);
    if (!e) break;
    if (e.kind === 'comma') continue;
    if (e.kind === 'gap') {
      anyStart = true;
      break;
    }
    if (e.kind === 'number') numberStart = true;
    else {
      for (const w of e.firstWords) starts.add(w);
      for (const p of e.prefixes) startPrefixes.add(p);
    }
    if (!e.optional) break;
  }
  return { starts: [...starts], startPrefixes: [...startPrefixes], anyStart, numberStart };
}

/**
 * What a pattern needs besides the part it starts with (the `needs` compilePattern makes, as sets),
 * from its parts as written: for a class, its members' longest words, made once per class list. A
 * matcher asks this of every pattern that can start in a draft, and most are ruled out by it, so
 * they are never compiled (690 of 799 in a first check of 280 characters).
 */
export function needsOfSource(id: string, source: string, classes: Record<string, string[]>): Need[] {
  const where = `pattern "${source}" (${id})`;
  const out: Need[] = [];
  let first = true;
  for (const raw of rawParts(source, where)) {
    if (raw === ',' || raw === ',?') continue;
    const starting = first;
    first = false;
    if (starting || raw.endsWith('?') || raw === '#' || /^\*\d+$/.test(raw)) continue;
    out.push(needCached(raw, classes, where));
  }
  return out;
}

/** Memo of heads and needs, keyed as parseElement keys elements (by the class lists an element names). */
const headsWithClasses = new Map<string, Element>();
const needsWithClasses = new Map<string, Need>();
const headsPerTable = new WeakMap<Record<string, string[]>, Map<string, Element>>();
const needsPerTable = new WeakMap<Record<string, string[]>, Map<string, Need>>();

/** The memo for raw in this table, and its key; null when raw names an unknown class (the caller then says which). */
function memoFor<T>(raw: string, classes: Record<string, string[]>, withC: Map<string, T>, perT: WeakMap<Record<string, string[]>, Map<string, T>>): [Map<string, T>, string] | null {
  let key = raw;
  let memo: Map<string, T> | undefined;
  if (raw.includes('@')) {
    for (const alt of raw.replace(/\?$/, '').split('|')) {
      if (!alt.startsWith('@')) continue;
      const members = classes[alt.slice(1)];
      if (!members) return null;
      key += `\u0000${listId(members)}`;
      memo = withC;
    }
  }
  if (!memo) {
    memo = perT.get(classes);
    if (!memo) perT.set(classes, (memo = new Map()));
  }
  return [memo, key];
}

function headCached(raw: string, classes: Record<string, string[]>, where: string): Element {
  const m = memoFor(raw, classes, headsWithClasses, headsPerTable);
  if (!m) return headOf(raw, classes, where);
  let e = m[0].get(m[1]);
  if (!e) m[0].set(m[1], (e = headOf(raw, classes, where)));
  return e;
}

/** A class's members' need: the longest word of each word member, and its prefixes (made once per class list). */
const classNeeds = new WeakMap<readonly string[], Need>();
function classNeed(members: readonly string[], where: string): Need {
  let n = classNeeds.get(members);
  if (!n) {
    const c = classAlts(members, where);
    const words = new Set<string>();
    for (const a of c.alts) if ('words' in a) words.add(longest(a.words));
    classNeeds.set(members, (n = { words: [...words], prefixes: [...new Set(c.prefixes)] }));
  }
  return n;
}

const longest = (words: string[]): string => words.reduce((x, y) => (y.length > x.length ? y : x));

function needCached(raw: string, classes: Record<string, string[]>, where: string): Need {
  const m = memoFor(raw, classes, needsWithClasses, needsPerTable);
  if (!m) return needOf(parseNew(raw, classes, where) as Extract<Element, { kind: 'alts' }>);
  let n = m[0].get(m[1]);
  if (!n) {
    const alts = raw.split('|');
    if (alts.length === 1 && raw.startsWith('@')) n = classNeed(classes[raw.slice(1)]!, where);
    else {
      const words = new Set<string>();
      const prefixes = new Set<string>();
      readAlts(raw, alts, classes, where, {
        members: (list) => {
          const c = classNeed(list, where);
          for (const w of c.words) words.add(w);
          for (const p of c.prefixes) prefixes.add(p);
        },
        prefix: (p) => prefixes.add(p),
        words: (w) => words.add(longest(w)),
      });
      n = { words: [...words], prefixes: [...prefixes] };
    }
    m[0].set(m[1], n);
  }
  return n;
}

/** An element's alternatives as written, each read as a class's members, a word prefix or words (headOf and needCached alike). */
function readAlts(
  raw: string,
  alts: readonly string[],
  classes: Record<string, string[]>,
  where: string,
  on: { members: (list: readonly string[]) => void; prefix: (p: string) => void; words: (w: string[]) => void },
): void {
  for (const alt of alts) {
    if (!alt) throw new Error(`${where}: empty alternative in "${raw}"`);
    if (alt.startsWith('@')) {
      const members = classes[alt.slice(1)];
      if (!members) throw new Error(`${where}: unknown class "${alt}"`);
      on.members(members);
    } else if (alt.endsWith('*') && alt.length > 1) on.prefix(foldWord(alt.slice(0, -1)));
    else {
      const w = splitWords(alt);
      if (w.length === 0) throw new Error(`${where}: "${alt}" has no word in it`);
      on.words(w);
    }
  }
}

/**
 * As much of an element as startsOf reads (kind, optional, first words, prefixes), without the
 * tables parseNew builds for matching: the same words, for a class from its members' alternatives
 * (made once per class list).
 */
function headOf(raw: string, classes: Record<string, string[]>, where: string): Element {
  const { s, optional, done } = elementHead(raw);
  if (done) return done;
  const alts = s.split('|');
  // one class: its lists as they are
  if (alts.length === 1 && s.startsWith('@')) {
    const members = classes[s.slice(1)];
    if (!members) throw new Error(`${where}: unknown class "${s}"`);
    const c = classAlts(members, where);
    return { kind: 'alts', alts: NO_ALTS, optional, firstWords: c.firstWords, prefixes: c.prefixes, byFirst: NO_BY_FIRST, prefixAlts: NO_ALTS as never };
  }
  const firstWords: string[] = [];
  const prefixes: string[] = [];
  readAlts(raw, alts, classes, where, {
    members: (list) => {
      const c = classAlts(list, where);
      for (const w of c.firstWords) firstWords.push(w);
      for (const p of c.prefixes) prefixes.push(p);
    },
    prefix: (p) => prefixes.push(p),
    words: (w) => firstWords.push(w[0]!),
  });
  return { kind: 'alts', alts: NO_ALTS, optional, firstWords, prefixes, byFirst: NO_BY_FIRST, prefixAlts: NO_ALTS as never };
}
const NO_ALTS: Alt[] = [];
/** How many words and prefixes meet need n: the fewer, the likelier it rules a pattern out. */
const needSize = (n: number): number => NEEDS.list[n]!.words.length + NEEDS.list[n]!.prefixes.length;
const NO_BY_FIRST = new Map<string, Array<{ words: string[] }>>();

export function compilePattern(id: string, source: string, classes: Record<string, string[]> = NO_CLASSES): CompiledPattern {
  const where = `pattern "${source}" (${id})`;
  const elements = rawParts(source, where).map((p) => parseElement(p, classes, where));
  if (elements.every((e) => e.kind === 'gap' || e.kind === 'comma' || e.optional)) throw new Error(`${where}: every part is optional`);
  const { starts, startPrefixes, anyStart, numberStart } = startsOf((n) => elements[n]);
  // the required parts: a pattern that begins with a required part is looked up by its words already
  const needs: Need[] = [];
  let first = true;
  for (const e of elements) {
    if (e.kind === 'comma') continue;
    const starting = first;
    first = false;
    if (e.kind !== 'alts' || e.optional) continue;
    if (starting) continue;
    needs.push(needOf(e));
  }
  return { id, source, elements, starts, startPrefixes, anyStart, numberStart, needs };
}

/** An element's need, made once per element (elements are shared, see parseElement). */
const needs = new WeakMap<Element, Need>();
function needOf(e: Extract<Element, { kind: 'alts' }>): Need {
  let n = needs.get(e);
  if (!n) {
    const words = new Set<string>();
    for (const a of e.alts) if ('words' in a) words.add(longest(a.words));
    needs.set(e, (n = { words: [...words], prefixes: [...new Set(e.prefixes)] }));
  }
  return n;
}

/**
 * Every need of every matcher, numbered once (identical needs share a number), and the needs each
 * word meets: a draft's words are looked up here in one pass shared by all matchers.
 */
const NEEDS = {
  ids: new Map<string, number>(),
  list: [] as Array<{ words: readonly string[]; prefixes: readonly string[] }>,
  byWord: new Map<string, number[]>(),
};

const interned = new WeakMap<Need, number>();

function internNeed(n: Need): number {
  const known = interned.get(n);
  if (known !== undefined) return known;
  const key = `${[...n.words].sort().join(' ')}|${[...n.prefixes].sort().join(' ')}`;
  let id = NEEDS.ids.get(key);
  if (id === undefined) {
    NEEDS.ids.set(key, (id = NEEDS.list.length));
    NEEDS.list.push({ words: n.words, prefixes: n.prefixes });
    for (const w of n.words) {
      const l = NEEDS.byWord.get(w);
      if (l) l.push(id);
      else NEEDS.byWord.set(w, [id]);
    }
  }
  interned.set(n, id);
  return id;
}

/**
 * Every word some matcher's pattern can start with, numbered: a draft's words are looked up here once,
 * and each matcher then reads only the draft's start words, by number, instead of looking every
 * distinct word of the draft up in its own table (53 matchers by ~200 words was 7% of a check).
 */
const START_IDS = new Map<string, number>();
function startId(w: string): number {
  let id = START_IDS.get(w);
  if (id === undefined) START_IDS.set(w, (id = START_IDS.size));
  return id;
}

/** The words of a draft's view, each with the tokens it is at: built once per draft and shared by every matcher. */
interface DraftWords {
  at: Map<string, number[]>;
  /** the draft's words that some pattern can start with, by START_IDS number, with their tokens */
  starts: Array<[number, number[]]>;
  /** START_IDS.size when `starts` was made: a matcher made since may start with more of the draft's words */
  startsMade: number;
  /** the distinct words, sorted: which of them start with a prefix, by bisection */
  sorted: string[] | null;
  /** per need: 1 met by one of its words, 2 met by a prefix, 3 not met by a prefix (asked when needed) */
  met: Uint8Array;
}

/** Which needs the draft's words meet, from one look-up per distinct word. */
function metByWords(at: Map<string, number[]>): Uint8Array {
  const met = new Uint8Array(NEEDS.list.length);
  for (const w of at.keys()) {
    const ids = NEEDS.byWord.get(w);
    if (ids) for (const id of ids) met[id] = 1;
  }
  return met;
}

/**
 * `met` extended to needs numbered since it was made (patterns compiled since: a configuration, or a
 * pattern compiled the first time a draft could start it): the new needs are looked up by their words.
 */
function metByWordsFrom(old: Uint8Array, at: Map<string, number[]>): Uint8Array {
  const met = new Uint8Array(NEEDS.list.length);
  met.set(old);
  for (let id = old.length; id < met.length; id++) {
    for (const w of NEEDS.list[id]!.words) {
      if (at.has(w)) {
        met[id] = 1;
        break;
      }
    }
  }
  return met;
}

/** Does the draft meet need `id`? */
function meets(d: DraftWords, id: number): boolean {
  // a need made after the draft's words were looked up (a configuration compiled since): look again
  if (id >= d.met.length) d.met = metByWordsFrom(d.met, d.at);
  const m = d.met[id]!;
  if (m === 1 || m === 2) return true;
  if (m === 3) return false;
  let found = false;
  for (const p of NEEDS.list[id]!.prefixes) {
    const [, from, to] = withPrefix(d, p);
    if ((found = to > from)) break;
  }
  d.met[id] = found ? 2 : 3;
  return found;
}

const draftWordsCache = new WeakMap<Doc, { view?: DraftWords; deobView?: DraftWords }>();

function draftWords(doc: Doc, which: 'view' | 'deobView'): DraftWords {
  let c = draftWordsCache.get(doc);
  if (!c) draftWordsCache.set(doc, (c = {}));
  let d = c[which];
  if (!d) {
    const at = new Map<string, number[]>();
    const tokens = doc.tokens;
    for (let i = 0; i < tokens.length; i++) {
      const w = which === 'view' ? tokens[i]!.norm : tokens[i]!.deob;
      const l = at.get(w);
      if (l) l.push(i);
      else at.set(w, [i]);
    }
    c[which] = d = { at, starts: [], startsMade: -1, sorted: null, met: metByWords(at) };
  }
  return d;
}

/** The draft's words that some pattern can start with (looked up again if matchers were made since). */
function startsIn(d: DraftWords): Array<[number, number[]]> {
  if (d.startsMade !== START_IDS.size) {
    d.starts = [];
    for (const [w, list] of d.at) {
      const id = START_IDS.get(w);
      if (id !== undefined) d.starts.push([id, list]);
    }
    d.startsMade = START_IDS.size;
  }
  return d.starts;
}

/** The draft's distinct words starting with `prefix`, as [from, to) in the sorted list. */
function withPrefix(d: DraftWords, prefix: string): [string[], number, number] {
  const sorted = (d.sorted ??= [...d.at.keys()].sort());
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid]! < prefix) lo = mid + 1;
    else hi = mid;
  }
  let to = lo;
  while (to < sorted.length && sorted[to]!.startsWith(prefix)) to++;
  return [sorted, lo, to];
}

/** Work counts for the benchmark (`npm run bench`): patterns tried at a token, and patterns a draft's words ruled out. */
export const matchStats = { attempts: 0, ruledOut: 0 };

type WordAt = (i: number) => string;

/** May token i follow token `prev` in a phrase? Same clause, or after a gap or comma the same sentence. */
function joins(tokens: Doc['tokens'], i: number, prev: number, afterGap: boolean): boolean {
  const t = tokens[i];
  if (!t) return false;
  if (prev < 0) return true;
  const p = tokens[prev]!;
  return afterGap ? t.sentence === p.sentence : t.clause === p.clause && t.sentence === p.sentence;
}

function isNumberWord(w: string): boolean {
  const c = w.charCodeAt(0);
  return c >= 48 && c <= 57 && /^[0-9][0-9a-z]*$/.test(w);
}

/**
 * The last token of the longest match of `els[e..]` starting at token `pos`, or -1.
 * `prev` is the last token consumed so far; `afterGap` relaxes the next step from "same clause"
 * to "same sentence" (phrases never run across a comma, gaps may; nothing crosses a sentence end).
 */
function matchFrom(tokens: Doc['tokens'], word: WordAt, els: Element[], e: number, pos: number, prev: number, afterGap: boolean): number {
  if (e === els.length) return prev;
  const el = els[e]!;
  let best = -1;
  if (el.kind === 'gap') {
    for (let k = 0; k <= el.max; k++) {
      if (k > 0) {
        const i = pos + k - 1;
        const t = tokens[i];
        if (!t || (prev >= 0 && t.sentence !== tokens[prev]!.sentence) || (prev < 0 && k > 1 && t.sentence !== tokens[pos]!.sentence)) break;
      }
      const last = k > 0 ? pos + k - 1 : prev;
      const r = matchFrom(tokens, word, els, e + 1, pos + k, last, true);
      if (r > best) best = r;
    }
    return best;
  }
  if (el.kind === 'comma') {
    const t = tokens[pos];
    if (prev >= 0 && t && t.sentence === tokens[prev]!.sentence) return matchFrom(tokens, word, els, e + 1, pos, prev, true);
    return -1;
  }
  if (el.kind === 'number') {
    if (joins(tokens, pos, prev, afterGap) && isNumberWord(word(pos))) best = matchFrom(tokens, word, els, e + 1, pos + 1, pos, false);
  } else if (joins(tokens, pos, prev, afterGap)) {
    const w = word(pos);
    for (const alt of el.prefixAlts) {
      if (w.startsWith(alt.prefix)) {
        const r = matchFrom(tokens, word, els, e + 1, pos + 1, pos, false);
        if (r > best) best = r;
      }
    }
    const cands = el.byFirst.get(w);
    if (cands) {
      for (const alt of cands) {
        let ok = true;
        for (let k = 1; ok && k < alt.words.length; k++) {
          const i = pos + k;
          if (!tokens[i] || word(i) !== alt.words[k]) ok = false;
          else if (tokens[i]!.clause !== tokens[i - 1]!.clause || tokens[i]!.sentence !== tokens[i - 1]!.sentence) ok = false;
        }
        if (ok) {
          const last = pos + alt.words.length - 1;
          const r = matchFrom(tokens, word, els, e + 1, last + 1, last, false);
          if (r > best) best = r;
        }
      }
    }
  }
  if (el.optional) {
    const r = matchFrom(tokens, word, els, e + 1, pos, prev, afterGap);
    if (r > best) best = r;
  }
  return best;
}

const NO_NEEDS: number[] = [];
/** PhraseMatcher.match's per-token table of start candidates, shared (every slot is left undefined after use) */
const START_SCRATCH: Array<number[] | undefined> = [];
const NONE: number[] = [];

/** A set of patterns with allow-lists, matched over a Doc's words (as typed, or de-obfuscated). */
export class PhraseMatcher {
  /** patterns (by number) that can start with a word, in pattern order */
  private byWord = new Map<string, number[]>();
  /** byWord by the words' START_IDS numbers, as an array: read for each of the draft's start words by every matcher */
  private byId: Array<number[] | undefined> = [];
  /** patterns that can start with a word beginning with `prefix`, in pattern order */
  private prefixed: Array<{ prefix: string; k: number }> = [];
  /** patterns that can start at any word, or at a number (those flagged in atNumbers), in pattern order */
  private anywhere: number[] = [];
  /** patterns of `anywhere` that can start only at a number or at their start words (tried there by byWord) */
  private atNumbers = new Set<number>();
  /** allow-lists by entry id, as written: made into matchers the first time an entry matches */
  private allowSources = new Map<string, string[]>();
  private allow = new Map<string, PhraseMatcher>();
  /** every pattern, numbered, as written (id, source) */
  private sources: Array<{ id: string; source: string }> = [];
  /** every pattern, numbered, compiled the first time a draft has a word it can start with */
  private patterns: Array<CompiledPattern | undefined> = [];
  /** each pattern's needs (NEEDS ids), fewest words first: the likeliest to rule a pattern out (made with the pattern) */
  private needsOf: Array<number[] | undefined> = [];
  readonly size: number;

  /**
   * `prefilter: false` tries every pattern at every token, as before the needs existed (for tests that
   * prove they change nothing). Nothing is parsed here: the index is made the first time the matcher
   * is used, so a matcher a check never reaches (most of them, in a draft with no name or no number)
   * costs the worker's start-up nothing.
   */
  constructor(
    private readonly input: PatternSource[],
    private readonly classes: Record<string, string[]> = {},
    private readonly options: { prefilter?: boolean } = {},
  ) {
    let size = 0;
    for (const src of input) size += src.patterns.length;
    this.size = size;
  }

  private indexed = false;
  /** The start-word index (byWord, byId, prefixed, anywhere), made once, on first use. */
  private index(): void {
    if (this.indexed) return;
    this.indexed = true;
    const byId = new Map<number, number[]>();
    for (const src of this.input) {
      for (const p of src.patterns) {
        const k = this.sources.length;
        this.sources.push({ id: src.id, source: p });
        this.patterns.push(undefined);
        this.needsOf.push(undefined);
        // where it can start (as startsOf reads it), written straight into the index: the leading
        // elements up to the first required one, each parsed only as far as its first words
        const where = `pattern "${p}" (${src.id})`;
        const parts = rawParts(p, where);
        let anyStart = false;
        let numberStart = false;
        const prefixFrom = this.prefixed.length;
        for (const part of parts) {
          const e = headCached(part, this.classes, where);
          if (e.kind === 'comma') continue;
          if (e.kind === 'gap') {
            anyStart = true;
            break;
          }
          if (e.kind === 'number') numberStart = true;
          else {
            for (const w of e.firstWords) {
              const list = this.byWord.get(w);
              // a word can come twice (two alternatives, two leading parts): k joins its list once
              if (list) {
                if (list[list.length - 1] !== k) list.push(k);
              } else {
                const l = [k];
                this.byWord.set(w, l);
                byId.set(startId(w), l);
              }
            }
            for (const prefix of e.prefixes) {
              let seen = false;
              for (let x = prefixFrom; !seen && x < this.prefixed.length; x++) seen = this.prefixed[x]!.prefix === prefix;
              if (!seen) this.prefixed.push({ prefix, k });
            }
          }
          if (!e.optional) break;
        }
        if (anyStart || numberStart) this.anywhere.push(k);
        if (numberStart && !anyStart) this.atNumbers.add(k);
      }
      if (src.allow?.length) this.allowSources.set(src.id, src.allow);
    }
    // dense (every slot set) so the engine keeps it a plain array, not a dictionary
    let top = -1;
    for (const id of byId.keys()) top = Math.max(top, id);
    this.byId = new Array<number[] | undefined>(top + 1).fill(undefined);
    for (const [id, l] of byId) this.byId[id] = l;
  }

  /** Pattern k, compiled the first time it is tried. */
  private pattern(k: number): CompiledPattern {
    let c = this.patterns[k];
    if (!c) {
      const { id, source } = this.sources[k]!;
      c = this.patterns[k] = compilePattern(id, source, this.classes);
    }
    return c;
  }

  /** Pattern k's needs (NEEDS ids, fewest words first), from its source, without compiling it. */
  private needsOfK(k: number): number[] {
    let n = this.needsOf[k];
    if (!n) {
      const { id, source } = this.sources[k]!;
      const needs = needsOfSource(id, source, this.classes);
      n = this.needsOf[k] = needs.length === 0 ? NO_NEEDS : needs.length === 1 ? [internNeed(needs[0]!)] : [...new Set(needs.map(internNeed))].sort((a, b) => needSize(a) - needSize(b));
    }
    return n;
  }

  private allowMatcher(id: string): PhraseMatcher | undefined {
    let m = this.allow.get(id);
    if (!m) {
      const patterns = this.allowSources.get(id);
      if (!patterns) return undefined;
      this.allow.set(id, (m = new PhraseMatcher([{ id: `${id}:allow`, patterns }], this.classes, this.options)));
    }
    return m;
  }

  /** Compiles every pattern and allow-list now, so a bad one throws here (a school's own phrases, see compileConfig). */
  compileAll(): this {
    this.index();
    for (let k = 0; k < this.sources.length; k++) {
      this.pattern(k);
      this.needsOfK(k);
    }
    for (const id of this.allowSources.keys()) this.allowMatcher(id)!.compileAll();
    return this;
  }

  /**
   * Is pattern k live in this draft: does the draft have a word for each of its needs? Asked only of
   * patterns that can start in it; `state` remembers the answer per pattern (0 not asked, 1 yes, 2 no).
   */
  private live(k: number, state: Int8Array, words: DraftWords): boolean {
    const s = state[k]!;
    if (s !== 0) return s === 1;
    let ok = true;
    for (const n of this.needsOfK(k)) {
      if (!meets(words, n)) {
        ok = false;
        break;
      }
    }
    state[k] = ok ? 1 : 2;
    if (!ok) matchStats.ruledOut++;
    return ok;
  }

  /** All matches, longest per (id, start); a match inside a longer one of the same id is dropped. */
  match(doc: Doc, which: 'view' | 'deobView' = 'view'): PhraseMatch[] {
    const tokens = doc.tokens;
    const out: PhraseMatch[] = [];
    if (tokens.length === 0 || this.size === 0) return out;
    this.index();
    const word: WordAt = which === 'view' ? (i) => tokens[i]!.norm : (i) => tokens[i]!.deob;
    const words = draftWords(doc, which);

    // which patterns the draft has every needed word for (without the prefilter, every pattern: state 1)
    const prefilter = this.options.prefilter !== false;
    const state = new Int8Array(this.patterns.length);
    if (!prefilter) state.fill(1);

    // where a live pattern can start: the tokens of its start words (or every token, for one that starts anywhere)
    const prefixed = this.prefixed.filter((e) => this.live(e.k, state, words));
    const anywhere = this.anywhere.filter((k) => this.live(k, state, words));
    const anyLive = (list: number[]) => {
      for (const k of list) if (this.live(k, state, words)) return true;
      return false;
    };
    let positions: number[] | null = null;
    // per start position (candsAt[k] for positions[k]), the patterns that can start with its word (found
    // while marking the positions, so the loop below need not look the word up again; NONE where only a
    // prefix brought it in)
    let candsAt: Array<number[] | undefined> | null = null;
    // a pattern that starts with a number is tried at the draft's numbers only
    const atNumbers = this.atNumbers;
    if (prefilter && anywhere.every((k) => atNumbers.has(k))) {
      // one table shared by every matcher (cleared again below): a table per matcher per check was
      // a sixth of a check's allocation, and what the collector then had to sweep
      const at = START_SCRATCH;
      while (at.length < tokens.length) at.push(undefined);
      let marked = 0;
      const add = (list: number[], cands: number[]) => {
        for (const x of list) {
          if (at[x] === undefined) {
            at[x] = cands;
            marked++;
          }
        }
      };
      for (const [id, list] of startsIn(words)) {
        const cands = this.byId[id];
        if (cands && anyLive(cands)) add(list, cands);
      }
      for (const e of prefixed) {
        const [sorted, from, to] = withPrefix(words, e.prefix);
        for (let k = from; k < to; k++) add(words.at.get(sorted[k]!)!, NONE);
      }
      if (anywhere.length > 0) for (const [w, list] of words.at) if (isNumberWord(w)) add(list, NONE);
      if (marked === 0) return out;
      positions = new Array<number>(marked);
      candsAt = new Array<number[] | undefined>(marked);
      for (let x = 0, n = 0; n < marked; x++) {
        if (at[x] !== undefined) {
          positions[n] = x;
          candsAt[n++] = at[x];
          at[x] = undefined;
        }
      }
    }

    // the best match per (pattern id, start): ids are few, so one small map per start token
    let atI: Map<string, PhraseMatch> | null = null;
    let i = 0;
    const tryOne = (p: CompiledPattern) => {
      matchStats.attempts++;
      const last = matchFrom(tokens, word, p.elements, 0, i, -1, false);
      if (last < i) return;
      const prev = atI?.get(p.id);
      if (prev) {
        if (last > prev.last) {
          prev.last = last;
          prev.end = tokens[last]!.end;
        }
        return;
      }
      const m = { id: p.id, first: i, last, start: tokens[i]!.start, end: tokens[last]!.end };
      (atI ??= new Map()).set(p.id, m);
      out.push(m);
    };
    const count = positions ? positions.length : tokens.length;
    for (let k = 0; k < count; k++) {
      i = positions ? positions[k]! : k;
      atI = null;
      const w = word(i);
      const cands = candsAt ? candsAt[k] : this.byWord.get(w);
      if (cands) for (const c of cands) if (this.live(c, state, words)) tryOne(this.pattern(c));
      for (let e = 0; e < prefixed.length; e++) if (w.startsWith(prefixed[e]!.prefix)) tryOne(this.pattern(prefixed[e]!.k));
      if (anywhere.length > 0) {
        const number = isNumberWord(w);
        for (let e = 0; e < anywhere.length; e++) if (number || !atNumbers.has(anywhere[e]!)) tryOne(this.pattern(anywhere[e]!));
      }
    }
    const kept = dropContainedSameId(out);
    if (this.allowSources.size === 0) return kept;
    // allow-lists only for the entries that matched
    const allowed = new Map<string, RangeIndex>();
    for (const o of kept) {
      if (allowed.has(o.id)) continue;
      const m = this.allowMatcher(o.id);
      if (m) allowed.set(o.id, new RangeIndex(m.match(doc, which)));
    }
    return kept.filter((o) => !allowed.get(o.id)?.overlaps(o.first, o.last));
  }
}

/**
 * A match inside a longer match of the same id ("excluded" inside "been excluded") is the same
 * finding. One sort and a sweep, so a draft with thousands of matches stays linear-ish.
 */
function dropContainedSameId(matches: PhraseMatch[]): PhraseMatch[] {
  if (matches.length < 2) return matches;
  const order = [...matches].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : a.first - b.first || b.last - a.last));
  const drop = new Set<PhraseMatch>();
  let id = '';
  let maxLast = -1;
  for (const m of order) {
    if (m.id !== id) {
      id = m.id;
      maxLast = -1;
    }
    // (id, first) is unique, so an earlier match here starts strictly before m
    if (maxLast >= m.last) drop.add(m);
    else maxLast = m.last;
  }
  return drop.size ? matches.filter((m) => !drop.has(m)) : matches;
}

/**
 * Drops matches contained in a longer match (of any id) from the same list. One
 * sort: m is inside a longer match when one starting earlier reaches m's last token, or one
 * starting on m's first token ends later.
 */
export function dropOverlapped(matches: PhraseMatch[]): PhraseMatch[] {
  if (matches.length < 2) return matches;
  const order = [...matches].sort((a, b) => a.first - b.first);
  const drop = new Set<PhraseMatch>();
  let maxLastBefore = -1;
  for (let g = 0; g < order.length; ) {
    let h = g;
    let groupMax = -1;
    while (h < order.length && order[h]!.first === order[g]!.first) groupMax = Math.max(groupMax, order[h++]!.last);
    for (let k = g; k < h; k++) {
      const m = order[k]!;
      if (maxLastBefore >= m.last || groupMax > m.last) drop.add(m);
    }
    maxLastBefore = Math.max(maxLastBefore, groupMax);
    g = h;
  }
  return drop.size ? matches.filter((m) => !drop.has(m)) : matches;
}
