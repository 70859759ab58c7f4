// Phrase patterns: the small token language lexicons are written in, compiled to sticky regular
// expressions over a Doc view and indexed by the words they can start with, so a check only tries
// the patterns whose first word is in the draft. Linear in the draft for a fixed lexicon.
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

const splitWords = (phrase: string) => phrase.split(/[\s-]+/).filter(Boolean).map(foldWord).filter(Boolean);

function parseElement(raw: string, classes: Record<string, string[]>, where: string): Element {
  let s = raw;
  let optional = false;
  if (s.length > 1 && s.endsWith('?')) {
    optional = true;
    s = s.slice(0, -1);
  }
  const gap = /^\*(\d+)$/.exec(s);
  if (gap) return { kind: 'gap', max: Number(gap[1]) };
  // `,` (or `,?`): the phrase may run on across a clause mark here ("as headteacher, I'd...")
  if (s === ',') return { kind: 'comma' };
  if (s === '#') return { kind: 'number', optional };
  const alts: Alt[] = [];
  const firstWords: string[] = [];
  const prefixes: string[] = [];
  const add = (member: string) => {
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
  };
  for (const alt of s.split('|')) {
    if (!alt) throw new Error(`${where}: empty alternative in "${raw}"`);
    if (alt.startsWith('@')) {
      const members = classes[alt.slice(1)];
      if (!members) throw new Error(`${where}: unknown class "${alt}"`);
      for (const m of members) add(m);
    } else add(alt);
  }
  // longest first, so "senior leadership team" is tried before "senior"
  alts.sort((a, b) => ('words' in b ? b.words.length : 1) - ('words' in a ? a.words.length : 1));
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
  /** can start at any word (begins with a number, a gap or only optional parts) */
  anyStart: boolean;
}

export function compilePattern(id: string, source: string, classes: Record<string, string[]> = {}): CompiledPattern {
  const where = `pattern "${source}" (${id})`;
  const raw = source.trim().split(/\s+/).filter(Boolean);
  if (raw.length === 0) throw new Error(`${where}: empty`);
  const elements = raw.flatMap((r) => {
    // a hyphenated literal word is two words, as in the draft ("child-protection")
    if (!r.includes('|') && !r.startsWith('@') && /[a-z0-9]-[a-z0-9]/i.test(r)) {
      const opt = r.endsWith('?');
      const parts = (opt ? r.slice(0, -1) : r).split('-');
      return parts.map((p) => parseElement(p, classes, where));
    }
    return [parseElement(r, classes, where)];
  });
  if (elements.every((e) => e.kind === 'gap' || e.kind === 'comma' || e.optional)) throw new Error(`${where}: every part is optional`);
  const starts = new Set<string>();
  const startPrefixes = new Set<string>();
  let anyStart = false;
  for (const e of elements) {
    if (e.kind === 'comma') continue;
    if (e.kind === 'gap') {
      anyStart = true;
      break;
    }
    if (e.kind === 'number') anyStart = true;
    else {
      for (const w of e.firstWords) starts.add(w);
      for (const p of e.prefixes) startPrefixes.add(p);
    }
    if (!e.optional) break;
  }
  return { id, source, elements, starts: [...starts], startPrefixes: [...startPrefixes], anyStart };
}

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

/** A set of patterns with allow-lists, matched over a Doc's words (as typed, or de-obfuscated). */
export class PhraseMatcher {
  private byWord = new Map<string, CompiledPattern[]>();
  private prefixed: Array<{ prefix: string; p: CompiledPattern }> = [];
  private anywhere: CompiledPattern[] = [];
  private allow = new Map<string, PhraseMatcher>();
  readonly size: number;

  constructor(sources: PatternSource[], classes: Record<string, string[]> = {}) {
    let size = 0;
    for (const src of sources) {
      for (const p of src.patterns) {
        const c = compilePattern(src.id, p, classes);
        size++;
        if (c.anyStart) this.anywhere.push(c);
        for (const w of c.starts) {
          const list = this.byWord.get(w);
          if (list) {
            if (!list.includes(c)) list.push(c);
          } else this.byWord.set(w, [c]);
        }
        for (const prefix of c.startPrefixes) this.prefixed.push({ prefix, p: c });
      }
      if (src.allow?.length) this.allow.set(src.id, new PhraseMatcher([{ id: `${src.id}:allow`, patterns: src.allow }], classes));
    }
    this.size = size;
  }

  /** All matches, longest per (id, start); a match inside a longer one of the same id is dropped. */
  match(doc: Doc, which: 'view' | 'deobView' = 'view'): PhraseMatch[] {
    const tokens = doc.tokens;
    const word: WordAt = which === 'view' ? (i) => tokens[i]!.norm : (i) => tokens[i]!.deob;
    const out: PhraseMatch[] = [];
    // the best match per (pattern id, start): ids are few, so one small map per start token
    let atI: Map<string, PhraseMatch> | null = null;
    let i = 0;
    const tryOne = (p: CompiledPattern) => {
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
    const prefixed = this.prefixed;
    const anywhere = this.anywhere;
    for (; i < tokens.length; i++) {
      atI = null;
      const w = word(i);
      const cands = this.byWord.get(w);
      if (cands) for (const p of cands) tryOne(p);
      for (let k = 0; k < prefixed.length; k++) if (w.startsWith(prefixed[k]!.prefix)) tryOne(prefixed[k]!.p);
      for (let k = 0; k < anywhere.length; k++) tryOne(anywhere[k]!);
    }
    const kept = dropContainedSameId(out);
    if (this.allow.size === 0) return kept;
    // allow-lists only for the entries that matched
    const allowed = new Map<string, RangeIndex>();
    for (const o of kept) {
      if (allowed.has(o.id)) continue;
      const m = this.allow.get(o.id);
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
