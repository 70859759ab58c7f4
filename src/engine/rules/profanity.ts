// profanity: swearing, obscene, lewd or sexually explicit language, and links to adult content.
//
// Two lexicons, split by how a word is rude:
// - rules/lexicons/profanity-stems.json: words that are rude INSIDE other words too (bullshit,
//   motherfucker, #FuckMondays). Matched with obscenity's RegExpMatcher over our own word view
//   (tokens' deobfuscated forms joined by single spaces, so its word boundaries are our word
//   boundaries, plus each multi-word hashtag joined back together). Our pipeline has already folded
//   accents, look-alike letters and zero-width characters, decoded leetspeak and joined spaced
//   letters ("f.u.c.k"); obscenity adds in-word search, `|` word-edge anchors and collapsing
//   doubled letters ("fuuck"). Innocent words (Scunthorpe, blue tit, spotted dick) are per-entry
//   allow-lists in our own phrase language, checked on tokens.
// - rules/lexicons/profanity.json: words rude only as whole words or phrases ("hell" not "hello",
//   "what a knob" not "door knob", "had sex"), matched with PhraseMatcher.
// Mild words (level "mild": bloody, damn, hell, crap...) carry cap 'info'.
import { collapseDuplicatesTransformer, parseRawPattern, RegExpMatcher } from 'obscenity';
import stemsJson from '../../../rules/lexicons/profanity-stems.json';
import wordsJson from '../../../rules/lexicons/profanity.json';
import { parseLexicon } from '../../data/lexicons.js';
import type { LexiconEntry } from '../../data/schema.js';
import { entryMap, lexiconMatcher, TokenMask, tokensInSpan, withoutLeadingArticle, writtenAsName } from '../abuse.js';
import { defineRule, type Hit } from '../rule.js';
import { analyse, type Doc } from '../text/doc.js';
import { PhraseMatcher } from '../text/pattern.js';
import { RangeIndex } from '../text/spans.js';

const STEMS = parseLexicon(stemsJson, 'rules/lexicons/profanity-stems.json');
const WORDS = parseLexicon(wordsJson, 'rules/lexicons/profanity.json');

const STEM_ENTRIES: LexiconEntry[] = STEMS.entries;
const STEM_PATTERNS: Array<{ entry: LexiconEntry }> = [];
const STEM_MATCHER = new RegExpMatcher({
  blacklistedTerms: STEM_ENTRIES.flatMap((entry) =>
    entry.patterns.map((p) => {
      STEM_PATTERNS.push({ entry });
      return { id: STEM_PATTERNS.length - 1, pattern: parseRawPattern(p) };
    }),
  ),
  // letters that are doubled in the stems themselves (piss, bollocks, boobs, jizz, titties) keep two
  blacklistMatcherTransformers: [
    collapseDuplicatesTransformer({
      defaultThreshold: 1,
      customThresholds: new Map([
        ['s', 2],
        ['l', 2],
        ['o', 2],
        ['z', 2],
        ['e', 2],
        ['t', 2],
      ]),
    }),
  ],
});
/** Known swear words: what a starred-out word may stand for ("f***", "c**t"), and compounds that are never names. */
const KNOWN = new Set((STEMS.classes?.['known-words'] ?? []).map((w) => w.toLowerCase()));
const KNOWN_BY_LENGTH = new Map<number, string[]>();
for (const w of KNOWN) KNOWN_BY_LENGTH.set(w.length, [...(KNOWN_BY_LENGTH.get(w.length) ?? []), w]);

/** Letters a stem may keep doubled; other runs collapse to one letter (as the transformer above does). */
const KEEP_DOUBLE = new Set(['s', 'l', 'o', 'z', 'e', 't']);
/** The text with letter runs collapsed, and for each character kept, where it is in the text. */
function collapse(text: string): { text: string; origin: Int32Array } {
  const origin = new Int32Array(text.length);
  let out = '';
  let n = 0;
  for (let k = 0; k < text.length; ) {
    const c = text[k]!;
    let e = k + 1;
    if (c >= 'a' && c <= 'z') while (e < text.length && text[e] === c) e++;
    const keep = e - k > 1 && KEEP_DOUBLE.has(c) ? 2 : 1;
    for (let j = 0; j < keep; j++) {
      origin[n++] = k + j;
      out += c;
    }
    k = e;
  }
  return { text: out, origin: origin.subarray(0, n) };
}
/**
 * The longest plain-letter piece of every stem pattern: obscenity (which allocates per character)
 * runs only when the collapsed word view contains one of them, which most drafts do not.
 */
function core(pattern: string): string {
  const pieces = pattern.replace(/^\||\|$/g, '').split(/\[[^\]]*\]|\?/);
  let best = 0;
  for (let k = 1; k < pieces.length; k++) if (pieces[k]!.length > pieces[best]!.length) best = k;
  // a word-edge anchor next to the piece is a space in the word view (" ass " but not "class")
  const before = best === 0 && pattern.startsWith('|') ? ' ' : '';
  const after = best === pieces.length - 1 && pattern.endsWith('|') ? ' ' : '';
  return before + pieces[best]! + after;
}
const STEM_CORES = new RegExp(
  [...new Set(STEM_ENTRIES.flatMap((e) => e.patterns.map(core)))]
    .filter((c) => c.trim())
    .map((c) => c.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    .join('|'),
  'g',
);

/**
 * Obscenity reads only the words around a core, not the whole draft. That gives the same matches
 * when every stem pattern is a plain run of letters and single spaces (no wildcard, no optional
 * part): a match then covers at most STEM_REACH words and always contains its core. With any other
 * pattern in the lexicon, the whole view is read, as before.
 */
const LITERAL_STEMS = STEM_ENTRIES.every((e) => e.patterns.every((p) => /^\|?[a-z0-9]+(?: [a-z0-9]+)*\|?$/.test(p)));
const STEM_REACH = Math.max(...STEM_ENTRIES.flatMap((e) => e.patterns.map((p) => p.split(' ').length)));

/** The index of the last value at or before c in an ascending list, or -1. */
function lastAtOrBefore(sorted: readonly number[], c: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid]! <= c) lo = mid + 1;
    else hi = mid;
  }
  return lo - 1;
}

/**
 * Obscenity's matches in a stem view (" w1 w2 w3 "), in its order (by term, then position), reading
 * only around the cores; `{ windows: false }` reads the whole view (for the test that they agree).
 */
export function stemMatches(text: string, { windows: around = true } = {}): ReturnType<typeof STEM_MATCHER.getAllMatches> {
  const collapsed = collapse(text);
  STEM_CORES.lastIndex = 0;
  if (!STEM_CORES.test(collapsed.text)) return [];
  if (!LITERAL_STEMS || !around) return STEM_MATCHER.getAllMatches(text);
  // the words touched by each core and STEM_REACH words either side; the view has one space between
  // words and one at each end, so a window runs from a space to a space
  const spaces: number[] = [];
  for (let k = 0; k < text.length; k++) if (text.charCodeAt(k) === 32) spaces.push(k);
  const spaceAtOrBefore = (c: number) => lastAtOrBefore(spaces, c);
  const windows: Array<[number, number]> = [];
  STEM_CORES.lastIndex = 0;
  for (let m = STEM_CORES.exec(collapsed.text); m; m = STEM_CORES.exec(collapsed.text)) {
    const a = collapsed.origin[m.index]!;
    const b = collapsed.origin[m.index + m[0].length - 1]!;
    const before = spaceAtOrBefore(a);
    const after = text.charCodeAt(b) === 32 ? spaceAtOrBefore(b) : spaceAtOrBefore(b) + 1;
    const from = spaces[Math.max(0, before - STEM_REACH)]!;
    const to = spaces[Math.min(spaces.length - 1, after + STEM_REACH)]! + 1;
    const last = windows[windows.length - 1];
    if (last && from < last[1]) last[1] = Math.max(last[1], to);
    else windows.push([from, to]);
  }
  const found: ReturnType<typeof STEM_MATCHER.getAllMatches> = [];
  for (const [from, to] of windows) {
    for (const x of STEM_MATCHER.getAllMatches(text.slice(from, to))) found.push({ ...x, startIndex: x.startIndex + from, endIndex: x.endIndex + from });
  }
  return found.sort((a, b) => a.termId - b.termId || a.startIndex - b.startIndex);
}

/** Allow-lists of the stem entries, matched on the deobfuscated view only for entries that matched. */
const STEM_ALLOW = new Map(
  STEM_ENTRIES.filter((e) => e.allow?.length).map((e) => [e.id, new PhraseMatcher([{ id: e.id, patterns: e.allow! }], STEMS.classes ?? {})]),
);
const WORD_MATCHER = lexiconMatcher(WORDS);
const WORD_ENTRIES = entryMap(WORDS);

/**
 * The text obscenity reads: " w1 w2 w3 " plus each multi-word hashtag joined (" onlyfans "), and
 * which tokens each character came from (looked up by `from`, only for the few characters a hit
 * starts or ends on: a table per character was a fifth of a check's allocation).
 */
interface StemView {
  text: string;
  /** the tokens character c of `text` came from ([first, last]), or null for a space between words */
  from(c: number): [number, number] | null;
  /** where each token's own word starts in `text` */
  pos: Int32Array;
}

function stemView(doc: Doc): StemView {
  const parts: string[] = [];
  // one segment per word written: where it starts in `text`, its length and the tokens it came from
  const segStart: number[] = [];
  const segEnd: number[] = [];
  const segFirst: number[] = [];
  const segLast: number[] = [];
  const pos = new Int32Array(doc.tokens.length);
  let length = 0;
  const add = (s: string, a: number, b: number) => {
    const at = length + 1; // after the space
    if (a === b && pos[a] === 0) pos[a] = at;
    parts.push(' ', s);
    segStart.push(at);
    segEnd.push(at + s.length);
    segFirst.push(a);
    segLast.push(b);
    length = at + s.length;
  };
  // a hashtag's tokens, found by tagId: Tag.first/last are not remapped when spaced-out letters
  // earlier in the draft are joined ("J o s h @joshbrown2016"), so they can point past the end
  const tagTokens = new Map<number, number[]>();
  for (const t of doc.tokens) {
    if (t.deob) add(t.deob, t.i, t.i);
    if (t.tagId >= 0) {
      const list = tagTokens.get(t.tagId);
      if (list) list.push(t.i);
      else tagTokens.set(t.tagId, [t.i]);
    }
  }
  for (const list of tagTokens.values()) {
    if (list.length < 2) continue;
    add(list.map((k) => doc.tokens[k]!.deob).join(''), list[0]!, list[list.length - 1]!);
  }
  parts.push(' ');
  const from = (c: number): [number, number] | null => {
    // the last segment starting at or before c (segments are in text order)
    const j = lastAtOrBefore(segStart, c);
    return j >= 0 && c < segEnd[j]! ? [segFirst[j]!, segLast[j]!] : null;
  };
  return { text: parts.join(''), from, pos };
}

interface Found {
  first: number;
  last: number;
  entry: LexiconEntry;
  /** set when the hit starts inside its first token ("a c.r.a.p day": the article is not the word) */
  start?: number;
  /** set for words read from the raw draft (starred-out and @-for-a words) */
  end?: number;
}

function messageFor(entry: LexiconEntry): string {
  const tags = entry.tags ?? [];
  if (tags.includes('adult-site')) return 'adult';
  if (tags.includes('lewd')) return 'lewd';
  return entry.level === 'mild' ? 'mild' : 'swear';
}

function stemHits(doc: Doc): Found[] {
  if (doc.tokens.length === 0) return [];
  const view = stemView(doc);
  const matches = stemMatches(view.text);
  if (matches.length === 0) return [];
  const allowed = new Map<string, RangeIndex>();
  const isAllowed = (id: string, first: number, last: number) => {
    const matcher = STEM_ALLOW.get(id);
    if (!matcher) return false;
    let spans = allowed.get(id);
    if (!spans) allowed.set(id, (spans = new RangeIndex(matcher.match(doc, 'deobView'))));
    return spans.overlaps(first, last);
  };
  const out: Found[] = [];
  for (const m of matches) {
    const at = view.from(m.startIndex);
    const to = view.from(m.endIndex);
    if (!at || !to) continue;
    const first = at[0];
    const last = to[1];
    const entry = STEM_PATTERNS[m.termId]!.entry;
    if (isAllowed(entry.id, first, last)) continue;
    let start: number | undefined;
    if (first === last) {
      const t = doc.tokens[first]!;
      if (t.contraction) continue;
      // "Dick Whittington", "Moby Dick": a capitalised name, not the insult
      if (entry.tags?.includes('name') && writtenAsName(doc, first)) continue;
      // a stem inside a longer capitalised name: "Twatt" (Orkney), "Shitamachi", "Bitchfield"
      const from = view.pos[first]!;
      const to = from + t.deob.length; // exclusive
      const inWord = m.startIndex >= from && m.endIndex < to;
      const partial = m.startIndex > from || m.endIndex + 1 < to;
      if (inWord && partial && !t.spaced && !KNOWN.has(t.deob) && writtenAsName(doc, first)) continue;
      // "what a f.u.c.k.i.n.g mess": the glued-on article is not part of the word
      const rest = m.startIndex > view.pos[first]! ? withoutLeadingArticle(doc, t) : null;
      if (rest) start = rest.start;
    }
    out.push(start === undefined ? { first, last, entry } : { first, last, entry, start });
  }
  return out;
}

function wordHits(doc: Doc): Found[] {
  const out: Found[] = [];
  for (const m of WORD_MATCHER.match(doc, 'deobView')) {
    const entry = WORD_ENTRIES.get(m.id)!;
    // "he'll" folds to "hell", "she'd" to "shed" (Token.contraction)
    if (m.first === m.last && doc.tokens[m.first]!.contraction) continue;
    out.push({ first: m.first, last: m.last, entry });
  }
  // "a c.r.a.p day": the tokenizer glued the article on (see withoutLeadingArticle)
  const found = new TokenMask(doc.tokens.length);
  for (const o of out) found.mark(o.first, o.last);
  for (const t of doc.tokens) {
    const rest = withoutLeadingArticle(doc, t);
    if (!rest || found.overlaps(t.i, t.i)) continue;
    const inner = WORD_MATCHER.match(analyse(rest.word), 'deobView')[0];
    if (inner) out.push({ first: t.i, last: t.i, entry: WORD_ENTRIES.get(inner.id)!, start: rest.start });
  }
  return out;
}


/** The stem entry a plain word belongs to, if any ("twat" -> twat). */
function entryOfWord(word: string): LexiconEntry | undefined {
  const m = STEM_MATCHER.getAllMatches(` ${word} `)[0];
  if (m) return STEM_PATTERNS[m.termId]!.entry;
  // whole-word swearing ("cr@p", "bl**dy") is in the word lexicon
  const w = WORD_MATCHER.match(analyse(word), 'deobView')[0];
  return w ? WORD_ENTRIES.get(w.id) : undefined;
}

/**
 * Words the tokenizer cannot read: letters starred out ("f***" is cut to "f", "c**t" loses its
 * letters) and "@" for "a" ("tw@t" splits at the @). Read from the raw draft; linear in its length.
 */
function rawHits(doc: Doc): Found[] {
  const out: Found[] = [];
  if (!/[*@]/.test(doc.draft)) return out;
  // words of letters, stars and @ (one linear pass, no backtracking), then only those with * or @
  const re = /[A-Za-z*@]+/g;
  for (let m = re.exec(doc.draft); m; m = re.exec(doc.draft)) {
    let raw = m[0];
    let start = m.index;
    const lead = /^[*@]+/.exec(raw);
    if (lead) {
      raw = raw.slice(lead[0].length);
      start += lead[0].length;
    }
    if (raw.length < 3 || raw.length > 20 || !/[*@]/.test(raw)) continue;
    const end = start + raw.length;
    // an e-mail address or a handle is not a word: "jo@school.org", "hello@StAidans"
    if (raw.includes('@') && (doc.draft[end] === '.' || /@[A-Z]/.test(raw))) continue;
    const lower = raw.toLowerCase().replace(/@/g, 'a');
    let word: string | undefined;
    if (lower.includes('*')) {
      const candidates = KNOWN_BY_LENGTH.get(lower.length);
      if (!candidates) continue;
      word = candidates.find((w) => [...lower].every((c, k) => c === '*' || c === w[k]));
    } else word = lower;
    if (!word) continue;
    const entry = entryOfWord(word);
    if (!entry) continue;
    const span = tokensInSpan(doc, start, end);
    if (!span) continue;
    out.push({ first: span[0], last: span[1], entry, start, end });
  }
  return out;
}

const rank = (f: Found) => (f.entry.level === 'mild' ? 0 : 1);

export default defineRule({
  meta: {
    id: 'profanity',
    description: 'Swearing, obscene, lewd or sexually explicit language, and links to adult content (mild words such as "bloody" at info).',
    messages: {
      swear: { text: 'Contains swearing.', policy: 'say posts must not contain offensive or obscene language' },
      mild: 'Contains a mild swear word. Some readers will still find it unprofessional from a member of staff.',
      lewd: { text: 'Contains sexually explicit language.', policy: 'say posts must not be lewd or obscene' },
      adult: { text: 'Links to or names an adult content site.', policy: 'say posts must not be lewd or obscene' },
    },
    lexical: true,
  },
  check(doc) {
    const found = [...stemHits(doc), ...wordHits(doc), ...rawHits(doc)];
    if (found.length === 0) return [];
    // one finding per stretch of words: the strongest (and then the longest) wins
    found.sort((a, b) => rank(b) - rank(a) || b.last - b.first - (a.last - a.first) || a.first - b.first);
    const kept: Found[] = [];
    const taken = new TokenMask(doc.tokens.length);
    for (const f of found) {
      if (taken.overlaps(f.first, f.last)) continue;
      taken.mark(f.first, f.last);
      kept.push(f);
    }
    kept.sort((a, b) => a.first - b.first);
    return kept.map((f): Hit => {
      const start = f.start ?? doc.tokens[f.first]!.start;
      const end = f.end ?? doc.tokens[f.last]!.end;
      const hit: Hit = { start, end, messageId: messageFor(f.entry) };
      if (f.entry.level === 'mild') hit.cap = 'info';
      return hit;
    });
  },
});
