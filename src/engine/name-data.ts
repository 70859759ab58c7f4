// The name vocabularies shared by pupil-name, staff-name and pupil-reference, loaded once from
// rules/lexicons: names that are also words and common first names (name-lists.ts), short forms of first names,
// staff titles and staff-context words, and the cues that a word is being used as a name.
import nameVariantsJson from '../../rules/lexicons/name-variants.json';
import pupilNameJson from '../../rules/lexicons/pupil-name.json';
import staffNameJson from '../../rules/lexicons/staff-name.json';
import englishWordsJson from '../../rules/lexicons/english-words.json';
import { parseLexicon, parseWordFilter } from '../data/lexicons.js';
import { FIRST_NAMES, NAME_WORDS } from './name-lists.js';
import { WordFilter } from './text/bloom.js';
import type { SchoolConfig } from '../config/schema.js';
import { nameParts, PhraseKeys } from './names.js';
import { baseView, CLASS_FOLLOWERS, CONTEXT, isClassCode, pupilPositions, workMentions, yearGroupAt, type ClassName, type SchoolClasses } from './context.js';
import type { Doc } from './text/doc.js';
import { foldWord, PhraseMatcher, type PhraseMatch } from './text/pattern.js';
import { Containers } from './text/spans.js';

const VARIANT_LEX = parseLexicon(nameVariantsJson, 'rules/lexicons/name-variants.json');
export const PUPIL_NAME_LEX = parseLexicon(pupilNameJson, 'rules/lexicons/pupil-name.json');
export const STAFF_NAME_LEX = parseLexicon(staffNameJson, 'rules/lexicons/staff-name.json');

/**
 * How a name reads as a word: `plain` is only a name ("Oisín", "Bartosz"); `word` is also an
 * everyday word, so it counts when capitalised mid-sentence or addressed ("Grace", "Will");
 * `proper` is a word people capitalise anyway (months, places, brands), so it needs a stronger cue.
 */
export type NameClass = 'plain' | 'word' | 'proper';

const WORD_CLASS = new Map<string, NameClass>();
const SURNAME_WORDS = new Set<string>();
for (const e of NAME_WORDS.entries) {
  const tag = e.tags?.[0];
  for (const p of e.patterns) {
    const w = foldWord(p);
    if (tag === 'surname') SURNAME_WORDS.add(w);
    else if (tag === 'proper') WORD_CLASS.set(w, 'proper');
    else if (!WORD_CLASS.has(w)) WORD_CLASS.set(w, 'word');
  }
}

const ENGLISH_FILE = parseWordFilter(englishWordsJson, 'rules/lexicons/english-words.json');
/** Ordinary English words ("favour", "lovely", "cam"), as a Bloom filter: a yes is wrong about 1% of the time, which only asks a name to be used as one. */
const ENGLISH_WORDS = WordFilter.fromBase64(ENGLISH_FILE.filter.base64, ENGLISH_FILE.filter.bits, ENGLISH_FILE.filter.hashes);

/** The class of a first-name key. Names of one or two letters collide with abbreviations ("Jo", "Ed"); an everyday English word is a `word`. */
export function nameClass(key: string): NameClass {
  const c = WORD_CLASS.get(key);
  if (c) return c;
  // (a common first name the filter says yes to is one of its 1% wrong answers: the word list holds no first names)
  return key.length <= 2 || (ENGLISH_WORDS.has(key) && !FIRST_NAMES.has(key)) ? 'word' : 'plain';
}

/** Is this surname key also an ordinary word ("Brown", "Hill")? */
export function surnameIsWord(key: string): boolean {
  return SURNAME_WORDS.has(key) || WORD_CLASS.has(key) || key.length <= 2 || ENGLISH_WORDS.has(key);
}

/** Short forms: full name <-> its short forms, never short form <-> short form. */
export const VARIANTS: ReadonlyMap<string, readonly string[]> = (() => {
  const m = new Map<string, string[]>();
  const add = (a: string, b: string) => {
    if (a === b) return;
    const l = m.get(a);
    if (!l) m.set(a, [b]);
    else if (!l.includes(b)) l.push(b);
  };
  for (const e of VARIANT_LEX.entries) {
    const full = nameParts(e.id).join('');
    for (const p of e.patterns) {
      const short = nameParts(p).join('');
      add(full, short);
      add(short, full);
    }
  }
  return m;
})();

/** Common first names, for recognising a child's name that is not on the roster (name-lists.ts). */
export { FIRST_NAMES };

function classSet(lex: typeof PUPIL_NAME_LEX, name: string): Set<string> {
  return new Set((lex.classes?.[name] ?? []).map(foldWord));
}

export const TITLES: ReadonlySet<string> = classSet(STAFF_NAME_LEX, 'title');
/** How staff lists are read (titles stripped and recognised, short forms of first names): one index per list for every rule. */
export const STAFF_NAMES = { titles: TITLES, variants: VARIANTS };
/** How pupil lists are read (no titles). */
export const PUPIL_NAMES = { titles: new Set<string>() as ReadonlySet<string>, variants: VARIANTS };
/** A staff title token as it reads before a name: "Mrs", "mr", but "Miss" only capitalised ("I miss Tom"). */
export function isTitleToken(t: { norm: string; cap: boolean } | undefined): boolean {
  return !!t && TITLES.has(t.norm) && (t.cap || t.norm.length <= 3);
}
export const TAG_WORDS: ReadonlySet<string> = classSet(PUPIL_NAME_LEX, 'tag-word');
/** Hashtag words that make a name that is also a word into a name: "#ProudOfHolly", "#GoGrace" (not "#HappySummer"). */
export const NAME_TAG_WORDS: ReadonlySet<string> = classSet(PUPIL_NAME_LEX, 'name-tag-word');
export const NAME_FOLLOWERS: ReadonlySet<string> = classSet(PUPIL_NAME_LEX, 'name-follower');
export const DETERMINERS: ReadonlySet<string> = classSet(PUPIL_NAME_LEX, 'determiner');
/** What a child's possessive name goes with: "Sky's mum", "Will's predicted grades", "Sunny's PE bag". */
export const POSSESSION_CUES: ReadonlySet<string> = new Set((PUPIL_NAME_LEX.classes?.['possession-cue'] ?? []).map((p) => p.split(/\s+/).map(foldWord).join(' ')));
/** Before a month-name: a date, not a person ("SATs are in May", "next June"). */
export const TEMPORAL_PREPOSITIONS: ReadonlySet<string> = classSet(PUPIL_NAME_LEX, 'temporal-preposition');
/** What a stay somewhere is for: "Devon for half term", "Paris for the weekend". */
export const STAY_NOUNS: ReadonlySet<string> = classSet(PUPIL_NAME_LEX, 'stay-noun');
/** Going somewhere, just before "to": "got the train to Paisley", "drove to Chester", "been to Florence". */
export const TRAVEL_TO: ReadonlySet<string> = classSet(PUPIL_NAME_LEX, 'travel-to');
/** What ends a place's name: "Carntyne Road", "Beaumont Leys", "Cannock Chase", "Heaton Park". */
export const PLACE_SUFFIX: ReadonlySet<string> = classSet(PUPIL_NAME_LEX, 'place-suffix');
/** Before a surname alone, where a place stands: "collection from Heaton", "a day at Formby". */
export const PLACE_PREPOSITIONS: ReadonlySet<string> = classSet(PUPIL_NAME_LEX, 'place-preposition');
/** Countries, nations and a few states, after a comma: "Kingston, Jamaica". */
export const COUNTRIES: ReadonlySet<string> = classSet(PUPIL_NAME_LEX, 'country');
/** Before a surname alone: a pupil, as teachers say it ("Young Capstick", "little Hadley"). */
export const SURNAME_LEADS: ReadonlySet<string> = classSet(PUPIL_NAME_LEX, 'surname-lead');
/** After "that <surname>": a child ("that Hadley lad", "the Capstick twins"). */
export const SURNAME_CHILD: ReadonlySet<string> = classSet(PUPIL_NAME_LEX, 'surname-child');

/** Is the token a determiner before a name ("the", "a", "its")? "It's" (it is) is not the determiner "its". */
export function isDeterminer(t: { norm: string; possessive: boolean } | undefined): boolean {
  return !!t && DETERMINERS.has(t.norm) && !(t.norm === 'its' && t.possessive);
}

/** Does a possession cue follow the possessive name ending at token b ("Sky's mum", "Sunny's PE bag")? One or two words. */
export function possessionAfter(doc: Doc, b: number): boolean {
  const t = doc.tokens[b];
  if (!t?.possessive) return false;
  const n1 = doc.tokens[b + 1];
  if (!n1 || n1.sentence !== t.sentence || n1.clause !== t.clause) return false;
  if (POSSESSION_CUES.has(n1.base)) return true;
  const n2 = doc.tokens[b + 2];
  if (n2 && n2.clause === t.clause && POSSESSION_CUES.has(`${n1.norm} ${n2.base}`)) return true;
  // "Will's predicted grades", "Sky's new reading book": one describing word between
  return !!n2 && n2.clause === t.clause && POSSESSION_CUES.has(n2.base) && !n2.cap;
}

/** "Fish in 9PR", "Jade from Year 4", "Kayden in Curlews": right after token b, in/from a class or year group. */
export function groupedAfter(doc: Doc, b: number): boolean {
  const t = doc.tokens[b]!;
  const n = doc.tokens[b + 1];
  const g = doc.tokens[b + 2];
  if (!n || !g || n.sentence !== t.sentence || g.sentence !== t.sentence || !/^(in|from)$/.test(n.norm)) return false;
  return isClassCode(doc, g) || yearGroupAt(doc, b + 2) >= 0;
}

const relationMatcher = new PhraseMatcher(
  PUPIL_NAME_LEX.entries.filter((e) => e.id === 'relation'),
  PUPIL_NAME_LEX.classes ?? {},
);
const addressMatcher = new PhraseMatcher(
  PUPIL_NAME_LEX.entries.filter((e) => e.id === 'address'),
  PUPIL_NAME_LEX.classes ?? {},
);
const staffContextMatcher = new PhraseMatcher(
  STAFF_NAME_LEX.entries.filter((e) => e.id !== 'title'),
  STAFF_NAME_LEX.classes ?? {},
);
/** Staff-context entries that count only right before the name ("ask for Lorraine"). */
const ADJACENT_STAFF = new Set(STAFF_NAME_LEX.entries.filter((e) => e.tags?.includes('adjacent')).map((e) => e.id));
/** A staff role or a place in school anywhere in the draft ("Need the kitchen?", "ring the office"). */
const workplaceMatcher = new PhraseMatcher([{ id: 'workplace', patterns: ['@staff-role', '@subject'] }], STAFF_NAME_LEX.classes ?? {});
const workplaceCache = new WeakMap<Doc, boolean>();
function mentionsWorkplace(doc: Doc): boolean {
  let w = workplaceCache.get(doc);
  if (w === undefined) workplaceCache.set(doc, (w = workplaceMatcher.match(baseView(doc)).length > 0 || mentionsWork(doc)));
  return w;
}

const notAPersonMatcher = new PhraseMatcher(
  PUPIL_NAME_LEX.entries.filter((e) => e.id === 'not-a-person'),
  PUPIL_NAME_LEX.classes ?? {},
);

// Every question below is asked once per name in the draft, so each is answered from an index of
// the draft's matches built on first use: a draft with thousands of names stays linear.

/** Matches by the token they start on and the token they end on. */
interface ByToken {
  byFirst: Map<number, PhraseMatch[]>;
  byLast: Map<number, PhraseMatch[]>;
}

function byToken(matches: PhraseMatch[]): ByToken {
  const byFirst = new Map<number, PhraseMatch[]>();
  const byLast = new Map<number, PhraseMatch[]>();
  for (const m of matches) {
    const f = byFirst.get(m.first);
    if (f) f.push(m);
    else byFirst.set(m.first, [m]);
    const l = byLast.get(m.last);
    if (l) l.push(m);
    else byLast.set(m.last, [m]);
  }
  return { byFirst, byLast };
}

function matchIndex(cache: WeakMap<Doc, ByToken>, matcher: PhraseMatcher, doc: Doc): ByToken {
  let m = cache.get(doc);
  if (!m) cache.set(doc, (m = byToken(matcher.match(doc))));
  return m;
}

const notAPersonCache = new WeakMap<Doc, Containers>();
const NAMED_WEATHER: ReadonlySet<string> = classSet(PUPIL_NAME_LEX, 'named-weather');

/** Is token range [a, b] inside a dish, brand, idiom or title built on a first name ("eggs Benedict", "doubting Thomas")? */
export function inNotAPerson(doc: Doc, a: number, b: number): boolean {
  // a named storm: "Storm Ashley", "Hurricane Milton" (the weather word typed with a capital, just before)
  const w = doc.tokens[a - 1];
  if (w && w.cap && w.sentence === doc.tokens[a]?.sentence && NAMED_WEATHER.has(w.norm)) return true;
  let c = notAPersonCache.get(doc);
  if (!c) notAPersonCache.set(doc, (c = new Containers(notAPersonMatcher.match(doc))));
  return c.contains(a, b);
}

const addressCache = new WeakMap<Doc, ByToken>();
const staffCache = new WeakMap<Doc, ByToken>();
const relationCache = new WeakMap<Doc, ByToken>();

/** Does the writer say who the person at token i is, right before the name ("my daughter Zoe", "our dog Holly")? */
export function relationBefore(doc: Doc, i: number): boolean {
  const ending = matchIndex(relationCache, relationMatcher, doc).byLast.get(i - 1);
  return !!ending && ending.some((x) => doc.tokens[x.first]!.sentence === doc.tokens[i]!.sentence);
}

/** Does the writer say who the person at tokens ..b is right after the name, between commas ("Callie, my best mate from uni, ...")? */
export function relationAfter(doc: Doc, b: number): boolean {
  const m = matchIndex(relationCache, relationMatcher, doc);
  const t = doc.tokens[b];
  const n = doc.tokens[b + 1];
  if (!t || !n || n.sentence !== t.sentence || !/^\s*[,(–—-]\s*$/.test(doc.draft.slice(t.end, n.start))) return false;
  return m.byFirst.has(b + 1);
}

/** Is token i addressed: an address cue ("well done", "congratulations to") ends right before it? */
export function addressedAt(doc: Doc, i: number): boolean {
  const m = matchIndex(addressCache, addressMatcher, doc);
  const t = doc.tokens[i];
  if (!t) return false;
  const ending = m.byLast.get(i - 1);
  return !!ending && ending.some((x) => doc.tokens[x.first]!.sentence === t.sentence && doc.tokens[x.first]!.tagId === t.tagId);
}

/** A staff role, department or subject within `window` tokens of the range [a, b], same sentence. */
export function staffContextNear(doc: Doc, a: number, b: number, window = 4): boolean {
  // possessives read as their word: "Heather from the school office's mobile"
  const m = matchIndex(staffCache, staffContextMatcher, baseView(doc));
  const s = doc.tokens[a]!.sentence;
  const sameSentence = (x: PhraseMatch) => doc.tokens[x.first]!.sentence === s && !ADJACENT_STAFF.has(x.id);
  // "ask for Lorraine" only right before the name, and in a draft that speaks of a workplace ("Need the kitchen?"), not a garden centre
  if (m.byLast.get(a - 1)?.some((x) => ADJACENT_STAFF.has(x.id) && doc.tokens[x.first]!.sentence === s) && mentionsWorkplace(doc)) return true;
  // ending just before the range, or starting just after it (a match overlapping the range is the name itself)
  for (let k = a - window; k < a; k++) if (m.byLast.get(k)?.some(sameSentence)) return true;
  for (let k = b + 1; k <= b + window; k++) if (m.byFirst.get(k)?.some(sameSentence)) return true;
  return false;
}

interface ContextIndex {
  /** token indices of pupil words, school groups, year groups and class codes, sorted, no repeats */
  pupil: Int32Array;
  /** per sentence: the smallest last token and the largest first token of its work words (year groups, class codes) */
  workMinLast: Map<number, number>;
  workMaxFirst: Map<number, number>;
  anyWork: boolean;
}
const contextCache = new WeakMap<Doc, ContextIndex>();

function contextIndex(doc: Doc): ContextIndex {
  let c = contextCache.get(doc);
  if (!c) {
    const pupil = pupilPositions(doc);
    const workMinLast = new Map<number, number>();
    const workMaxFirst = new Map<number, number>();
    const work = workMentions(doc);
    for (const x of work) {
      const s = doc.tokens[x.first]!.sentence;
      workMinLast.set(s, Math.min(workMinLast.get(s) ?? Infinity, x.last));
      workMaxFirst.set(s, Math.max(workMaxFirst.get(s) ?? -Infinity, x.first));
    }
    c = { pupil, workMinLast, workMaxFirst, anyWork: work.length > 0 };
    contextCache.set(doc, c);
  }
  return c;
}

/** Work words in sentence s outside tokens [a, b]: one ending before a, or one starting after b. */
function workOutside(c: ContextIndex, s: number, a: number, b: number): boolean {
  return (c.workMinLast.get(s) ?? Infinity) < a || (c.workMaxFirst.get(s) ?? -Infinity) > b;
}

/**
 * Pupil context near token i (pupil words, year groups, class codes, school groups within `window`
 * tokens, same sentence), or work words elsewhere in its sentence. Same answer as context.ts's
 * pupilContextNear plus work words, computed once per draft so a draft full of names stays linear.
 */
export function pupilContextAt(doc: Doc, i: number, window = 8, withWork = true): boolean {
  const c = contextIndex(doc);
  const s = doc.tokens[i]!.sentence;
  // the first pupil word at or after i - window, then the few up to i + window
  let lo = 0;
  let hi = c.pupil.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (c.pupil[mid]! < i - window) lo = mid + 1;
    else hi = mid;
  }
  for (let k = lo; k < c.pupil.length && c.pupil[k]! <= i + window; k++) {
    const p = c.pupil[k]!;
    if (p !== i && doc.tokens[p]!.sentence === s) return true;
  }
  if (!withWork) return false;
  return workOutside(c, s, i, i);
}

/** Does the draft mention work at all (cached)? */
export function mentionsWork(doc: Doc): boolean {
  return contextIndex(doc).anyWork;
}

/** Work words (lesson, marking, INSET, Year 6…) in the sentence of token a, outside tokens [a, b]. */
export function workInSentence(doc: Doc, a: number, b: number): boolean {
  return workOutside(contextIndex(doc), doc.tokens[a]!.sentence, a, b);
}

/** Words that only say what kind of group a class name is: "Oak Class", "Darwin House", "Dosbarth Derw". */
const CLASS_WORDS: ReadonlySet<string> = new Set((CONTEXT.classes?.['class-word'] ?? []).map(foldWord));

/**
 * The school's class, form and house names (configuration `school.classes`), built once per
 * configuration. "Oak Class" is looked up as "Oak", "Dosbarth Derw" as "Derw", and the class word
 * is read beside it in the draft ("Class 3" stays whole: a number alone is not a name). A name that is also a first name, common or on the roster,
 * is marked so it needs a cue in the draft ("Rowan Atkinson" is not Rowan class).
 */
/** How many leading parts of a class name are its key stage or year ("ks1", "key stage 2", "year 3", "y4", "yr5", "p3", "reception", "nursery", "eyfs"); 0 when none. */
function stagePrefix(parts: readonly string[]): number {
  const [a, b, c] = parts;
  if (a === undefined) return 0;
  if (/^(ks|y|yr|p|s)\d{1,2}$/.test(a) || STAGE_WORDS.has(a)) return 1;
  if ((a === 'year' || a === 'yr' || a === 'ks') && b !== undefined && /^\d{1,2}$/.test(b)) return 2;
  if (a === 'key' && b === 'stage' && c !== undefined && /^\d$/.test(c)) return 3;
  return 0;
}
const STAGE_WORDS: ReadonlySet<string> = new Set(['reception', 'nursery', 'eyfs', 'preschool']);

export function compileClassNames(config: SchoolConfig): SchoolClasses | null {
  const configured = config.school?.classes ?? [];
  if (configured.length === 0) return null;
  const rosterFirst = new Set([...(config.pupils ?? []), ...(config.staff ?? [])].map((n) => nameParts(n.replace(/^\s*(mr|mrs|ms|miss|mx|dr)\.?\s+/i, ''))[0] ?? ''));
  const entries: Array<[string, ClassName]> = [];
  const add = (display: string, parts: string[]) => {
    const core = parts.filter((p) => !CLASS_WORDS.has(p));
    const key = (core.length > 0 && !core.every((p) => /^\d+$/.test(p)) ? core : parts).join('');
    const cls: ClassName = { display, code: /\d/.test(key), personName: FIRST_NAMES.has(key) || rosterFirst.has(key) };
    // the class word is read beside the name in the draft (context.ts classMentions), so only the core is a key
    entries.push([(key === core.join('') ? core : parts).join(' '), cls]);
  };
  for (const display of configured) {
    const parts = nameParts(display);
    if (parts.length === 0) continue;
    add(display, parts);
    // "KS2 Willow", "Year 3 Oak", "Reception Acorns": staff write the name without its stage
    // ("the kids in Willow"), so the name after a key-stage or year prefix is a key of its own
    const stage = stagePrefix(parts);
    if (stage > 0 && stage < parts.length && !parts.slice(stage).every((p) => /^\d+$/.test(p) || CLASS_WORDS.has(p))) add(display, parts.slice(stage));
  }
  rosterFirst.delete('');
  const words = new Set(configured.flatMap((c) => nameParts(c)));
  return { keys: new PhraseKeys(entries), followers: CLASS_FOLLOWERS_ALL, firstNames: FIRST_NAMES, people: rosterFirst, words };
}
const CLASS_FOLLOWERS_ALL: ReadonlySet<string> = new Set([...CLASS_FOLLOWERS, ...NAME_FOLLOWERS]);
