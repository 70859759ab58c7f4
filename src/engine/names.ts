// Name look-up shared by the rules that find people and organisations in a draft (pupil-name,
// staff-name, pupil-reference, school-identity, supplier). Configured names are turned into keys
// once per configuration: the folded words of the name joined without spaces ("Amelia-Rose Kaur"
// -> "ameliarosekaur"), so "Amelia Rose Kaur", "AmeliaRose Kaur", "#AmeliaRoseKaur" and
// "@ameliarosekaur" all meet the same key. A check then looks each draft position up a bounded
// number of times (never roster x tokens), which keeps it linear for a roster of thousands.
import type { Doc } from './text/doc.js';
import { fold } from './text/fold.js';
import { TagKind, type Tag, type Token } from './text/tokenize.js';

/** The folded words of a configured name: lowercase, accents and apostrophes gone, split at anything else. */
export function nameParts(s: string): string[] {
  // plain ASCII (most names on a roster) folds to its lower case: no need to build the folded text
  return (ASCII.test(s) ? s.toLowerCase() : fold(s).text)
    .replace(/['’`]/g, '')
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
}

const ASCII = /^[\x00-\x7f]*$/;

/** A name's folded text and which of its characters were capitals, as fold() gives them. */
function foldedWithCase(s: string): { text: string; upper: ArrayLike<number> } {
  if (!ASCII.test(s)) return fold(s);
  const upper = new Uint8Array(s.length);
  for (let k = 0; k < s.length; k++) {
    const c = s.charCodeAt(k);
    if (c >= 65 && c <= 90) upper[k] = 1;
  }
  return { text: s.toLowerCase(), upper };
}

/**
 * A configured name word as a key and the places a draft may split it into words: between its
 * parts ("Amelia-Rose": amelia|rose), where it has an apostrophe ("O'Neill" typed "O Neill") and
 * before a capital inside it ("McDonald", "DeSouza" typed "Mc Donald", "De Souza"). Nowhere else:
 * two ordinary words never join into a name ("is la" is not Isla, "a my" is not Amy).
 */
export function nameKey(s: string): { key: string; splits: number[] } {
  const f = foldedWithCase(s);
  let key = '';
  const splits: number[] = [];
  const split = () => {
    if (key && splits[splits.length - 1] !== key.length) splits.push(key.length);
  };
  let apostrophe = false;
  for (let k = 0; k < f.text.length; k++) {
    const ch = f.text[k]!;
    if (/[a-z0-9]/.test(ch)) {
      const prevLower = key.length > 0 && k > 0 && /[a-z]/.test(f.text[k - 1]!) && f.upper[k - 1] === 0;
      if (apostrophe || (prevLower && f.upper[k] === 1)) split();
      apostrophe = false;
      key += ch;
    } else if (ch === "'" || ch === '`') apostrophe = true;
    else {
      apostrophe = false;
      split();
    }
  }
  if (splits[splits.length - 1] === key.length) splits.pop();
  return { key, splits };
}

/** Characters that may sit between two words of one name: spaces, hyphens, apostrophes, a dot ("St. Aidan's", "Mr. Kerr"). */
const JOINERS = /^[\s\-'’._\u00A0]*$/;

/** Are tokens a and b (b right after a) parts of one name as written? Same hashtag (or none), only joiners between. */
export function adjacent(doc: Doc, a: Token, b: Token): boolean {
  if (a.tagId !== b.tagId) return false;
  if (a.tagId >= 0) return true;
  const gap = b.start - a.end;
  if (gap > 3) return false;
  if (gap === 1 && doc.draft.charCodeAt(a.end) === 32) return true;
  return JOINERS.test(doc.draft.slice(a.end, b.start));
}

/** Answers "does any key start with this?" */
export interface PrefixLookup {
  has(prefix: string): boolean;
}

/**
 * Every prefix of every key, so a look-up stops as soon as the words typed so far start no key.
 * A sorted array searched by bisection: building it is one sort (a set of every prefix of a
 * 2,000-pupil roster was ~100,000 strings and most of the configuration's compile time).
 */
export function prefixSet(keys: Iterable<string>): PrefixLookup {
  const sorted = [...new Set(keys)].sort();
  // most draft words start no key: answer those from the keys' first three letters, without bisecting
  const short = new Set<string>();
  for (const k of sorted) for (let n = 1; n <= Math.min(3, k.length); n++) short.add(k.slice(0, n));
  return {
    has(prefix: string): boolean {
      if (!prefix) return sorted.length > 0;
      if (!short.has(prefix.length <= 3 ? prefix : prefix.slice(0, 3))) return false;
      if (prefix.length <= 3) return true;
      let lo = 0;
      let hi = sorted.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (sorted[mid]! < prefix) lo = mid + 1;
        else hi = mid;
      }
      return lo < sorted.length && sorted[lo]!.startsWith(prefix);
    },
  };
}

/**
 * The keys that start at token i: for k = 1..max, the words of tokens i..i+k-1 joined, the last one
 * without a possessive ("Josh Brown's" -> "joshbrown"). Stops at a gap that is not a joiner, after
 * a possessive (a possessive ends a person's name; an organisation's may go on: "St Aidan's CE
 * Primary"), and, given `prefixes`, as soon as the words so far start no key. Entry k-1 is '' when
 * that length cannot be a key.
 */
export function keysAt(doc: Doc, i: number, max: number, throughPossessive = false, prefixes?: PrefixLookup): string[] {
  const out: string[] = [];
  let acc = '';
  for (let k = 0; k < max; k++) {
    const t = doc.tokens[i + k];
    if (!t) break;
    if (k > 0 && !adjacent(doc, doc.tokens[i + k - 1]!, t)) break;
    if (t.numeric) break;
    const withBase = acc + t.base;
    // most tokens have no possessive, and their base is their norm: one look-up serves both
    const next = t.base === t.norm ? withBase : acc + t.norm;
    const baseIn = !prefixes || prefixes.has(withBase);
    if (!baseIn && (next === withBase || !prefixes!.has(next))) break;
    out.push(baseIn ? withBase : '');
    if (t.possessive && !throughPossessive) break;
    acc = next;
  }
  return out;
}

/** A hashtag or handle as characters with their case and original offsets (the body only, no # or @ or _). */
export interface TagText {
  tag: Tag;
  text: string;
  upper: Uint8Array;
  start: Int32Array;
  end: Int32Array;
}

/** Reads a tag's body from the folded text, keeping exact offsets and case (tag.body has neither). */
export function tagText(doc: Doc, tag: Tag): TagText {
  const f = doc.folded;
  // origin is non-decreasing: binary search for the first folded char at or after the tag start
  let lo = 0;
  let hi = f.origin.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (f.origin[mid]! < tag.start) lo = mid + 1;
    else hi = mid;
  }
  let text = '';
  const upper: number[] = [];
  const start: number[] = [];
  const end: number[] = [];
  for (let k = lo; k < f.text.length && f.origin[k]! < tag.end; k++) {
    const ch = f.text[k]!;
    if (!/[a-z0-9]/.test(ch)) continue;
    text += ch;
    upper.push(f.upper[k]!);
    start.push(f.origin[k]!);
    end.push(f.originEnd[k]!);
  }
  return { tag, text, upper: Uint8Array.from(upper), start: Int32Array.from(start), end: Int32Array.from(end) };
}

/** Original span of characters [a, b) of a tag's body. */
export function tagSpan(t: TagText, a: number, b: number): { start: number; end: number } {
  return { start: t.start[a]!, end: t.end[b - 1]! };
}

/** Are characters [a, b) of a tag's body all capitals as typed? */
export function tagUpper(t: TagText, a: number, b: number): boolean {
  for (let k = a; k < b; k++) if (t.upper[k] !== 1 && /[a-z]/.test(t.text[k]!)) return false;
  return true;
}

/** Does the text contain a vowel (y included)? A short key without one is not an English word ("kvhs", "nlt"). */
export function hasVowel(s: string): boolean {
  return /[aeiouy]/.test(s);
}

/** A person on a configured list. */
export interface Person {
  /** as configured */
  display: string;
  title: string | null;
  /** first-name key and its short forms ("joshua", "josh") */
  firstKeys: string[];
  /** the first word of a hyphenated first name ("amelia" for "Amelia-Rose"), used only with the surname */
  firstPartKey: string | null;
  /** surname key, "" when the list gives a first name only */
  lastKey: string;
  /** surname initial */
  initial: string;
}

export type NameKind = 'full' | 'initial' | 'first' | 'last' | 'title-last' | 'title-first';

export interface NameMatch {
  kind: NameKind;
  /** token range, inclusive (title included for title-* and titled full matches) */
  first: number;
  last: number;
  /** the token range of the first name (kind first/initial/full) or surname (last) */
  nameFirst: number;
  nameLast: number;
  people: Person[];
  /** a title token right before the name ("Mrs", "Mr.") is part of the match */
  titled: boolean;
}

export interface NameIndexOptions {
  /** folded titles ("mr", "mrs", "dr") stripped from configured names and recognised in drafts */
  titles: ReadonlySet<string>;
  /** short forms by folded first name, both directions (joshua -> josh, josh -> joshua) */
  variants: ReadonlyMap<string, readonly string[]>;
}

function push<K, V>(m: Map<K, V[]>, k: K, v: V): void {
  const l = m.get(k);
  if (!l) m.set(k, [v]);
  else if (!l.includes(v)) l.push(v);
}

const sharedIndexes = new WeakMap<readonly string[], Array<{ opts: NameIndexOptions; index: NameIndex }>>();

/**
 * One index per configured list and options, so the pupil and staff rules read the staff list
 * through the same index and a draft is scanned for staff names once, not once per rule.
 */
export function nameIndexFor(names: readonly string[], opts: NameIndexOptions): NameIndex {
  let list = sharedIndexes.get(names);
  if (!list) sharedIndexes.set(names, (list = []));
  let found = list.find((x) => x.opts.titles === opts.titles && x.opts.variants === opts.variants);
  if (!found) list.push((found = { opts, index: new NameIndex(names, opts) }));
  return found.index;
}

/** People by name key, built once per configuration. */
export class NameIndex {
  readonly people: Person[] = [];
  readonly full = new Map<string, Person[]>();
  readonly first = new Map<string, Person[]>();
  readonly last = new Map<string, Person[]>();
  /** per key of each map, where a draft may split it into words (see nameKey) */
  private readonly splits = new Map<Map<string, Person[]>, Map<string, Set<number>>>([
    [this.full, new Map()],
    [this.first, new Map()],
    [this.last, new Map()],
  ]);
  /** distinct key lengths, for searching inside a hashtag or handle body */
  readonly fullLengths: number[];
  readonly firstLengths: number[];
  readonly lastLengths: number[];
  private maxFull = 1;
  private maxFirst = 1;
  private maxLast = 1;
  private maxAny = 1;
  private readonly prefixes: PrefixLookup;

  constructor(
    names: readonly string[],
    readonly opts: NameIndexOptions,
  ) {
    for (const raw of names) {
      const words = raw.trim().split(/\s+/).filter(Boolean);
      let title: string | null = null;
      while (words.length > 1 && opts.titles.has(nameParts(words[0]!).join(''))) {
        title = nameParts(words.shift()!).join('');
      }
      if (words.length === 0) continue;
      const firstParts = nameParts(words[0]!);
      const lastParts = words.slice(1).flatMap(nameParts);
      if (firstParts.length === 0) continue;
      const firstName = nameKey(words[0]!);
      const lastName = nameKey(words.slice(1).join(' '));
      const firstKey = firstParts.join('');
      const lastKey = lastParts.join('');
      const firstKeys = [firstKey, ...(opts.variants.get(firstKey) ?? [])];
      const person: Person = {
        display: raw,
        title,
        firstKeys,
        firstPartKey: firstParts.length > 1 ? firstParts[0]! : null,
        lastKey,
        initial: lastKey.charAt(0),
      };
      this.people.push(person);
      // a short form ("Josh") is one word; the name as configured may be split where nameKey says
      const splitsOf = (fk: string) => (fk === firstKey ? firstName.splits : []);
      const fullSplits = (fk: string, firstSplits: number[]) => [...firstSplits, fk.length, ...lastName.splits.map((x) => x + fk.length)];
      for (const fk of firstKeys) {
        this.add(this.first, fk, person, splitsOf(fk));
        this.maxFirst = Math.max(this.maxFirst, splitsOf(fk).length + 1);
        if (lastKey) {
          const sp = fullSplits(fk, splitsOf(fk));
          this.add(this.full, fk + lastKey, person, sp);
          this.maxFull = Math.max(this.maxFull, sp.length + 1);
        }
      }
      if (person.firstPartKey && lastKey) this.add(this.full, person.firstPartKey + lastKey, person, fullSplits(person.firstPartKey, []));
      if (lastKey) {
        this.add(this.last, lastKey, person, lastName.splits);
        this.maxLast = Math.max(this.maxLast, lastName.splits.length + 1);
      }
    }
    this.maxAny = Math.max(this.maxFull, this.maxFirst, this.maxLast);
    this.prefixes = prefixSet([...this.full.keys(), ...this.first.keys(), ...this.last.keys()]);
    const lengths = (m: Map<string, unknown>) => [...new Set([...m.keys()].map((k) => k.length))].sort((a, b) => b - a);
    this.fullLengths = lengths(this.full);
    this.firstLengths = lengths(this.first);
    this.lastLengths = lengths(this.last);
  }

  private add(map: Map<string, Person[]>, key: string, person: Person, splits: number[]): void {
    push(map, key, person);
    const m = this.splits.get(map)!;
    const set = m.get(key);
    if (set) for (const x of splits) set.add(x);
    else m.set(key, new Set(splits));
  }

  /** A title before a name: "Mrs", "mr", "Dr."; titles that are also words ("Miss", "Madame") only capitalised ("I miss Tom"). */
  isTitle(t: Token | undefined): boolean {
    return !!t && this.opts.titles.has(t.norm) && (t.cap || t.norm.length <= 3);
  }

  /**
   * The longest key of `map` among `keys` (the keys starting at token `at`): [tokens used, people].
   * The draft's word breaks inside it must fall where the name may be split.
   */
  private longest(doc: Doc, at: number, keys: string[], map: Map<string, Person[]>, max: number): [number, Person[]] | null {
    for (let k = Math.min(keys.length, max); k >= 1; k--) {
      const key = keys[k - 1]!;
      if (!key) continue;
      const p = map.get(key);
      if (!p) continue;
      if (k > 1) {
        const allowed = this.splits.get(map)!.get(key)!;
        let offset = 0;
        let ok = true;
        for (let j = 0; j < k - 1 && ok; j++) ok = allowed.has((offset += doc.tokens[at + j]!.norm.length));
        if (!ok) continue;
      }
      return [k, p];
    }
    return null;
  }

  /**
   * Every name in the draft, left to right, longest first: full name, first name + surname initial,
   * title + surname or first name, first name alone, surname alone. Tokens are looked up once per
   * starting position, a bounded number of times.
   */
  scan(doc: Doc): readonly NameMatch[] {
    let cached = this.scanned.get(doc);
    if (!cached) this.scanned.set(doc, (cached = this.scanAll(doc)));
    return cached;
  }

  private readonly scanned = new WeakMap<Doc, NameMatch[]>();

  private scanAll(doc: Doc): NameMatch[] {
    const out: NameMatch[] = [];
    const toks = doc.tokens;
    for (let i = 0; i < toks.length; ) {
      const t = toks[i]!;
      if (t.numeric) {
        i++;
        continue;
      }
      // a title and the name after it: "Mrs Patel", "Mr. Kerr", "Miss Rose", "Dr Marcus Feltham"
      if (this.opts.titles.size && this.isTitle(t) && toks[i + 1] && adjacent(doc, t, toks[i + 1]!)) {
        const j = i + 1;
        const after = keysAt(doc, j, this.maxAny, false, this.prefixes);
        const full = this.longest(doc, j, after, this.full, this.maxFull);
        if (full) {
          out.push({ kind: 'full', first: i, last: j + full[0] - 1, nameFirst: j, nameLast: j + full[0] - 1, people: full[1], titled: true });
          i = j + full[0];
          continue;
        }
        const last = this.longest(doc, j, after, this.last, this.maxLast);
        if (last) {
          out.push({ kind: 'title-last', first: i, last: j + last[0] - 1, nameFirst: j, nameLast: j + last[0] - 1, people: last[1], titled: true });
          i = j + last[0];
          continue;
        }
        const first = this.longest(doc, j, after, this.first, this.maxFirst);
        if (first) {
          out.push({ kind: 'title-first', first: i, last: j + first[0] - 1, nameFirst: j, nameLast: j + first[0] - 1, people: first[1], titled: true });
          i = j + first[0];
          continue;
        }
      }
      const keys = keysAt(doc, i, this.maxAny, false, this.prefixes);
      if (keys.length === 0) {
        i++;
        continue;
      }
      const full = this.longest(doc, i, keys, this.full, this.maxFull);
      if (full) {
        out.push({ kind: 'full', first: i, last: i + full[0] - 1, nameFirst: i, nameLast: i + full[0] - 1, people: full[1], titled: false });
        i += full[0];
        continue;
      }
      const first = this.longest(doc, i, keys, this.first, this.maxFirst);
      if (first) {
        const end = i + first[0] - 1;
        const next = toks[end + 1];
        // "Josh B", "Josh B.", "Zainab A's", "grace m": a letter that is the initial of one of these
        // people's surnames ("a" and "i" only as capitals: "gave tom a lift" has no initial)
        const letter = next && (next.possessive ? next.base : next.norm);
        if (next && letter && !toks[end]!.possessive && letter.length === 1 && !next.numeric && (next.cap || next.possessive || (letter !== 'a' && letter !== 'i')) && adjacent(doc, toks[end]!, next) && doc.draft.slice(toks[end]!.end, next.start).trim() === '') {
          const withInitial = first[1].filter((p) => p.initial === letter);
          if (withInitial.length) {
            out.push({ kind: 'initial', first: i, last: end + 1, nameFirst: i, nameLast: end, people: withInitial, titled: false });
            i = end + 2;
            continue;
          }
        }
        out.push({ kind: 'first', first: i, last: end, nameFirst: i, nameLast: end, people: first[1], titled: false });
        i = end + 1;
        continue;
      }
      const last = this.longest(doc, i, keys, this.last, this.maxLast);
      if (last) {
        out.push({ kind: 'last', first: i, last: i + last[0] - 1, nameFirst: i, nameLast: i + last[0] - 1, people: last[1], titled: false });
        i += last[0];
        continue;
      }
      i++;
    }
    return out;
  }

  /** Keys of `map` found inside a string (a hashtag or handle body): [from, to, people]. */
  findIn(text: string, which: 'full' | 'first' | 'last', minLength = 3): Array<[number, number, Person[]]> {
    const map = which === 'full' ? this.full : which === 'first' ? this.first : this.last;
    const lengths = which === 'full' ? this.fullLengths : which === 'first' ? this.firstLengths : this.lastLengths;
    const out: Array<[number, number, Person[]]> = [];
    for (let a = 0; a < text.length; a++) {
      for (const len of lengths) {
        if (len < minLength || a + len > text.length) continue;
        const p = map.get(text.slice(a, a + len));
        if (p) {
          out.push([a, a + len, p]);
          break;
        }
      }
    }
    return out;
  }
}

const tagRangeCache = new WeakMap<Doc, Map<number, [number, number]>>();

/**
 * The tokens of tag `tagId`, as an index range [first, last). Read from the tokens' own tagId, not
 * from Tag.first/last: those are set before spaced-out letters are joined ("J o s h #WellDone")
 * and then point past the re-numbered tokens (see the report on the shared pipeline).
 */
export function tagTokens(doc: Doc, tagId: number): [number, number] {
  let m = tagRangeCache.get(doc);
  if (!m) {
    m = new Map();
    for (const t of doc.tokens) {
      if (t.tagId < 0) continue;
      const r = m.get(t.tagId);
      if (r) r[1] = t.i + 1;
      else m.set(t.tagId, [t.i, t.i + 1]);
    }
    tagRangeCache.set(doc, m);
  }
  return m.get(tagId) ?? [0, 0];
}

/** Is this token part of a hashtag or handle? */
export function inTag(t: Token): boolean {
  return t.tag !== TagKind.None;
}

const titleCaseCache = new WeakMap<Doc, Uint8Array>();

/**
 * A sentence written In Title Case (or all capitals): capitalisation says nothing about names there.
 * Four or more words with at least 70% capitalised. Counted once per sentence and cached, so a
 * run-on sentence full of names stays linear.
 */
export function titleCaseSentence(doc: Doc, i: number): boolean {
  let titled = titleCaseCache.get(doc);
  if (!titled) {
    const toks = doc.tokens;
    const sentences = toks.length ? toks[toks.length - 1]!.sentence + 1 : 0;
    const words = new Int32Array(sentences);
    const caps = new Int32Array(sentences);
    for (const t of toks) {
      if (t.numeric || inTag(t)) continue;
      words[t.sentence]!++;
      if (t.cap) caps[t.sentence]!++;
    }
    titled = new Uint8Array(sentences);
    for (let s = 0; s < sentences; s++) titled[s] = words[s]! >= 4 && caps[s]! / words[s]! >= 0.7 ? 1 : 0;
    titleCaseCache.set(doc, titled);
  }
  return titled[doc.tokens[i]!.sentence] === 1;
}

/** The text right after token i up to the next word, e.g. ", " for a vocative. */
export function after(doc: Doc, i: number): string {
  const t = doc.tokens[i]!;
  const n = doc.tokens[i + 1];
  return doc.draft.slice(t.end, n ? n.start : doc.draft.length);
}

/** The text right before token i back to the previous word. */
export function before(doc: Doc, i: number): string {
  const t = doc.tokens[i]!;
  const p = doc.tokens[i - 1];
  return doc.draft.slice(p ? p.end : 0, t.start);
}

/**
 * Configured phrases that are not people (a school's class, form and house names) looked up the way
 * names are: each phrase's folded words joined into one key, looked up at each token a bounded
 * number of times, so a draft is never scanned once per configured phrase.
 */
export class PhraseKeys<V> {
  private readonly map = new Map<string, V>();
  private readonly prefixes: PrefixLookup;
  private max = 1;

  constructor(entries: ReadonlyArray<readonly [phrase: string, value: V]>) {
    for (const [phrase, value] of entries) {
      const parts = nameParts(phrase);
      const key = parts.join('');
      if (!key || this.map.has(key)) continue;
      this.map.set(key, value);
      this.max = Math.max(this.max, Math.min(key.length, parts.length + 2));
    }
    this.prefixes = prefixSet(this.map.keys());
  }

  get size(): number {
    return this.map.size;
  }

  /** The longest phrase starting at token i: [tokens used, value], or null. */
  at(doc: Doc, i: number): [number, V] | null {
    if (this.map.size === 0) return null;
    const keys = keysAt(doc, i, this.max, false, this.prefixes);
    for (let k = keys.length; k >= 1; k--) {
      const v = keys[k - 1] ? this.map.get(keys[k - 1]!) : undefined;
      if (v !== undefined) return [k, v];
    }
    return null;
  }
}
