// Small helpers shared by the four "abusive language" rules (profanity, discriminatory, derogatory,
// threat): mapping other rules' hits to tokens, contractions that fold into rude-looking words, and
// the lexicon plumbing (per-entry allow-lists, entry tags) they all use.
import type { Lexicon, LexiconEntry } from '../data/schema.js';
import { tokenIndexAt } from './context.js';
import type { Hit } from './rule.js';
import type { Doc } from './text/doc.js';
import { foldWord, PhraseMatcher, type PhraseMatch } from './text/pattern.js';
import { RangeIndex } from './text/spans.js';
import type { Token } from './text/tokenize.js';
import type { RuleId } from './types.js';

/** Token range [first, last] covered by an original-text span, or null. */
export function tokensInSpan(doc: Doc, start: number, end: number): [number, number] | null {
  const a = tokenIndexAt(doc, start);
  let b = a - 1;
  while (b + 1 < doc.tokens.length && doc.tokens[b + 1]!.start < end) b++;
  return b < a ? null : [a, b];
}

/** Tokens covered by the hits of the given rules (names, the school...), as a set of token indices. */
export function tokensOfHits(doc: Doc, hits: ReadonlyMap<RuleId, readonly Hit[]>, rules: readonly RuleId[]): Set<number> {
  const out = new Set<number>();
  for (const id of rules) {
    for (const h of hits.get(id) ?? []) {
      const r = tokensInSpan(doc, h.start, h.end);
      if (r) for (let k = r[0]; k <= r[1]; k++) out.add(k);
    }
  }
  return out;
}

/** Ranges [first, last] of the hits of the given rules. */
export function rangesOfHits(doc: Doc, hits: ReadonlyMap<RuleId, readonly Hit[]>, rules: readonly RuleId[]): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  for (const id of rules) {
    for (const h of hits.get(id) ?? []) {
      const r = tokensInSpan(doc, h.start, h.end);
      if (r) out.push(r);
    }
  }
  return out;
}

/** Set of folded single words of a lexicon class. */
export function classWords(lex: Lexicon, name: string): Set<string> {
  const words = lex.classes?.[name];
  if (!words) throw new Error(`${lex.id}: missing class "${name}"`);
  return new Set(words.filter((w) => !/\s/.test(w)).map(foldWord));
}

/** Entries by id, for tags and levels. */
export function entryMap(lex: Lexicon): Map<string, LexiconEntry> {
  return new Map(lex.entries.map((e) => [e.id, e]));
}

/**
 * A lexicon's entries as one matcher whose allow-lists are matched only for the entries that
 * matched (PhraseMatcher runs every allow-list on every draft; most drafts match no entry at all).
 */
export class LexiconMatcher {
  private readonly main: PhraseMatcher;
  private readonly allow = new Map<string, PhraseMatcher>();

  constructor(lex: Lexicon, entries: LexiconEntry[] = lex.entries) {
    const classes = lex.classes ?? {};
    this.main = new PhraseMatcher(
      entries.map((e) => ({ id: e.id, patterns: e.patterns })),
      classes,
    );
    for (const e of entries) if (e.allow?.length) this.allow.set(e.id, new PhraseMatcher([{ id: e.id, patterns: e.allow }], classes));
  }

  match(doc: Doc, which: 'view' | 'deobView' = 'deobView'): PhraseMatch[] {
    const found = this.main.match(doc, which);
    if (found.length === 0 || this.allow.size === 0) return found;
    const allowed = new Map<string, RangeIndex>();
    return found.filter((m) => {
      const a = this.allow.get(m.id);
      if (!a) return true;
      let spans = allowed.get(m.id);
      if (!spans) allowed.set(m.id, (spans = new RangeIndex(a.match(doc, which))));
      return !spans.overlaps(m.first, m.last);
    });
  }
}

export function lexiconMatcher(lex: Lexicon, entries: LexiconEntry[] = lex.entries): LexiconMatcher {
  return new LexiconMatcher(lex, entries);
}

/** Is a token a name as written: capitalised mid-sentence, or next to another capitalised word or a possessive ("Offa's Dyke")? */
export function writtenAsName(doc: Doc, i: number): boolean {
  const t = doc.tokens[i]!;
  if (!t.cap || t.allCaps) return false;
  const prev = doc.tokens[i - 1];
  const next = doc.tokens[i + 1];
  const sameSentence = (x: Token | undefined) => x !== undefined && x.sentence === t.sentence;
  if (sameSentence(prev) && (prev!.cap || prev!.possessive) && !prev!.allCaps) return true;
  if (sameSentence(next) && next!.cap && !next!.allCaps) return true;
  return !t.sentenceStart;
}

/** Which tokens a rule has already reported: overlap checks in time linear in the span, not in the hits so far. */
export class TokenMask {
  private readonly taken: Uint8Array;
  constructor(n: number) {
    this.taken = new Uint8Array(n);
  }
  overlaps(first: number, last: number): boolean {
    for (let k = first; k <= last; k++) if (this.taken[k]) return true;
    return false;
  }
  mark(first: number, last: number): void {
    this.taken.fill(1, first, last + 1);
  }
}

/**
 * The draft text of sentence s, from its first word up to the next sentence's first word, so the
 * emoji and marks that close it are included ("...at lunch, it wasn't me 😇"). Cached per Doc.
 */
const sentenceStarts = new WeakMap<Doc, number[]>();
function startsOf(doc: Doc): number[] {
  let starts = sentenceStarts.get(doc);
  if (!starts) {
    starts = [];
    for (const t of doc.tokens) if (starts[t.sentence] === undefined) starts[t.sentence] = t.i;
    sentenceStarts.set(doc, starts);
  }
  return starts;
}

export function sentenceText(doc: Doc, s: number): string {
  const starts = startsOf(doc);
  const first = starts[s];
  if (first === undefined) return '';
  const next = starts[s + 1];
  return doc.draft.slice(doc.tokens[first]!.start, next === undefined ? doc.draft.length : doc.tokens[next]!.start);
}

const sentenceTests = new WeakMap<Doc, Map<RegExp, Map<number, boolean>>>();
/** Does sentence s's text (with its closing emoji) match re? Cached per draft, sentence and expression. */
export function sentenceMatches(doc: Doc, s: number, re: RegExp): boolean {
  let byRe = sentenceTests.get(doc);
  if (!byRe) sentenceTests.set(doc, (byRe = new Map()));
  let bySentence = byRe.get(re);
  if (!bySentence) byRe.set(re, (bySentence = new Map()));
  let r = bySentence.get(s);
  if (r === undefined) bySentence.set(s, (r = re.test(sentenceText(doc, s))));
  return r;
}

const OPEN_QUOTE = /['‘"“]$/;
const CLOSE_QUOTE = /^['’"”]/;
/** Are tokens [first, last] typed inside quote marks ("another 'autistic' one", "she's a 'they' now")? */
export function quoted(doc: Doc, first: number, last: number): boolean {
  const a = doc.tokens[first]!;
  const b = doc.tokens[last]!;
  return OPEN_QUOTE.test(doc.draft.slice(Math.max(0, a.start - 1), a.start)) && CLOSE_QUOTE.test(doc.draft.slice(b.end, b.end + 1));
}

/** Overlap of two inclusive token ranges. */
export function overlaps(a: { first: number; last: number }, b: { first: number; last: number }): boolean {
  return a.first <= b.last && b.first <= a.last;
}

/** The hit for a phrase match: its original span. */
export function spanHit(doc: Doc, first: number, last: number): { start: number; end: number } {
  return { start: doc.tokens[first]!.start, end: doc.tokens[last]!.end };
}

/**
 * The tokenizer joins a one-letter word before letters spaced out into them: "what a r.e.t.a.r.d"
 * becomes one token "aretard", "I s.h.i.t you not" becomes "ishit". For such a token, the word
 * without its first letter and where that word starts in the draft; null otherwise.
 */
export function withoutLeadingArticle(doc: Doc, t: Token): { word: string; start: number } | null {
  if (!t.spaced || !/^[ai]/.test(t.deob)) return null;
  const raw = doc.draft.slice(t.start, t.end);
  const m = /^[aiAI][\s.\-_*]+/.exec(raw);
  if (!m) return null;
  return { word: raw.slice(m[0].length), start: t.start + m[0].length };
}

export type { PhraseMatch };
