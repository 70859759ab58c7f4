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
import { fold } from './fold.js';
import { tokensInView, type Doc, type View } from './doc.js';

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
const GAP_WORD = '[^ |]+';

/** Folds a pattern word the way the tokenizer folds draft words. */
export function foldWord(w: string): string {
  return fold(w).text.replace(/['’]/g, '');
}

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

interface Element {
  re: string;
  optional: boolean;
  /** exact first words this element can be; null = unknowable (prefix, gap, number) */
  firstWords: string[] | null;
  prefixes: string[];
  isGap: boolean;
}

function phraseToRe(phrase: string): string {
  // a class member or an alternative may be several words
  return phrase
    .split(/[\s-]+/)
    .filter(Boolean)
    .map((w) => escape(foldWord(w)))
    .join(' ');
}

function parseElement(raw: string, classes: Record<string, string[]>, where: string): Element {
  let s = raw;
  let optional = false;
  if (s.length > 1 && s.endsWith('?')) {
    optional = true;
    s = s.slice(0, -1);
  }
  const gap = /^\*(\d+)$/.exec(s);
  if (gap) return { re: `(?:${GAP_WORD} ){0,${gap[1]}}`, optional: true, firstWords: null, prefixes: [], isGap: true };
  if (s === '#') return { re: '[0-9][0-9a-z]* ', optional, firstWords: null, prefixes: [], isGap: false };
  const alts: string[] = [];
  const firstWords: string[] = [];
  const prefixes: string[] = [];
  for (const alt of s.split('|')) {
    if (!alt) throw new Error(`${where}: empty alternative in "${raw}"`);
    if (alt.startsWith('@')) {
      const members = classes[alt.slice(1)];
      if (!members) throw new Error(`${where}: unknown class "${alt}"`);
      for (const m of members) {
        if (m.endsWith('*')) {
          const p = foldWord(m.slice(0, -1));
          alts.push(`${escape(p)}${'[^ |,]*'}`);
          prefixes.push(p);
        } else {
          alts.push(phraseToRe(m));
          firstWords.push(foldWord(m.split(/[\s-]+/)[0]!));
        }
      }
    } else if (alt.endsWith('*') && alt.length > 1) {
      const p = foldWord(alt.slice(0, -1));
      alts.push(`${escape(p)}[^ |,]*`);
      prefixes.push(p);
    } else {
      alts.push(phraseToRe(alt));
      firstWords.push(foldWord(alt.split(/[\s-]+/)[0]!));
    }
  }
  // longest first, so "senior leadership team" wins over "senior"
  alts.sort((a, b) => b.length - a.length);
  return { re: `(?:${alts.join('|')}) `, optional, firstWords, prefixes, isGap: false };
}

export interface CompiledPattern {
  id: string;
  source: string;
  re: RegExp;
  /** exact words it can start with */
  starts: string[];
  /** word prefixes it can start with */
  startPrefixes: string[];
  /** can start at any word (begins with a number or only optional parts) */
  anyStart: boolean;
}

export function compilePattern(id: string, source: string, classes: Record<string, string[]> = {}): CompiledPattern {
  const where = `pattern "${source}" (${id})`;
  const raw = source.trim().split(/\s+/).filter(Boolean);
  if (raw.length === 0) throw new Error(`${where}: empty`);
  const els = raw.flatMap((r) => {
    // a hyphenated literal word is two words, as in the draft ("child-protection")
    if (!r.includes('|') && !r.startsWith('@') && /[a-z0-9]-[a-z0-9]/i.test(r)) {
      const opt = r.endsWith('?');
      const parts = (opt ? r.slice(0, -1) : r).split('-');
      return parts.map((p) => parseElement(p, classes, where));
    }
    return [parseElement(r, classes, where)];
  });
  if (els.every((e) => e.optional)) throw new Error(`${where}: every part is optional`);
  const re = els.map((e) => (e.optional && !e.isGap ? `(?:${e.re})?` : e.re)).join('');
  const starts = new Set<string>();
  const startPrefixes = new Set<string>();
  let anyStart = false;
  for (const e of els) {
    if (e.isGap) continue;
    if (e.firstWords === null) anyStart = true;
    else {
      for (const w of e.firstWords) starts.add(w);
      for (const p of e.prefixes) startPrefixes.add(p);
    }
    if (!e.optional) break;
  }
  if (els[0]!.isGap) anyStart = true;
  return { id, source, re: new RegExp(re, 'y'), starts: [...starts], startPrefixes: [...startPrefixes], anyStart };
}

/** A set of patterns with allow-lists, matched over one view of a Doc. */
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
          if (list) list.push(c);
          else this.byWord.set(w, [c]);
        }
        for (const prefix of c.startPrefixes) this.prefixed.push({ prefix, p: c });
      }
      if (src.allow?.length) this.allow.set(src.id, new PhraseMatcher([{ id: `${src.id}:allow`, patterns: src.allow }], classes));
    }
    this.size = size;
  }

  /** All matches, longest per (id, start); overlapping matches of one id are kept once. */
  match(doc: Doc, which: 'view' | 'deobView' = 'view'): PhraseMatch[] {
    const view: View = doc[which];
    const out: PhraseMatch[] = [];
    const seen = new Set<string>();
    const words = which === 'view' ? (i: number) => doc.tokens[i]!.norm : (i: number) => doc.tokens[i]!.deob;
    for (let i = 0; i < doc.tokens.length; i++) {
      const w = words(i);
      const cands = this.byWord.get(w);
      const pos = view.pos[i]!;
      const tryOne = (p: CompiledPattern) => {
        p.re.lastIndex = pos;
        const m = p.re.exec(view.text);
        if (!m || m[0].length === 0) return;
        const r = tokensInView(view, pos, pos + m[0].length);
        if (!r) return;
        const key = `${p.id}:${r[0]}`;
        if (seen.has(key)) {
          // keep the longest match for this id at this start
          const prev = out.find((o) => o.id === p.id && o.first === r[0]);
          if (prev && r[1] > prev.last) {
            prev.last = r[1];
            prev.end = doc.tokens[r[1]]!.end;
          }
          return;
        }
        seen.add(key);
        out.push({ id: p.id, first: r[0], last: r[1], start: doc.tokens[r[0]]!.start, end: doc.tokens[r[1]]!.end });
      };
      if (cands) for (const p of cands) tryOne(p);
      for (const { prefix, p } of this.prefixed) if (w.startsWith(prefix)) tryOne(p);
      for (const p of this.anywhere) tryOne(p);
    }
    // a match inside a longer match of the same id ("excluded" inside "been excluded") is the same finding
    const kept = out.filter((m) => !out.some((o) => o !== m && o.id === m.id && o.first <= m.first && o.last >= m.last && o.last - o.first > m.last - m.first));
    if (this.allow.size === 0) return kept;
    const allowed = new Map<string, PhraseMatch[]>();
    for (const [id, m] of this.allow) allowed.set(id, m.match(doc, which));
    return kept.filter((o) => {
      const a = allowed.get(o.id);
      return !a?.some((x) => x.first <= o.last && x.last >= o.first);
    });
  }
}

/** Drops matches contained in (or equal to) a longer match of another id from the same list. */
export function dropOverlapped(matches: PhraseMatch[]): PhraseMatch[] {
  return matches.filter((m) => !matches.some((o) => o !== m && o.first <= m.first && o.last >= m.last && o.last - o.first > m.last - m.first));
}
