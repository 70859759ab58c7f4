// Shared context questions several rules ask of a draft: is it about work, is this word in a pupil
// context, is this phrase negated. The vocabulary is data (rules/lexicons/context.json).
import contextJson from '../../rules/lexicons/context.json';
import { parseLexicon } from '../data/lexicons.js';
import { FIRST_NAMES, NAME_WORD_KEYS } from './name-lists.js';
import type { Doc } from './text/doc.js';
import type { RuleId } from './types.js';
import { adjacent, inTag, titleCaseSentence, type PhraseKeys } from './names.js';
import { foldWord, PhraseMatcher, type PhraseMatch } from './text/pattern.js';
import type { Token } from './text/tokenize.js';

export const CONTEXT = parseLexicon(contextJson, 'rules/lexicons/context.json');
const classes = CONTEXT.classes ?? {};

function classMatcher(name: string): PhraseMatcher {
  return new PhraseMatcher([{ id: name, patterns: [`@${name}`] }], classes);
}

function wordSet(name: string): Set<string> {
  return new Set((classes[name] ?? []).filter((w) => !/\s/.test(w)).map(foldWord));
}

const matchers = {
  pupil: classMatcher('pupil'),
  schoolGroup: classMatcher('school-group'),
  family: classMatcher('family'),
  community: classMatcher('school-community'),
  work: classMatcher('work'),
};
/** not, never, no, don't...: the negator class of rules/lexicons/context.json, folded. */
export const NEGATORS: ReadonlySet<string> = wordSet('negator');
const REPORTING = wordSet('reporting');
/** Words before "stop" that make it a noun ("the bus stop", "a full stop", "next stop"), which negates nothing. */
const STOP_NOUN_AFTER = new Set(['the', 'a', 'an', 'bus', 'tram', 'coach', 'full', 'pit', 'request', 'next', 'last', 'first', 'one', 'this', 'that', 'my', 'our', 'your', 'his', 'her', 'their', 'every', 'each', 'no']);

/**
 * Is token k a negator? A word of the negator class, unless it is "stop"/"stops" used as a noun:
 * "the lads who smashed up the bus stop ... break their legs" denies nothing.
 */
export function negatorAt(doc: Doc, k: number): boolean {
  const t = doc.tokens[k];
  if (!t || !NEGATORS.has(t.norm)) return false;
  if (t.norm === 'stop' || t.norm === 'stops') {
    const p = doc.tokens[k - 1];
    if (p && p.sentence === t.sentence && STOP_NOUN_AFTER.has(p.norm)) return false;
  }
  return true;
}
/** Words that turn a negator into an exclamation: "can't believe", "can't wait", "no wonder", "not gonna lie", "no doubt". */
const NOT_NEGATED_BY = wordSet('not-negated-by');

const CODE = /^(\d{1,2}[a-z]{1,2}|y\d{1,2}|yr\d{1,2})$/;
/** Primary 1-7 and secondary 1-6 in Scotland and Northern Ireland ("P7s", "S2"). */
const SCOT_YEAR = /^(p[1-7]|s[1-6])s?$/;
/** Words around a singular "P1"-"P7" that make it a page, a level, a priority or a form, not a year group. */
const P_NOT_YEAR_BEFORE = wordSet('p-not-year-before');
const P_NOT_YEAR_AFTER = wordSet('p-not-year-after');
const SCOT_YEAR_NEXT = wordSet('scot-year-next');
/** "an S3 who thinks…", "wee S5 in my Higher class": a year group led like a person and going on like one */
const SCOT_YEAR_LEAD = wordSet('scot-year-lead');
const SCOT_YEAR_THEN = wordSet('scot-year-then');
/** Unit and ordinal suffixes that make "10k", "2nd", "6pm", "90s" look like class codes. */
const NOT_A_CODE = /^\d{1,2}(st|nd|rd|th|am|pm|k|km|m|mm|cm|ml|l|g|kg|lb|mb|gb|tb|hr|h|s|x|ft|mi|p|mph|yo)$/;
const NOT_CLASS_BEFORE = new Set((CONTEXT.classes?.['not-class-before'] ?? []).map((w) => foldWord(w)));
const venueMatcher = new PhraseMatcher([{ id: 'venue', patterns: ['@not-class-venue'] }], CONTEXT.classes ?? {});
const venueCache = new WeakMap<Doc, ReadonlySet<number>>();
/** Sentences that are at an airport, a hospital, a hotel or on a bus: their "8A", "5B", "2A" are gates, wards and routes. */
function venueSentences(doc: Doc): ReadonlySet<number> {
  let v = venueCache.get(doc);
  if (!v) venueCache.set(doc, (v = new Set(venueMatcher.match(doc).map((m) => doc.tokens[m.first]!.sentence))));
  return v;
}

/** "ward 5B", "Room 10B", "gate 8A"; "8A is the best gate at the City Airport": a code-shaped word that numbers a place. */
function placeNumber(doc: Doc, t: Token): boolean {
  if (!CODE.test(t.norm)) return false;
  const before = doc.tokens[t.i - 1];
  if (before && before.sentence === t.sentence && NOT_CLASS_BEFORE.has(before.norm)) return true;
  return venueSentences(doc).has(t.sentence);
}

/** The first half of a postcode ("BL2", "M1", "SW1A"): the "6QT" after it is not a class. */
const POSTCODE_OUTWARD = /^[a-z]{1,2}\d[a-z\d]?$/;

/**
 * A class or year code: "5B", "4b", "11X", "Y6", "Yr6". Not a unit, ordinal or time ("2nd", "10k",
 * "6pm", "90s") unless the letter was typed as a capital ("6K"), and not the second half of a
 * postcode ("BL2 6QT"). The one definition every rule uses.
 */
export function isClassCode(doc: Doc, t: Token): boolean {
  // "ward 5B", "Room 10B", "gate 8A"; "8A is the best gate at the City Airport": a place's number, not a class,
  // even where the school has a form of that name
  if (placeNumber(doc, t)) return false;
  if (classMentionAt(doc, t.i)) return true;
  // Scottish and Northern Irish year groups: "P7", "S2s", typed with a capital ("p7" is too many other things)
  // and, singular, only beside a class word or as "my/our S2" ("Galaxy S6", "level P2" are not)
  if (SCOT_YEAR.test(t.norm)) {
    if (!/^[PS]/.test(doc.draft.slice(t.start, t.end))) return false;
    const p = doc.tokens[t.i - 1];
    if (t.norm.endsWith('s')) return !(p && p.sentence === t.sentence && p.cap && !p.sentenceStart); // "Samsung S5s"

    const n = doc.tokens[t.i + 1];
    if ((p !== undefined && p.sentence === t.sentence && (p.norm === 'my' || p.norm === 'our')) || (n !== undefined && n.sentence === t.sentence && SCOT_YEAR_NEXT.has(n.norm))) return true;
    if (p !== undefined && p.sentence === t.sentence && SCOT_YEAR_LEAD.has(p.norm) && n !== undefined && n.sentence === t.sentence) {
      const nn = doc.tokens[t.i + 2];
      if (SCOT_YEAR_THEN.has(n.norm) || (n.norm === 'in' && nn !== undefined && nn.sentence === t.sentence && (nn.norm === 'my' || nn.norm === 'our'))) return true;
    }
    // a primary year doing something or being somewhere: "P6 made a peace quilt", "Staff v P7 rounders", "P5 at the
    // Ulster Museum". Not a page, a level or a priority ("P6 of the report", "level P2", "a P1 ticket"), nor a
    // model after its brand ("Sony P7 camera"); the secondary S1-S6 are too many other things to read alone
    if (t.norm[0] !== 'p') return false;
    const after = n !== undefined && n.sentence === t.sentence ? n.norm : '';
    const before = p !== undefined && p.sentence === t.sentence ? p : undefined;
    if (before && (before.cap || P_NOT_YEAR_BEFORE.has(before.norm))) return false;
    return !P_NOT_YEAR_AFTER.has(after) && !/^\d/.test(after);
  }
  if (!CODE.test(t.norm)) return false;
  if (NOT_A_CODE.test(t.norm)) {
    const typed = doc.draft.slice(t.start, t.end);
    if (!/[A-Z]/.test(typed) || /^\d+(st|nd|rd|th|am|pm)$/.test(t.norm)) return false;
  }
  if (/^\d[a-z]{2}$/.test(t.norm)) {
    const p = doc.tokens[t.i - 1];
    if (p && p.sentence === t.sentence && POSTCODE_OUTWARD.test(p.norm) && p.end < t.start) return false;
  }
  return true;
}

// ---- The school's own class, form and house names (configuration `school.classes`) ----
// A class name is looked up, never scanned for (names.ts PhraseKeys, built once per configuration,
// bound to each draft by the engine). Names with a digit ("10JT", "6H") are codes and count as
// typed. Names that are words ("Oak", "Owls", "Willow", "Darwin") count only where the draft uses
// them as names: capitalised mid-sentence and not part of another proper noun ("Royal Oak", "Oak
// Road", "Charles Darwin"), or with a class word, a child, parent or staff word, or "in" beside
// them ("oak class", "the owls mums", "the kid in owls"). A name that is also a first name
// ("Rowan", "Willow") always needs such a cue. A mention then counts wherever a class code does:
// as a school group for every rule, as work vocabulary, and as `#` in phrase patterns (groupMatch).

export interface ClassName {
  /** as configured */
  display: string;
  /** has a digit: a form code ("10JT"), never an everyday word */
  code: boolean;
  /** also a first name ("Rowan", "Willow"): needs a cue even when capitalised */
  personName: boolean;
}
export interface SchoolClasses {
  keys: PhraseKeys<ClassName>;
  /** words that may follow a capitalised class name that has no cue ("Kestrels were", "with Owls today") */
  followers: ReadonlySet<string>;
  /** common first names: "Kayden in Curlews" is a child in a class */
  firstNames: ReadonlySet<string>;
  /** the first names of the school's own pupils and staff: "Gemma from Puffins" is the school's Gemma and its class */
  people: ReadonlySet<string>;
  /** every word of every configured class name ("KS1 Hazel": ks1, hazel), read with no cue */
  words: ReadonlySet<string>;
}

export interface ClassMention {
  /** token range, inclusive (a class word beside it included: "Oak class", "Dosbarth Derw") */
  first: number;
  last: number;
}

const boundClasses = new WeakMap<Doc, SchoolClasses>();
/** Is token i a word of one of the school's class names, as typed and with no cue ("in Frome", "in U6")? */
export function classWordAt(doc: Doc, i: number): boolean {
  const t = doc.tokens[i];
  return !!t && !!boundClasses.get(boundDoc(doc))?.words.has(t.norm);
}

/** Gives a draft its school's class names (the engine does this once per check). */
export function bindClasses(doc: Doc, classes: SchoolClasses | null | undefined): void {
  if (classes && classes.keys.size > 0) boundClasses.set(doc, classes);
}

const CLASS_WORD = wordSet('class-word');
const CLASS_CUE = new Set([...wordSet('class-name-cue'), ...wordSet('pupil'), ...wordSet('family'), ...CLASS_WORD]);
/** Plural verbs and the like that may follow a class name (with pupil-name's name followers, given at compile). */
export const CLASS_FOLLOWERS: ReadonlySet<string> = wordSet('class-name-follower');
const CLASS_LEAD = wordSet('class-name-lead');
const CLASS_VERB = wordSet('class-name-verb');
const CLASS_PREPOSITION = new Set(['in', 'from', 'into', 'joined', 'joining', 'joins']);

const classMentionCache = new WeakMap<Doc, { mentions: ClassMention[]; at: Map<number, ClassMention> }>();

function sameSentence(doc: Doc, a: number, b: number): boolean {
  const x = doc.tokens[a];
  const y = doc.tokens[b];
  return !!x && !!y && x.sentence === y.sentence;
}

/** Does the class name at [a, b] read as a class here? */
function readsAsClass(doc: Doc, a: number, b: number, cls: ClassName, classes: SchoolClasses): boolean {
  const t = doc.tokens[a]!;
  const prev = sameSentence(doc, a - 1, a) ? doc.tokens[a - 1] : undefined;
  const next = sameSentence(doc, b, b + 1) ? doc.tokens[b + 1] : undefined;
  if (cls.code) {
    // a configured "6H" typed "6h" is six hours, as for any class code
    return /[A-Z]/.test(doc.draft.slice(t.start, t.end)) || !NOT_A_CODE.test(t.norm);
  }
  // the end of another proper noun: "Royal Oak", "Charles Darwin" (but "Our Owls", "class Oak")
  if (t.cap && prev && prev.cap && adjacent(doc, prev, t) && !CLASS_LEAD.has(prev.norm) && !CLASS_WORD.has(prev.norm)) return false;
  // a word beside it that only a class takes: "Oak class", "the Owls mums", "Oak leavers", "class Oak"
  if (next && CLASS_CUE.has(next.base) && next.clause === t.clause) return true;
  if (prev && CLASS_WORD.has(prev.norm) && prev.clause === t.clause) return true;
  // "the kid in owls", "a girl from Curlews", "Kayden in Curlews", "anyone in Owls": someone, then in/from the class
  if (prev && CLASS_PREPOSITION.has(prev.norm)) {
    for (let k = a - 2; k >= a - 5 && k >= 0 && sameSentence(doc, k, a); k--) {
      const w = doc.tokens[k]!;
      if (CLASS_CUE.has(w.base)) return true;
      // a first name in a place is as often a town ("Macy in Darwin"): only in a draft about school, unless the
      // name is one of the school's own people ("Rumour has it Gemma from Puffins is pregnant again")
      if (k === a - 2 && w.cap && t.cap && (classes.people.has(w.base) || (classes.firstNames.has(w.base) && schoolWordsIn(doc)))) return true;
    }
  }
  if (cls.personName || !t.cap || t.sentenceStart || inTag(t)) return false;
  // "running Wrens single-handed", "covering Owls": the object of a teaching verb
  if (prev && CLASS_VERB.has(prev.norm)) return true;
  // the writer's own class: "my Kestrels", "one of our Owls", "my old Curlews"
  for (let k = a - 1; k >= a - 2 && k >= 0 && sameSentence(doc, k, a); k--) if (doc.tokens[k]!.norm === 'my' || doc.tokens[k]!.norm === 'our') return true;
  // capitalised mid-sentence: a name, unless it begins another one ("Oak Road", "Aston Villa")
  if (next && next.cap && !next.sentenceStart && adjacent(doc, doc.tokens[b]!, next)) return false;
  // what follows reads after a group of people ("Kestrels were", "with Owls today"), not a thing ("the Malvern half marathon")
  if (next && next.clause === t.clause && !classes.followers.has(next.norm)) return false;
  if (titleCaseSentence(doc, a)) return false;
  // and the draft is about school somewhere else too: "we stayed in Malvern for a week" is a town
  return schoolWordsIn(doc);
}

/** Pupil, family, school or work words anywhere in the draft (the context vocabulary, not class names). */
function schoolWordsIn(doc: Doc): boolean {
  const m = contextMatches(doc);
  return m.pupil.length + m.schoolGroup.length + m.community.length + m.work.length + m.family.length > 0;
}

/** The school's class names in the draft, as the draft uses them (cached). */
/** The draft a view was made from (baseView, yearView share its tokens' places): class names are bound to it. */
function boundDoc(doc: Doc): Doc {
  for (let d: object | null = doc; d && d !== Object.prototype; d = Object.getPrototypeOf(d)) if (boundClasses.has(d as Doc)) return d as Doc;
  return doc;
}

export function classMentions(view: Doc): ClassMention[] {
  const doc = boundDoc(view);
  let c = classMentionCache.get(doc);
  if (c) return c.mentions;
  c = { mentions: [], at: new Map() };
  classMentionCache.set(doc, c);
  const classes = boundClasses.get(doc);
  if (!classes) return c.mentions;
  for (let i = 0; i < doc.tokens.length; i++) {
    const found = classes.keys.at(doc, i);
    if (!found) continue;
    let a = i;
    let b = i + found[0] - 1;
    if (!readsAsClass(doc, a, b, found[1], classes)) continue;
    // the class word goes with the name: "Oak class", "Darwin House", "class Owls", "Dosbarth Derw"
    const n = doc.tokens[b + 1];
    if (n && sameSentence(doc, b, b + 1) && CLASS_WORD.has(n.norm) && adjacent(doc, doc.tokens[b]!, n)) b++;
    const p = doc.tokens[a - 1];
    if (p && sameSentence(doc, a - 1, a) && CLASS_WORD.has(p.norm) && adjacent(doc, p, doc.tokens[a]!) && a - 1 > (c.mentions.at(-1)?.last ?? -1)) a--;
    const m = { first: a, last: b };
    c.mentions.push(m);
    for (let k = a; k <= b; k++) c.at.set(k, m);
    i = b;
  }
  return c.mentions;
}

/** The class-name mention covering token i, if any. */
export function classMentionAt(view: Doc, i: number): ClassMention | undefined {
  const doc = boundDoc(view);
  if (!boundClasses.has(doc)) return undefined;
  classMentions(doc);
  return classMentionCache.get(doc)!.at.get(i);
}

/**
 * Phrase matches where a class-name mention reads as a class code, so a pattern's `#` takes "Owls"
 * as it takes "4B" ("the kid in Owls", "the Oak dad"). A mention of several words is one word here;
 * match token indices are the draft's own. Without a mention, the plain match.
 */
export function groupMatch(matcher: PhraseMatcher, doc: Doc): PhraseMatch[] {
  return groupMatchOf(matcher, yearView(doc));
}

/**
 * The draft with year groups in the other UK forms read as the patterns write them: Welsh "Bl 10" as
 * "year 10", a Scottish "S3" or "P6" (where isClassCode takes it) as a class code, so `#` takes it.
 */
function yearView(doc: Doc): Doc {
  let view: Doc | undefined;
  for (let i = 0; i < doc.tokens.length; i++) {
    const t = doc.tokens[i]!;
    let norm: string | undefined;
    if ((t.norm === 'bl' || t.norm === 'blwyddyn') && yearGroupAt(doc, i) >= 0) norm = 'year';
    else if (SCOT_YEAR.test(t.norm) && isClassCode(doc, t)) norm = GROUP_WORD;
    if (!norm) continue;
    if (!view) {
      view = Object.create(doc) as Doc;
      Object.defineProperty(view, 'tokens', { value: [...doc.tokens] });
    }
    view.tokens[i] = { ...t, norm, base: norm, deob: norm };
  }
  return view ?? doc;
}

function groupMatchOf(matcher: PhraseMatcher, doc: Doc): PhraseMatch[] {
  const mentions = classMentions(doc);
  if (mentions.length === 0) return matcher.match(doc);
  const tokens: Token[] = [];
  const firstOf: number[] = [];
  const lastOf: number[] = [];
  let next = 0;
  for (const m of mentions) {
    for (let k = next; k < m.first; k++) {
      firstOf.push(k);
      lastOf.push(k);
      tokens.push(k === tokens.length ? doc.tokens[k]! : { ...doc.tokens[k]!, i: tokens.length });
    }
    const f = doc.tokens[m.first]!;
    firstOf.push(m.first);
    lastOf.push(m.last);
    tokens.push({ ...f, i: tokens.length, end: doc.tokens[m.last]!.end, norm: GROUP_WORD, base: GROUP_WORD, deob: GROUP_WORD, possessive: doc.tokens[m.last]!.possessive, numeric: false });
    next = m.last + 1;
  }
  for (let k = next; k < doc.tokens.length; k++) {
    firstOf.push(k);
    lastOf.push(k);
    tokens.push(k === tokens.length ? doc.tokens[k]! : { ...doc.tokens[k]!, i: tokens.length });
  }
  const view = Object.create(doc) as Doc;
  Object.defineProperty(view, 'tokens', { value: tokens });
  return matcher.match(view).map((m) => ({ ...m, first: firstOf[m.first]!, last: lastOf[m.last]! }));
}
/** How a class-name mention reads to a phrase pattern: a class code, so `#` takes it. */
const GROUP_WORD = '0class';

/** "year 6", "yr 9", "year six" at token i (returns the index of the number token, or -1). */
export function yearGroupAt(doc: Doc, i: number): number {
  const t = doc.tokens[i];
  const n = doc.tokens[i + 1];
  if (!t || !n) return -1;
  // Welsh schools' "Bl 10", "Blwyddyn 6" (blwyddyn, year), typed with a capital
  if (!/^(year|yr|years)$/.test(t.norm) && !(/^(bl|blwyddyn)$/.test(t.norm) && /^B/.test(doc.draft.slice(t.start, t.end)) && /^\d{1,2}$/.test(n.norm))) return -1;
  if (/^(\d{1,2}s?|reception|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|sevens|elevens|sixes|nines|tens)$/.test(n.norm)) return i + 1;
  return -1;
}

const baseCache = new WeakMap<Doc, Doc>();

/**
 * The draft with possessives read as their base word ("Ofsted's" as "ofsted", "my form's" as "my
 * form", "the head's" as "the head"), for vocabulary that is about a word whatever owns what: the
 * phrase matcher reads `norm`, which keeps the "s" (RULES.md: possessives match like the word).
 */
export function baseView(doc: Doc): Doc {
  let d = baseCache.get(doc);
  if (d) return d;
  if (!doc.tokens.some((t) => t.possessive)) d = doc;
  else {
    d = Object.create(doc) as Doc;
    Object.defineProperty(d, 'tokens', { value: doc.tokens.map((t) => (t.possessive ? { ...t, norm: t.base, deob: t.base } : t)) });
  }
  baseCache.set(doc, d);
  return d;
}

/** Cached per Doc: matches of each context class. */
const cache = new WeakMap<Doc, Record<keyof typeof matchers, PhraseMatch[]>>();

export function contextMatches(doc: Doc): Record<keyof typeof matchers, PhraseMatch[]> {
  let c = cache.get(doc);
  if (!c) {
    const b = baseView(doc);
    c = {
      pupil: matchers.pupil.match(b),
      schoolGroup: matchers.schoolGroup.match(b),
      family: matchers.family.match(b),
      community: matchers.community.match(b),
      work: matchers.work.match(b),
    };
    cache.set(doc, c);
  }
  return c;
}

const groupCache = new WeakMap<Doc, number[]>();

/** Year groups ("Year 6", at the word "Year") and class codes ("5B") anywhere in the draft, as token indices (cached). */
export function schoolGroupTokens(doc: Doc): number[] {
  let out = groupCache.get(doc);
  if (out) return out;
  out = [];
  for (let i = 0; i < doc.tokens.length; i++) {
    if (isClassCode(doc, doc.tokens[i]!)) out.push(i);
    else if (yearGroupAt(doc, i) >= 0) out.push(i);
  }
  groupCache.set(doc, out);
  return out;
}

const positionCache = new WeakMap<Doc, Int32Array>();

/** Where pupil context starts (pupil words, school groups, year groups, class codes): token indices, sorted, no repeats (cached). */
export function pupilPositions(doc: Doc): Int32Array {
  let at = positionCache.get(doc);
  if (!at) {
    const m = contextMatches(doc);
    at = Int32Array.from(new Set([...m.pupil.map((x) => x.first), ...m.schoolGroup.map((x) => x.first), ...schoolGroupTokens(doc)])).sort();
    positionCache.set(doc, at);
  }
  return at;
}

/** Is there pupil context (pupil words, year groups, class codes, school groups) within `window` tokens of i, in the same sentence? */
export function pupilContextNear(doc: Doc, i: number, window = 8): boolean {
  const s = doc.tokens[i]?.sentence;
  // asked once per name or target: bisect to the few positions within the window
  const at = pupilPositions(doc);
  let lo = 0;
  let hi = at.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (at[mid]! < i - window) lo = mid + 1;
    else hi = mid;
  }
  for (let k = lo; k < at.length && at[k]! <= i + window; k++) if (at[k] !== i && doc.tokens[at[k]!]?.sentence === s) return true;
  return false;
}

/** Does the draft talk about work (school, class, pupils, colleagues, teaching, marking, SLT...)? */
export function workMentions(doc: Doc): PhraseMatch[] {
  const m = contextMatches(doc);
  return [...m.work, ...schoolGroupTokens(doc).map((k) => ({ id: 'year-group', first: k, last: k, start: doc.tokens[k]!.start, end: doc.tokens[k]!.end }))];
}

/** A negator (not, never, don't...) within `window` tokens before token `first`, in the same clause. */
export function negatedBefore(doc: Doc, first: number, window = 4): boolean {
  const t = doc.tokens[first];
  if (!t) return false;
  for (let k = first - 1; k >= 0 && k >= first - window; k--) {
    const p = doc.tokens[k]!;
    if (p.sentence !== t.sentence) break;
    // "I'm not being funny but I'll be waiting for...", "not racist but...": what follows "but" is said, not denied
    if (p.norm === 'but') break;
    // "No, the school does not agree", "Nope. We'll waive it": an answer on its own, not a negator of what follows
    if ((p.norm === 'no' || p.norm === 'nope' || p.norm === 'nah') && doc.tokens[k + 1]!.clause !== p.clause) continue;
    if (negatorAt(doc, k) || p.norm.endsWith('nt') && /^(dont|wont|cant|isnt|arent|wasnt|werent|didnt|doesnt|wouldnt|couldnt|shouldnt|mustnt|hadnt|hasnt|havent|aint)$/.test(p.norm)) {
      // "can't believe they've cut our PPA", "no wonder staff are leaving": not a negation of what follows
      const n = doc.tokens[k + 1]!;
      // "not gonna lie", "without a doubt": look past the filler to the word that turns the negator round
      const after = n.norm === 'gonna' || n.norm === 'going' || n.norm === 'a' || n.norm === 'an' ? doc.tokens[k + 2] : n;
      if (after && after.sentence === t.sentence && NOT_NEGATED_BY.has(after.norm)) continue;
      return true;
    }
  }
  return false;
}

/**
 * A negator in the phrase's own clause, up to `window` words before it ("I'm not speaking on behalf
 * of the school", "haven't come home, email me" is not a refusal); one in a clause before it is about
 * something else ("Don't worry, the school will cover the cost").
 */
export function negatedInClause(doc: Doc, first: number, window = 4): boolean {
  const clause = doc.tokens[first]!.clause;
  let w = 0;
  while (w < window && first - w - 1 >= 0 && doc.tokens[first - w - 1]!.clause === clause) w++;
  return w > 0 && negatedBefore(doc, first, w);
}

/** A reporting verb (said, called, told...) within `window` tokens before `first`, same sentence. */
export function reportedBefore(doc: Doc, first: number, window = 6): boolean {
  const t = doc.tokens[first];
  if (!t) return false;
  for (let k = first - 1; k >= 0 && k >= first - window; k--) {
    const p = doc.tokens[k]!;
    if (p.sentence !== t.sentence) break;
    // "the next kid who says it is getting...": a reporting verb in a relative clause describes someone, it reports nothing
    if (REPORTING.has(p.norm) && !/^(who|whos|that|which)$/.test(doc.tokens[k - 1]?.norm ?? '')) return true;
  }
  return false;
}

export function familyMentions(doc: Doc): PhraseMatch[] {
  return contextMatches(doc).family;
}

export function communityMentions(doc: Doc): PhraseMatch[] {
  return contextMatches(doc).community;
}

export function pupilMentions(doc: Doc): PhraseMatch[] {
  return contextMatches(doc).pupil;
}

// ---- Is the draft about the writer's work? (disclaimer-missing, pupil-image, confidential...) ----
// The `work` class mixes words only a teacher uses ("marking", "SLT", "data drop") with words that
// have everyday senses ("trip", "concert", "term", "mark"). `work-edu` and `work-life` list the
// ambiguous ones: an education-flavoured word counts with one more work word; an everyday word
// counts only beside an education word; `work-nouns` ("trust", "pay", "mark") count only after a
// determiner ("the trust", "our pay"). A parent's own children ("my daughter's homework") weaken
// the education words. Year groups and class codes are strong, but "2nd", "10k", "6pm" are not codes.

const phraseKey = (p: string) => p.split(/[\s-]+/).filter(Boolean).map(foldWord).join(' ');
function phraseSet(name: string): Set<string> {
  return new Set((classes[name] ?? []).map(phraseKey));
}
const WORK_EDU = phraseSet('work-edu');
const WORK_LIFE = phraseSet('work-life');
/**
 * "Our Caitlín's first day at big school", "my Ollie": "my"/"our" and a common first name is the writer's
 * family (as pupil-name reads it). The names are name-lists.ts's first names, less the ones that are
 * also words (name-words.json: "our Will" may be "our will"), read here as the class @first-name.
 */
const FIRST_NAME_CLASS: string[] = [...FIRST_NAMES].filter((w) => !NAME_WORD_KEYS.has(w));
const ownFamilyMatcher = new PhraseMatcher(
  [{ id: 'own-family', patterns: ['@own-family', 'my|our @first-name'] }, ...(CONTEXT.entries ?? []).filter((e) => e.tags?.includes('own-family'))],
  { ...classes, 'first-name': FIRST_NAME_CLASS },
);
const schoolNounMatcher = classMatcher('school-noun');
const OTHER_SCHOOL_WITH = phraseSet('other-school-with');
const WORK_NOUNS = phraseSet('work-nouns');
const OCCASIONS = phraseSet('occasion');
const WORK_GENERIC = phraseSet('work-generic');
const newsFrameMatcher = classMatcher('news-frame');
/** the news and television alone (not news-frame's 'teachers who', 'a school in'): a story about someone else's school */
const mediaFrameMatcher = classMatcher('media-frame');
const ownWorkMatcher = classMatcher('own-work');
/** my, our, I, we just before a work word: the writer's own ("our new head", "my lovely Year 9s", "we had Ofsted"). */
const OWNERS = new Set(['my', 'our', 'we', 'us', 'i', 'im', 'ive', 'id', 'weve', 'were']);
/** An ordinal is an occasion: "marking my mum's 70th", "marking our 25th". */
const ORDINAL = /^\d{1,3}(st|nd|rd|th)$/;

/** An occasion noun within three words after token i: "marking my 40th birthday". */
function occasionAfter(doc: Doc, i: number): boolean {
  for (let k = i + 1; k <= i + 3 && k < doc.tokens.length; k++) {
    const t = doc.tokens[k]!;
    if (t.sentence !== doc.tokens[i]!.sentence) return false;
    if (OCCASIONS.has(t.base) || ORDINAL.test(t.norm)) return true;
  }
  return false;
}
/** Exams a writer sat: "my GCSEs", "my GCSE results" (but "my GCSE class" is their work). */
const OWN_EXAMS = new Set(['gcse', 'gcses', 'a level', 'a levels', 'sats', 'exams', 'mocks']);
const OWN_EXAM_NEXT = new Set(['results', 'result', 'grades', 'grade', 'certificate', 'certificates']);
/** People of the writer's own schooldays when they are "my own": "my own teachers were clueless about dyslexia". */
const SCHOOLDAYS_PEOPLE = new Set(['teacher', 'teachers', 'headteacher', 'head teacher', 'headmaster', 'headmistress', 'the head', 'school', 'tutor']);
const DETERMINERS = new Set(['the', 'a', 'an', 'our', 'my', 'their', 'his', 'her', 'your', 'this', 'that', 'of', 'no', 'every', 'each', 'next', 'last']);

/** The token words of a match, joined by spaces ("parents evening"). */
export function matchPhrase(doc: Doc, m: PhraseMatch): string {
  const out: string[] = [];
  for (let k = m.first; k <= m.last; k++) out.push(doc.tokens[k]!.norm);
  return out.join(' ');
}

export interface WorkSignals {
  /** words only a teacher's work explains ("marking", "my class", "Year 9", "INSET") */
  strong: PhraseMatch[];
  /** education words with other senses ("lesson", "exam", "school", "report") */
  edu: PhraseMatch[];
  /** everyday words that are work words only beside others ("trip", "concert", "pay", "work") */
  life: PhraseMatch[];
  /** the writer speaks of their own children ("my daughter", "our kids"): see `work-parent` */
  ownFamily: boolean;
  /** education words set aside as someone else's school: the news, a report, a TV drama, "teachers who..." */
  setAside: PhraseMatch[];
  /** the draft is framed as the news or a TV drama (media-frame), and claims no work as the writer's own */
  elsewhere: boolean;
}

/** Does the draft claim the work as the writer's own ("as a teacher", "my class", "our new head", "I teach")? */
function ownsWork(doc: Doc, work: readonly PhraseMatch[]): boolean {
  if (ownWorkMatcher.match(doc).length > 0) return true;
  return work.some((m) => {
    for (let k = m.first - 1; k >= m.first - 3 && k >= 0; k--) {
      const p = doc.tokens[k]!;
      if (p.sentence !== doc.tokens[m.first]!.sentence) break;
      if (OWNERS.has(p.norm)) return true;
    }
    return false;
  });
}

/**
 * Is the draft about someone else's school, framed as the news or a TV drama, naming no one of this
 * school ("the BBC story about the teacher struck off", "Anyone else watching Waterloo Road? The head
 * in that is an absolute nightmare")? Given the hits so far, names of this school's people count.
 */
export function elsewhereOnly(doc: Doc, hits: ReadonlyMap<RuleId, readonly unknown[]>): boolean {
  return workSignals(doc).elsewhere && !(['pupil-name', 'staff-name', 'school-identity'] as const).some((id) => (hits.get(id)?.length ?? 0) > 0);
}

/**
 * Sentences that name another school and say nothing of the writer's: "the new head at St Erth primary",
 * "Helston's new sixth form block", "the pupils at a Bolton school", "a Welsh-medium school in Carmarthen",
 * "her school in Bolton". A school noun with a capitalised place or name before it (not the sentence's first
 * word), after a capitalised possessive, or followed by "in"/"near" and a capitalised place. Not when the
 * sentence is the writer's school meeting it ("we played Helston Primary", "Year 5 from St Erth visited",
 * "our", "my"): there the school words are still the writer's work. The configured school is school-identity's.
 */
function otherSchoolMentions(doc: Doc): Map<number, Array<{ first: number; last: number }>> {
  const out = new Map<number, Array<{ first: number; last: number }>>();
  const ts = doc.tokens;
  const capWord = (k: number, s: number) => {
    const t = ts[k];
    return !!t && t.sentence === s && t.cap && !t.allCaps && !t.numeric && (!t.sentenceStart || t.norm === 'st' || t.norm === 'saint');
  };
  for (const m of schoolNounMatcher.match(doc)) {
    const s = ts[m.first]!.sentence;
    let from = -1;
    // "St Erth primary", "a Bolton school", "a Welsh-medium school": capitalised words just before
    if (capWord(m.first - 1, s)) {
      from = m.first - 1;
      while (capWord(from - 1, s) || (ts[from - 1]?.sentence === s && ts[from - 1]!.norm === 'medium' && capWord(from - 2, s))) from -= ts[from - 1]!.norm === 'medium' ? 2 : 1;
    } else {
      // "Helston's new sixth form": a capitalised possessive within two words before
      for (let k = m.first - 1; k >= m.first - 3 && k >= 0 && ts[k]!.sentence === s; k--) {
        if (ts[k]!.possessive && capWord(k, s)) {
          from = k;
          break;
        }
      }
      // "her school in Bolton", "a school near Truro"
      const after = ts[m.last + 1];
      if (from < 0 && after && after.sentence === s && (after.norm === 'in' || after.norm === 'near') && capWord(m.last + 2, s)) from = m.first;
    }
    if (from < 0) continue;
    // the writer's school meeting it, or claiming something in the sentence
    let ours = false;
    for (let k = from - 1; k >= from - 3 && k >= 0 && ts[k]!.sentence === s; k--) if (OTHER_SCHOOL_WITH.has(ts[k]!.norm)) ours = true;
    for (let k = 0; k < ts.length && !ours; k++) if (ts[k]!.sentence === s && OWNERS.has(ts[k]!.norm) && !ownFamilyIn(doc, k)) ours = true;
    if (ours) continue;
    const last = from === m.first && ts[m.last + 1]?.norm !== undefined && !capWord(m.first - 1, s) ? m.last + 2 : m.last;
    const l = out.get(s);
    if (l) l.push({ first: from, last });
    else out.set(s, [{ first: from, last }]);
  }
  return out;
}
/** Is a work word set aside by another school named in its sentence: a general school word, or one within four words of the name ("the new head at St Erth primary")? */
function otherSchoolWord(mentions: Map<number, Array<{ first: number; last: number }>> | undefined, m: PhraseMatch, sentence: number, generic: boolean): boolean {
  const l = mentions?.get(sentence);
  if (!l) return false;
  return generic || l.some((o) => m.last >= o.first - 4 && m.first <= o.last + 4);
}
function ownFamilyIn(doc: Doc, k: number): boolean {
  return ownFamilyMentions(doc).some((m) => m.first <= k && k <= m.last);
}

const signalCache = new WeakMap<Doc, WorkSignals>();

/** "my old", "my former" just before a school person (a subject word may sit between: "my old chemistry teacher"). */
function schooldaysBefore(doc: Doc, first: number): boolean {
  const s = doc.tokens[first]!.sentence;
  for (let k = first - 1; k >= 1 && k >= first - 3; k--) {
    const t = doc.tokens[k]!;
    if (t.sentence !== s) return false;
    if ((t.norm === 'old' || t.norm === 'former') && doc.tokens[k - 1]!.norm === 'my' && doc.tokens[k - 1]!.sentence === s) return true;
  }
  return false;
}

export function workSignals(doc: Doc): WorkSignals {
  let s = signalCache.get(doc);
  if (s) return s;
  const work = contextMatches(doc).work;
  // reported news, a quoted report, a TV school, "teachers who...": education in general is someone
  // else's school unless the draft also claims the work as the writer's own (matched only where there is work vocabulary)
  const notOwn = newsFrameMatcher.match(doc).length > 0 && !ownsWork(doc, work);
  const elsewhere = work.length > 0 && notOwn;
  // media-frame is a part of news-frame: asked only where news-frame matched
  s = { strong: [], edu: [], life: [], ownFamily: ownFamilyMentions(doc).length > 0, setAside: [], elsewhere: notOwn && mediaFrameMatcher.match(doc).length > 0 };
  const otherSchool = work.length > 0 ? otherSchoolMentions(doc) : undefined;
  const owns = otherSchool && otherSchool.size > 0 && ownsWork(doc, work);
  for (const m of work) {
    const p = matchPhrase(doc, m);
    const t = doc.tokens[m.first]!;
    if ((elsewhere && WORK_GENERIC.has(p)) || (!owns && otherSchoolWord(otherSchool, m, t.sentence, WORK_GENERIC.has(p)))) {
      s.setAside.push(m);
      continue;
    }
    // "our school run": the parent's run to the school, not the writer's school
    if ((p === 'our school' || p === 'my school') && doc.tokens[m.last + 1]?.norm === 'run') continue;
    // a capitalised ambiguous word mid-sentence is a name: "Mark", "National Trust", "European Union"
    const properNoun = m.first === m.last && t.cap && !t.sentenceStart && !t.allCaps;
    // "send" is special educational needs only as the acronym SEND
    if (p === 'send' && !t.allCaps) continue;
    // "my GCSE results were awful", "my A levels": the writer's own exams, not their pupils'
    if (OWN_EXAMS.has(p) && m.first >= 1 && doc.tokens[m.first - 1]!.norm === 'my') {
      const n = doc.tokens[m.last + 1];
      if (/s$/.test(p) || (n && n.sentence === t.sentence && OWN_EXAM_NEXT.has(n.norm))) continue;
    }
    // "my own teachers", "my own head teacher": the writer's own schooldays, not their work
    if (SCHOOLDAYS_PEOPLE.has(p) && m.first >= 2 && doc.tokens[m.first - 1]!.norm === 'own' && doc.tokens[m.first - 2]!.norm === 'my') continue;
    // "my old chemistry teacher", "my former head of year": the writer's own schooldays too
    if (SCHOOLDAYS_PEOPLE.has(p) && schooldaysBefore(doc, m.first)) continue;
    // "marking my 40th birthday", "marked the occasion": marking an occasion is not marking books
    if ((p === 'marking' || p === 'marked' || p === 'mark') && occasionAfter(doc, m.last)) continue;
    // "never trust the forecast", "pay me back", "mark my words": these are work words only as nouns
    if (WORK_NOUNS.has(p) && !(m.first > 0 && DETERMINERS.has(doc.tokens[m.first - 1]!.norm))) continue;
    if (WORK_LIFE.has(p)) {
      if (!properNoun) s.life.push(m);
    } else if (WORK_EDU.has(p)) {
      if (!properNoun) s.edu.push(m);
    } else s.strong.push(m);
  }
  for (let i = 0; i < doc.tokens.length; i++) {
    const t = doc.tokens[i]!;
    const y = yearGroupAt(doc, i);
    const cm = placeNumber(doc, t) ? undefined : classMentionAt(doc, i);
    if (cm) {
      // a class name of several words is one school group
      if (cm.first === i) s.strong.push({ id: 'class-code', first: i, last: cm.last, start: t.start, end: doc.tokens[cm.last]!.end });
    } else if (y >= 0) s.strong.push({ id: 'year-group', first: i, last: y, start: t.start, end: doc.tokens[y]!.end });
    else if (isClassCode(doc, t)) s.strong.push({ id: 'class-code', first: i, last: i, start: t.start, end: t.end });
  }
  signalCache.set(doc, s);
  return s;
}

const ownFamilyCache = new WeakMap<Doc, PhraseMatch[]>();

/** "my son", "our kids", "my niece": the writer's own family (cached). */
export function ownFamilyMentions(doc: Doc): PhraseMatch[] {
  let m = ownFamilyCache.get(doc);
  // possessives read as their word: "Our Caitlín's first day", "my lad's results"
  if (!m) ownFamilyCache.set(doc, (m = ownFamilyMatcher.match(baseView(doc))));
  return m;
}

/** Does the draft's own vocabulary make it about the writer's work? (Other rules' hits are the caller's to add.) */
const WORK_PARENT = phraseSet('work-parent');

export function aboutWork(doc: Doc): boolean {
  const s = workSignals(doc);
  if (!s.ownFamily && s.strong.length > 0) return true;
  // a parent speaks of teachers, sports day and Year 6 too: with "my son" only teacher-only words count
  if (s.ownFamily && s.strong.some((m) => m.id === 'work' && !WORK_PARENT.has(matchPhrase(doc, m)))) return true;
  const edu = new Set(s.edu.map((m) => matchPhrase(doc, m)));
  if (edu.size === 0 || s.ownFamily) return false;
  return edu.size >= 2 || s.life.length > 0;
}

/** Index of the first token that ends after a draft offset (doc.tokens.length if none): maps a hit of another rule to tokens. */
export function tokenIndexAt(doc: Doc, offset: number): number {
  const ts = doc.tokens;
  let lo = 0;
  let hi = ts.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (ts[mid]!.end > offset) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}
