// The name vocabularies shared by pupil-name, staff-name and pupil-reference, loaded once from
// rules/lexicons: names that are also words, short forms of first names, common first names,
// staff titles and staff-context words, and the cues that a word is being used as a name.
import firstNamesJson from '../../rules/lexicons/first-names.json';
import firstNamesUkJson from '../../rules/lexicons/first-names-uk.json';
import nameVariantsJson from '../../rules/lexicons/name-variants.json';
import nameWordsJson from '../../rules/lexicons/name-words.json';
import pupilNameJson from '../../rules/lexicons/pupil-name.json';
import staffNameJson from '../../rules/lexicons/staff-name.json';
import { parseLexicon, parseWordList } from '../data/lexicons.js';
import type { SchoolConfig } from '../config/schema.js';
import { nameParts, PhraseKeys } from './names.js';
import { CLASS_FOLLOWERS, CONTEXT, contextMatches, schoolGroupTokens, workMentions, type ClassName, type SchoolClasses } from './context.js';
import type { Doc } from './text/doc.js';
import { foldWord, PhraseMatcher, type PhraseMatch } from './text/pattern.js';

const NAME_WORDS = parseLexicon(nameWordsJson, 'rules/lexicons/name-words.json');
const VARIANT_LEX = parseLexicon(nameVariantsJson, 'rules/lexicons/name-variants.json');
const FIRST_NAME_LIST = parseWordList(firstNamesJson, 'rules/lexicons/first-names.json');
const FIRST_NAME_LIST_UK = parseWordList(firstNamesUkJson, 'rules/lexicons/first-names-uk.json');
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

/** The class of a first-name key. Names of one or two letters collide with abbreviations ("Jo", "Ed"). */
export function nameClass(key: string): NameClass {
  const c = WORD_CLASS.get(key);
  if (c) return c;
  return key.length <= 2 ? 'word' : 'plain';
}

/** Is this surname key also an ordinary word ("Brown", "Hill")? */
export function surnameIsWord(key: string): boolean {
  return SURNAME_WORDS.has(key) || WORD_CLASS.has(key) || key.length <= 2;
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

/** Common first names, for recognising a child's name that is not on the roster. */
export const FIRST_NAMES: ReadonlySet<string> = new Set([...FIRST_NAME_LIST.words, ...FIRST_NAME_LIST_UK.words].map(foldWord));

function classSet(lex: typeof PUPIL_NAME_LEX, name: string): Set<string> {
  return new Set((lex.classes?.[name] ?? []).map(foldWord));
}

export const TITLES: ReadonlySet<string> = classSet(STAFF_NAME_LEX, 'title');
/** A staff title token as it reads before a name: "Mrs", "mr", but "Miss" only capitalised ("I miss Tom"). */
export function isTitleToken(t: { norm: string; cap: boolean } | undefined): boolean {
  return !!t && TITLES.has(t.norm) && (t.cap || t.norm.length <= 3);
}
export const TAG_WORDS: ReadonlySet<string> = classSet(PUPIL_NAME_LEX, 'tag-word');
/** Hashtag words that make a name that is also a word into a name: "#ProudOfHolly", "#GoGrace" (not "#HappySummer"). */
export const NAME_TAG_WORDS: ReadonlySet<string> = classSet(PUPIL_NAME_LEX, 'name-tag-word');
export const NAME_FOLLOWERS: ReadonlySet<string> = classSet(PUPIL_NAME_LEX, 'name-follower');
export const DETERMINERS: ReadonlySet<string> = classSet(PUPIL_NAME_LEX, 'determiner');

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

const notAPersonMatcher = new PhraseMatcher(
  PUPIL_NAME_LEX.entries.filter((e) => e.id === 'not-a-person'),
  PUPIL_NAME_LEX.classes ?? {},
);
const notAPersonCache = new WeakMap<Doc, PhraseMatch[]>();

/** Is token range [a, b] inside a dish, brand, idiom or title built on a first name ("eggs Benedict", "doubting Thomas")? */
export function inNotAPerson(doc: Doc, a: number, b: number): boolean {
  let m = notAPersonCache.get(doc);
  if (!m) notAPersonCache.set(doc, (m = notAPersonMatcher.match(doc)));
  return m.some((x) => x.first <= a && x.last >= b);
}

const addressCache = new WeakMap<Doc, PhraseMatch[]>();
const staffCache = new WeakMap<Doc, PhraseMatch[]>();
const relationCache = new WeakMap<Doc, PhraseMatch[]>();

/** Does the writer say who the person at token i is, right before the name ("my daughter Zoe", "our dog Holly")? */
export function relationBefore(doc: Doc, i: number): boolean {
  let m = relationCache.get(doc);
  if (!m) {
    m = relationMatcher.match(doc);
    relationCache.set(doc, m);
  }
  return m.some((x) => x.last === i - 1 && doc.tokens[x.first]!.sentence === doc.tokens[i]!.sentence);
}

/** Does the writer say who the person at tokens ..b is right after the name, between commas ("Callie, my best mate from uni, ...")? */
export function relationAfter(doc: Doc, b: number): boolean {
  let m = relationCache.get(doc);
  if (!m) {
    m = relationMatcher.match(doc);
    relationCache.set(doc, m);
  }
  const t = doc.tokens[b];
  const n = doc.tokens[b + 1];
  if (!t || !n || n.sentence !== t.sentence || !/^\s*[,(–—-]\s*$/.test(doc.draft.slice(t.end, n.start))) return false;
  return m.some((x) => x.first === b + 1);
}

/** Is token i addressed: an address cue ("well done", "congratulations to") ends right before it? */
export function addressedAt(doc: Doc, i: number): boolean {
  let m = addressCache.get(doc);
  if (!m) {
    m = addressMatcher.match(doc);
    addressCache.set(doc, m);
  }
  const t = doc.tokens[i];
  if (!t) return false;
  return m.some((x) => x.last === i - 1 && doc.tokens[x.first]!.sentence === t.sentence && doc.tokens[x.first]!.tagId === t.tagId);
}

/** A staff role, department or subject within `window` tokens of the range [a, b], same sentence. */
export function staffContextNear(doc: Doc, a: number, b: number, window = 4): boolean {
  let m = staffCache.get(doc);
  if (!m) {
    m = staffContextMatcher.match(doc);
    staffCache.set(doc, m);
  }
  const s = doc.tokens[a]!.sentence;
  return m.some((x) => {
    if (x.last >= a && x.first <= b) return false;
    if (doc.tokens[x.first]!.sentence !== s) return false;
    return (x.last < a && a - x.last <= window) || (x.first > b && x.first - b <= window);
  });
}

interface ContextIndex {
  /** token indices of pupil words, school groups, year groups and class codes */
  pupil: number[];
  /** token ranges of work words, year groups and class codes */
  work: Array<[number, number]>;
}
const contextCache = new WeakMap<Doc, ContextIndex>();

function contextIndex(doc: Doc): ContextIndex {
  let c = contextCache.get(doc);
  if (!c) {
    const m = contextMatches(doc);
    const pupil = [...m.pupil.map((x) => x.first), ...m.schoolGroup.map((x) => x.first), ...schoolGroupTokens(doc)];
    const work = workMentions(doc).map((x): [number, number] => [x.first, x.last]);
    c = { pupil, work };
    contextCache.set(doc, c);
  }
  return c;
}

/**
 * Pupil context near token i (pupil words, year groups, class codes, school groups within `window`
 * tokens, same sentence), or work words elsewhere in its sentence. Same answer as context.ts's
 * pupilContextNear plus work words, computed once per draft so a draft full of names stays linear.
 */
export function pupilContextAt(doc: Doc, i: number, window = 8, withWork = true): boolean {
  const c = contextIndex(doc);
  const s = doc.tokens[i]!.sentence;
  for (const k of c.pupil) if (k !== i && Math.abs(k - i) <= window && doc.tokens[k]!.sentence === s) return true;
  if (!withWork) return false;
  for (const [a, b] of c.work) if ((b < i || a > i) && doc.tokens[a]!.sentence === s) return true;
  return false;
}

/** Does the draft mention work at all (cached)? */
export function mentionsWork(doc: Doc): boolean {
  return contextIndex(doc).work.length > 0;
}

/** Work words (lesson, marking, INSET, Year 6…) in the sentence of token a, outside tokens [a, b]. */
export function workInSentence(doc: Doc, a: number, b: number): boolean {
  const s = doc.tokens[a]!.sentence;
  return contextIndex(doc).work.some(([x, y]) => (y < a || x > b) && doc.tokens[x]!.sentence === s);
}

/** Words that only say what kind of group a class name is: "Oak Class", "Darwin House", "Dosbarth Derw". */
const CLASS_WORDS: ReadonlySet<string> = new Set((CONTEXT.classes?.['class-word'] ?? []).map(foldWord));

/**
 * The school's class, form and house names (configuration `school.classes`), built once per
 * configuration. "Oak Class" is looked up as "Oak", "Dosbarth Derw" as "Derw", and the class word
 * is read beside it in the draft ("Class 3" stays whole: a number alone is not a name). A name that is also a first name, common or on the roster,
 * is marked so it needs a cue in the draft ("Rowan Atkinson" is not Rowan class).
 */
export function compileClassNames(config: SchoolConfig): SchoolClasses | null {
  const configured = config.school?.classes ?? [];
  if (configured.length === 0) return null;
  const rosterFirst = new Set([...(config.pupils ?? []), ...(config.staff ?? [])].map((n) => nameParts(n.replace(/^\s*(mr|mrs|ms|miss|mx|dr)\.?\s+/i, ''))[0] ?? ''));
  const entries: Array<[string, ClassName]> = [];
  for (const display of configured) {
    const parts = nameParts(display);
    if (parts.length === 0) continue;
    const core = parts.filter((p) => !CLASS_WORDS.has(p));
    const key = (core.length > 0 && !core.every((p) => /^\d+$/.test(p)) ? core : parts).join('');
    const cls: ClassName = { display, code: /\d/.test(key), personName: FIRST_NAMES.has(key) || rosterFirst.has(key) };
    // the class word is read beside the name in the draft (context.ts classMentions), so only the core is a key
    entries.push([key === core.join('') ? core.join(' ') : display, cls]);
  }
  return { keys: new PhraseKeys(entries), followers: CLASS_FOLLOWERS_ALL, firstNames: FIRST_NAMES };
}
const CLASS_FOLLOWERS_ALL: ReadonlySet<string> = new Set([...CLASS_FOLLOWERS, ...NAME_FOLLOWERS]);
