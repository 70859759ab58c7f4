// Tokens: the second step of the normalisation pipeline. Words are read from the folded text, so
// accents, look-alike letters and invisible characters are already gone; each token keeps its
// original UTF-16 span. Hashtags and handles are split into their words (#WellDoneJosh -> well,
// done, josh), letters spaced or dotted out are joined (J o s h, s.h.i.t), possessives are marked.
import type { Folded } from './fold.js';
import dialectJson from '../../../rules/lexicons/dialect.json';
import { parseLexicon } from '../../data/lexicons.js';

/** Regional spellings as the standard word ("cannae" -> "cant", "weans" -> "kids"): rules/lexicons/dialect.json. */
const DIALECT = new Map<string, string>(parseLexicon(dialectJson, 'rules/lexicons/dialect.json').entries.flatMap((e) => e.patterns.map((p) => [p, e.id] as [string, string])));

export const enum TagKind {
  None = 0,
  Hashtag = 1,
  Handle = 2,
}

export interface Token {
  /** index in Doc.tokens */
  i: number;
  /** original UTF-16 span */
  start: number;
  end: number;
  /** lowercase, folded, apostrophes removed ("O'Neill" -> "oneill", "don't" -> "dont") */
  norm: string;
  /** norm without a possessive ("Josh's" -> "josh", "pupils'" -> "pupils") */
  base: string;
  /** norm with leetspeak decoded and letters repeated 3+ times squeezed ("r3tarded" -> "retarded") */
  deob: string;
  /** ended in 's or s' */
  possessive: boolean;
  /** first letter was a capital */
  cap: boolean;
  /** every letter was a capital (and there are at least two) */
  allCaps: boolean;
  /** only digits */
  numeric: boolean;
  /** first token of its sentence (or of a line) */
  sentenceStart: boolean;
  sentence: number;
  clause: number;
  /** came from a hashtag or a handle */
  tag: TagKind;
  /** index into Doc.tags, or -1 */
  tagId: number;
  /** was built from letters spaced or dotted out */
  spaced: boolean;
  /** a contraction, whose apostrophe-less form may be another word: he'll (hell), we'll (well), she'd (shed), can't (cant) */
  contraction: boolean;
}

export interface Tag {
  kind: TagKind;
  /** original span including the # or @ */
  start: number;
  end: number;
  /** folded letters and digits of the body, lowercase ("joshbrown2016") */
  body: string;
  /** index of its first token and one past its last */
  first: number;
  last: number;
}

/** Words a full stop abbreviates without ending the sentence ("Mr. Kerr", "St. Aidan's"). */
const ABBREVIATIONS = new Set(['mr', 'mrs', 'ms', 'mx', 'dr', 'st', 'prof', 'rev', 'revd', 'fr', 'sr', 'jr', 'vs', 'eg', 'ie', 'etc', 'approx', 'dept', 'no', 'nos', 'sgt', 'capt', 'cllr', 'hon']);

const LEET: Record<string, string> = { '0': 'o', '1': 'i', '3': 'e', '4': 'a', '5': 's', '7': 't', '8': 'b', '$': 's', '!': 'i', '@': 'a', '+': 't', '*': '' };

const isWordCode = (c: number) => (c >= 97 && c <= 122) || (c >= 48 && c <= 57);
const isLetterCode = (c: number) => c >= 97 && c <= 122;
const isDigitCode = (c: number) => c >= 48 && c <= 57;
/** characters that stand for letters inside an obfuscated word: sh!t, a$$, f*ck */
const isLeetMark = (ch: string) => ch === '$' || ch === '!' || ch === '*';

function deobfuscate(norm: string): string {
  let hasLetter = false;
  let hasLeet = false;
  for (let k = 0; k < norm.length; k++) {
    const c = norm.charCodeAt(k);
    if (isLetterCode(c)) hasLetter = true;
    else hasLeet = true;
  }
  let s = norm;
  // digits alone are numbers, not leetspeak; "5b" and "y6" are forms and year groups
  if (hasLetter && hasLeet && norm.length >= 3) {
    let letters = 0;
    for (let k = 0; k < norm.length; k++) if (isLetterCode(norm.charCodeAt(k))) letters++;
    if (letters >= 2) s = norm.replace(/[0-9$!@+*]/g, (m) => LEET[m] ?? m);
  }
  // letters repeated three or more times: "fuuuuck" -> "fuck", "sooo" -> "so"
  for (let k = 2; k < s.length; k++) {
    const c = s.charCodeAt(k);
    if (isLetterCode(c) && c === s.charCodeAt(k - 1) && c === s.charCodeAt(k - 2)) return s.replace(/([a-z])\1{2,}/g, '$1');
  }
  return s;
}

/** Splits a hashtag/handle body at case changes, letter/digit changes and underscores. */
function splitTagBody(f: Folded, from: number, to: number): Array<[number, number]> {
  const parts: Array<[number, number]> = [];
  let s = from;
  const t = f.text;
  for (let k = from + 1; k <= to; k++) {
    if (k === to) {
      if (k > s) parts.push([s, k]);
      break;
    }
    const c = t.charCodeAt(k);
    const p = t.charCodeAt(k - 1);
    if (c === 95 /* _ */) {
      if (k > s) parts.push([s, k]);
      s = k + 1;
      continue;
    }
    if (p === 95) continue;
    const up = f.upper[k] === 1;
    const pUp = f.upper[k - 1] === 1;
    const nextLowerLetter = k + 1 < to && isLetterCode(t.charCodeAt(k + 1)) && f.upper[k + 1] === 0;
    let cut = false;
    if (isLetterCode(c) && isLetterCode(p)) {
      if (up && !pUp) cut = true; // wellDone
      else if (up && pUp && nextLowerLetter && k - s >= 1) cut = true; // KVHSProud -> KVHS Proud
      else if (!up && pUp && k - s >= 2 && k - 1 > s && f.upper[k - 2] === 1) cut = false;
    } else if (isDigitCode(c) !== isDigitCode(p)) {
      cut = true; // joshbrown2016, year6
    }
    if (cut && k > s) {
      parts.push([s, k]);
      s = k;
    }
  }
  // "KVHSproud": an upper-case run followed by lower case splits before the lower case
  const out: Array<[number, number]> = [];
  for (const [a, b] of parts) {
    let cutAt = -1;
    if (b - a >= 4 && f.upper[a] === 1 && f.upper[a + 1] === 1) {
      for (let k = a + 2; k < b; k++) {
        if (f.upper[k] === 0 && isLetterCode(t.charCodeAt(k))) {
          cutAt = k;
          break;
        }
      }
    }
    if (cutAt > 0 && b - cutAt >= 2) out.push([a, cutAt], [cutAt, b]);
    else out.push([a, b]);
  }
  return out;
}

/** The digits before a grouping comma: one to three, or groups already joined ("1,240", "1,240,000"). */
const GROUPED_DIGITS = /^\d{1,3}(,\d{3})*$/;

export interface Tokenized {
  tokens: Token[];
  tags: Tag[];
}

export function tokenize(f: Folded, draft: string): Tokenized {
  const draftLength = draft.length;
  const t = f.text;
  const n = t.length;
  const tokens: Token[] = [];
  const tags: Tag[] = [];
  let sentence = 0;
  let clause = 0;
  let pendingSentence = true;
  let pendingClause = false;

  const origStart = (k: number) => (k < n ? f.origin[k]! : draftLength);
  const origEnd = (k: number) => (k > 0 ? f.originEnd[k - 1]! : 0);

  const push = (a: number, b: number, tag: TagKind, tagId: number) => {
    let raw = t.slice(a, b);
    let possessive = false;
    // most words have no apostrophe: no possessive, no contraction, nothing to drop
    const apostrophe = raw.includes("'");
    let norm = apostrophe ? raw.replace(/'/g, '') : raw;
    // "84,000" reads as 84000
    if (norm.charCodeAt(0) <= 57 && norm.includes(',')) norm = norm.replace(/,/g, '');
    // a capital mid-sentence may be a name (the roster's "Li Wan"): only a word in lower case, or one
    // opening a sentence, is read as its standard word
    const standardWord = f.upper[a] !== 1 || pendingSentence;
    if (standardWord) norm = DIALECT.get(norm) ?? norm;
    let base = norm;
    if (apostrophe && (/[a-z]'s$/.test(raw) || /[a-z]s'$/.test(raw))) {
      possessive = true;
      base = raw.endsWith("'") ? raw.slice(0, -1) : raw.slice(0, -2);
      base = base.replace(/'/g, '');
      if (standardWord) base = DIALECT.get(base) ?? base;
    }
    if (apostrophe && raw.endsWith("'")) raw = raw.slice(0, -1);
    let letters = 0;
    let uppers = 0;
    let digits = 0;
    for (let k = a; k < b; k++) {
      const c = t.charCodeAt(k);
      if (isLetterCode(c)) {
        letters++;
        if (f.upper[k] === 1) uppers++;
      } else if (isDigitCode(c)) digits++;
    }
    if (pendingSentence) {
      sentence += tokens.length > 0 ? 1 : 0;
      clause += tokens.length > 0 ? 1 : 0;
    } else if (pendingClause) clause++;
    const tok: Token = {
      i: tokens.length,
      start: origStart(a),
      end: origEnd(b),
      norm,
      base,
      deob: deobfuscate(norm),
      possessive,
      cap: f.upper[a] === 1,
      allCaps: letters >= 2 && uppers === letters,
      numeric: letters === 0 && digits > 0,
      sentenceStart: pendingSentence,
      sentence,
      clause,
      tag,
      tagId,
      spaced: false,
      contraction: apostrophe && /[a-z]'(ll|re|ve|d|m|t)$/.test(raw),
    };
    tokens.push(tok);
    pendingSentence = false;
    pendingClause = false;
  };

  let k = 0;
  while (k < n) {
    const c = t.charCodeAt(k);
    // hashtags and handles: '#' or '@' not preceded by a word character
    if ((c === 35 || c === 64) && k + 1 < n && isWordCode(t.charCodeAt(k + 1)) && (k === 0 || !isWordCode(t.charCodeAt(k - 1)))) {
      let e = k + 1;
      while (e < n && (isWordCode(t.charCodeAt(e)) || t.charCodeAt(e) === 95)) e++;
      // an e-mail address is not a handle: "@school.org" after a word is handled above; "@x.com" stays a handle
      const kind = c === 35 ? TagKind.Hashtag : TagKind.Handle;
      const tagId = tags.length;
      const first = tokens.length;
      for (const [a, b] of splitTagBody(f, k + 1, e)) push(a, b, kind, tagId);
      tags.push({ kind, start: origStart(k), end: origEnd(e), body: t.slice(k + 1, e).replace(/_/g, ''), first, last: tokens.length });
      k = e;
      continue;
    }
    if (isWordCode(c)) {
      let e = k + 1;
      for (;;) {
        if (e < n && isWordCode(t.charCodeAt(e))) {
          e++;
          continue;
        }
        // digit grouping: "£84,000", "1,240 raised" is one number (a comma there breaks no clause)
        if (t.charCodeAt(e) === 44 && e + 3 < n && isDigitCode(t.charCodeAt(e + 1)) && isDigitCode(t.charCodeAt(e + 2)) && isDigitCode(t.charCodeAt(e + 3)) && !(e + 4 < n && isWordCode(t.charCodeAt(e + 4))) && GROUPED_DIGITS.test(t.slice(k, e))) {
          e += 4;
          continue;
        }
        // internal apostrophe: o'neill, don't, josh's
        if (e + 1 < n && t[e] === "'" && isLetterCode(t.charCodeAt(e + 1)) && isLetterCode(t.charCodeAt(e - 1))) {
          e += 2;
          continue;
        }
        // leet marks inside a word: sh!t, f**k, a$$
        if (e < n && isLeetMark(t[e]!) && isLetterCode(t.charCodeAt(e - 1))) {
          let m = e;
          while (m < n && isLeetMark(t[m]!)) m++;
          if (m < n && isLetterCode(t.charCodeAt(m))) {
            e = m;
            continue;
          }
          // trailing $ only: "a$$", "cla$$"
          if (t[e] === '$' && m - e <= 3) {
            e = m;
          }
          break;
        }
        break;
      }
      // plural possessive: pupils'
      if (e < n && t[e] === "'" && t[e - 1] === 's' && !(e + 1 < n && isLetterCode(t.charCodeAt(e + 1)))) e++;
      push(k, e, TagKind.None, -1);
      k = e;
      continue;
    }
    // separators
    if (c === 46 || c === 33 || c === 63) {
      // . ! ? end a sentence when followed by space/end (not "5.30", not "U.K", not "Mr. Kerr")
      const next = k + 1 < n ? t.charCodeAt(k + 1) : 32;
      const prev = tokens[tokens.length - 1];
      const abbreviation = c === 46 && prev !== undefined && prev.end === origStart(k) && ABBREVIATIONS.has(prev.norm);
      if (abbreviation) {
        // a title or "St." joins what follows
      } else if (!isWordCode(next)) pendingSentence = true;
      else if (c !== 46) pendingSentence = true;
    } else if (c === 10 || c === 13 || c === 0x2029 || c === 0x2028) {
      pendingSentence = true;
    } else if (c === 44 || c === 59 || c === 58 || c === 40 || c === 41 || c === 34 || c === 45 || c === 0x2026) {
      // , ; : ( ) " and a dash between spaces break a clause; a hyphen inside a word does not
      if (c !== 45 || (k > 0 && t.charCodeAt(k - 1) === 32) || (k + 1 < n && t.charCodeAt(k + 1) === 32)) pendingClause = true;
    } else if (c > 0x2000 && /\p{Extended_Pictographic}/u.test(String.fromCodePoint(t.codePointAt(k)!))) {
      pendingClause = true;
    }
    k++;
  }

  const merged = mergeSpacedLetters(tokens, draft);
  if (merged.length !== tokens.length) {
    // joining spaced letters renumbers tokens: point each tag at its tokens again
    for (const tag of tags) {
      tag.first = -1;
      tag.last = -1;
    }
    for (const tok of merged) {
      if (tok.tagId < 0) continue;
      const tag = tags[tok.tagId]!;
      if (tag.first < 0) tag.first = tok.i;
      tag.last = tok.i + 1;
    }
  }
  return { tokens: merged, tags };
}

/** Joins letters spaced or dotted out ("J o s h", "s.h.i.t", "f-u-c-k") into one token. */
function mergeSpacedLetters(tokens: Token[], draft: string): Token[] {
  if (tokens.length < 3) return tokens;
  const out: Token[] = [];
  const single = (x: Token) => x.norm.length === 1 && !x.numeric && x.tag === TagKind.None;
  // "J o s h's": a possessive letter may end a run
  const singlePossessive = (x: Token) => x.possessive && x.base.length === 1 && !x.numeric && x.tag === TagKind.None;
  // what separates two tokens, if it is one short separator ("a r.e.t.a.r.d": " " then ".")
  const sep = (a: Token, b: Token) => (b.start - a.end <= 2 ? draft.slice(a.end, b.start) : null);
  let k = 0;
  while (k < tokens.length) {
    const a = tokens[k]!;
    if (single(a) && k + 1 < tokens.length && single(tokens[k + 1]!)) {
      // every separator in a run is the same one, so "what a r.e.t.a.r.d" joins only the dotted letters
      const s0 = sep(a, tokens[k + 1]!);
      let e = k + 1;
      while (e < tokens.length && single(tokens[e]!) && s0 !== null && sep(tokens[e - 1]!, tokens[e]!) === s0 && tokens[e]!.sentence === a.sentence) e++;
      const ending = tokens[e];
      const possessive = e - k >= 2 && ending !== undefined && singlePossessive(ending) && sep(tokens[e - 1]!, ending) === s0 && ending.sentence === a.sentence;
      if (possessive) e++;
      if (e - k >= 3) {
        const run = tokens.slice(k, e);
        const norm = run.map((x) => x.norm).join('');
        const base = run.map((x) => x.base).join('');
        out.push({
          ...a,
          end: run[run.length - 1]!.end,
          norm,
          base,
          deob: deobfuscate(norm),
          possessive,
          allCaps: run.every((x) => x.cap),
          spaced: true,
        });
        k = e;
        continue;
      }
    }
    out.push(a);
    k++;
  }
  // spaced runs can also hide a sentence boundary we set on "." - repair sentence/clause numbering
  for (let i = 0; i < out.length; i++) out[i]!.i = i;
  return out;
}
