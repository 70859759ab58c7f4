// pupil-name: a pupil on the school's roster is named. Full names in any case or spelling of
// accents, hyphens and apostrophes; first name + surname initial; a first name alone when it is
// used as a name; a surname alone in a pupil context; possessives, hashtags and handles. Names that
// are also words ("Holly", "Grace", "Will") count only when the draft uses them as names.
import { addressedAt, FIRST_NAMES, groupedAfter, NAME_TAG_WORDS, inNotAPerson, isDeterminer, isTitleToken, mentionsWork, possessionAfter, pupilContextAt, relationAfter, relationBefore, NAME_FOLLOWERS, nameClass, staffContextNear, SURNAME_CHILD, SURNAME_LEADS, STAY_NOUNS, TRAVEL_TO, PLACE_SUFFIX, PLACE_PREPOSITIONS, COUNTRIES, surnameIsWord, TAG_WORDS, TEMPORAL_PREPOSITIONS, PUPIL_NAMES, STAFF_NAMES, type NameClass } from '../name-data.js';
import { adjacent, after, inTag, NameIndex, nameIndexFor, tagSpan, tagText, tagTokens, titleCaseSentence, type NameMatch, type TagText } from '../names.js';
import { defineRule, type Hit } from '../rule.js';
import { isClassCode, tokenIndexAt, yearGroupAt } from '../context.js';
import type { Doc } from '../text/doc.js';
import { SpanIndex } from '../text/spans.js';
import { TagKind, type Tag } from '../text/tokenize.js';

interface Compiled {
  pupils: NameIndex;
  staff: NameIndex;
}

function keyOf(doc: Doc, a: number, b: number): string {
  let s = '';
  for (let k = a; k <= b; k++) s += k === b ? doc.tokens[k]!.base : doc.tokens[k]!.norm;
  return s;
}

/** Is the draft word at [a, b] glued to an e-mail address or a web address ("josh@", "/holly")? */
function inAddress(doc: Doc, a: number, b: number): boolean {
  const next = doc.draft.charAt(doc.tokens[b]!.end);
  const prev = doc.draft.charAt(doc.tokens[a]!.start - 1);
  return next === '@' || prev === '/' || prev === '.' || (next === '.' && /\w/.test(doc.draft.charAt(doc.tokens[b]!.end + 1)));
}

/** The next token after b in the same sentence, if any. */
function nextInSentence(doc: Doc, b: number) {
  const n = doc.tokens[b + 1];
  return n && n.sentence === doc.tokens[b]!.sentence ? n : undefined;
}

/** Does what follows the name read like what follows a person ("Holly has", "Holly in 5B", "Holly's")? */
function personContinuation(doc: Doc, b: number): boolean {
  const t = doc.tokens[b]!;
  if (t.possessive) return true;
  const n = nextInSentence(doc, b);
  if (!n) return true; // the name ends the sentence: "Well done to Holly."
  if (n.cap && !inTag(n)) return false;
  if (NAME_FOLLOWERS.has(n.norm)) return true;
  if (n.norm.length > 4 && n.norm.endsWith('ed')) return true;
  return /^\s*[,(!]/.test(after(doc, b));
}

/**
 * What a stay somewhere is for, a few words after "for", "in", "over", "this" or "next" (and past another place
 * joined on with "and"): "for half term", "in February half term", "Skye and Mull for October half term". `loose`
 * (a name that is a place word) lets other words stand between ("for a week in May"); otherwise only determiners
 * and months may.
 */
function stayAfter(doc: Doc, b: number, loose = true): boolean {
  let n = nextInSentence(doc, b);
  // "Skye and Mull for October half term": another place joined on first
  if (n && n.norm === 'and') {
    const m = nextInSentence(doc, n.i);
    if (m && m.cap) n = nextInSentence(doc, m.i);
  }
  // "Paris in February half term is BOOKED", "Devon over Easter"
  if (!n || !STAY_PREPOSITIONS.has(n.norm)) return false;
  for (let k = n.i + 1; k <= n.i + 3 && doc.tokens[k]?.sentence === n.sentence; k++) {
    if (STAY_NOUNS.has(doc.tokens[k]!.norm)) return true;
    // a name that is no place word needs the stay said plainly: "for October half term", not "for a brilliant week"
    if (!loose && !STAY_FILLERS.has(doc.tokens[k]!.norm)) return false;
  }
  return false;
}
const STAY_FILLERS = new Set(['the', 'a', 'half', 'this', 'next', 'last', 'whole', 'january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december', 'feb', 'oct']);
const STAY_PREPOSITIONS = new Set(['for', 'in', 'over', 'this', 'next']);

/**
 * What a stay somewhere is, just before: "Half term in Paris!!", "a weekend in Devon"; or the journey there:
 * "got the train to Paisley", "drove to Chester" (not to someone's: "went to Ava's party" is a person's).
 */
function stayBefore(doc: Doc, a: number, place = false): boolean {
  const p = doc.tokens[a - 1];
  const t = doc.tokens[a]!;
  // the second of two places: "Road trip to Skye and Harris", "a week in Bute and Arran"
  const c = doc.tokens[a - 2];
  if (p && c && p.norm === 'and' && p.sentence === t.sentence && c.sentence === t.sentence && c.cap && !c.possessive && !t.possessive && stayBefore(doc, a - 2, place)) return true;
  if (!p || p.sentence !== t.sentence || !/^(in|to|at)$/.test(p.norm)) return false;
  const q = doc.tokens[a - 2];
  if (!q || q.sentence !== t.sentence) return false;
  if (STAY_NOUNS.has(q.norm)) return true;
  // (a journey in a draft about pupils may be to the pupil, and so is one that goes on to what was done there: "went to Paisley and asked her...";
  // not for a name that is a place word: "Throwback to Paris with the Year 9 French trip")
  if (p.norm !== 'to' || t.possessive || !TRAVEL_TO.has(q.norm) || (!place && pupilContext(doc, a))) return false;
  const n = nextInSentence(doc, a);
  const m = n?.norm === 'and' ? nextInSentence(doc, n.i) : undefined;
  return !(m && !m.cap);
}

/** "Carntyne Road", "Beaumont Leys", "Heaton Park": a capitalised word that ends a place's name, and no roster surname ("Ava Green" is a pupil when Green is on the roster). */
function placeSuffixAfter(doc: Doc, b: number, pupils: NameIndex): boolean {
  const t = doc.tokens[b]!;
  const n = nextInSentence(doc, b);
  return !!n && n.cap && !n.allCaps && !t.possessive && adjacent(doc, t, n) && PLACE_SUFFIX.has(n.norm) && !pupils.last.has(n.base);
}

/** "Kingston, Jamaica", "Florence, Italy": a comma, then a country or a nation of the UK. */
function countryAfterComma(doc: Doc, b: number): boolean {
  const n = nextInSentence(doc, b);
  if (!n || !n.cap || !/^\s*,\s*$/.test(doc.draft.slice(doc.tokens[b]!.end, n.start))) return false;
  return COUNTRIES.has(n.norm);
}

/** "Kyle of Lochalsh", "Joan of Arc": the name is the head of a place or a title, with "of" and a capitalised word that is no roster surname. */
function ofProperNoun(doc: Doc, b: number, pupils: NameIndex): boolean {
  const t = doc.tokens[b]!;
  const o = nextInSentence(doc, b);
  if (!o || o.norm !== 'of' || t.possessive || !adjacent(doc, t, o)) return false;
  const n = nextInSentence(doc, o.i);
  return !!n && n.cap && !n.allCaps && !n.numeric && adjacent(doc, o, n) && !pupils.last.has(n.base) && !pupils.first.has(n.base) && !isClassCode(doc, n) && yearGroupAt(doc, n.i) < 0;
}

/**
 * "Chase from Paw Patrol", "Elsa from Frozen II": a character or a person of a title, the name then
 * "from" and two capitalised words that are no roster name, class code or year group ("Chase from
 * Year 6", "Chase from 10JT" stay names). Asked only in a draft that is not about work.
 */
function fromTitle(doc: Doc, b: number, pupils: NameIndex): boolean {
  const t = doc.tokens[b]!;
  const f = nextInSentence(doc, b);
  if (!f || f.norm !== 'from' || t.possessive || !adjacent(doc, t, f)) return false;
  const w1 = nextInSentence(doc, f.i);
  const w2 = w1 && nextInSentence(doc, w1.i);
  const titled = (w: Doc["tokens"][number] | undefined) => !!w && w.cap && !w.allCaps && !w.numeric && !pupils.last.has(w.base) && !pupils.first.has(w.base) && !isClassCode(doc, w) && yearGroupAt(doc, w.i) < 0;
  return titled(w1) && titled(w2) && adjacent(doc, f, w1!) && adjacent(doc, w1!, w2!);
}

/** Another roster first name joined to this one: "Freddie & Oliver smashed the relay", "Ava and Grace". */
function nameJoinedAfter(doc: Doc, b: number, pupils: NameIndex): boolean {
  return joinedNameAfter(doc, b, pupils) >= 0;
}
/** The token of the roster first name joined on after token b, or -1. */
function joinedNameAfter(doc: Doc, b: number, pupils: NameIndex): number {
  let n = nextInSentence(doc, b);
  if (n && n.norm === 'and') n = nextInSentence(doc, n.i);
  return !!n && n.cap && pupils.first.has(n.base) ? n.i : -1;
}

/** A capitalised word right after the name that is not a roster surname: part of someone else's name or a title ("Holly Willoughby", "Summer Fair"). */
function otherProperNoun(doc: Doc, b: number, pupils: NameIndex): boolean {
  const n = nextInSentence(doc, b);
  // "Marley & Me", "Ben & Jerry's": a title or brand joined by an ampersand to a word that is not a name
  const ampersand = !!n && /^\s*&\s*$/.test(doc.draft.slice(doc.tokens[b]!.end, n.start)) && !FIRST_NAMES.has(n.base) && !pupils.first.has(n.base);
  if (!n || !n.cap || n.numeric || !(ampersand || adjacent(doc, doc.tokens[b]!, n))) return false;
  if (doc.tokens[b]!.possessive) return false;
  return !pupils.last.has(n.base) && !(n.norm.length === 1);
}

/**
 * A capitalised roster surname right after the first name that is not this first name's pupil's
 * ("Dylan Thomas" where the roster's Dylan is Dylan Jones and Thomas is other pupils' surname): the
 * writer gave someone else's full name, a poet or a player, even in a sentence about pupils. Not a
 * word that is also a roster first name ("Dylan Mali and Eira": first names listed without commas).
 */
function someoneElsesSurname(doc: Doc, b: number, pupils: NameIndex): boolean {
  const t = doc.tokens[b]!;
  const n = nextInSentence(doc, b);
  if (!n || !n.cap || n.numeric || n.norm.length === 1 || t.possessive || !adjacent(doc, t, n)) return false;
  if (!pupils.last.has(n.base) || pupils.first.has(n.base)) return false;
  return !(pupils.first.get(t.base) ?? []).some((p) => p.lastKey === n.base);
}

/** Sentences where a colleague is named by title or in full ("fetch Mr Thwaite"): school is being talked about there. */
const staffSentences = new WeakMap<Doc, Set<number>>();

function pupilContext(doc: Doc, a: number): boolean {
  return pupilContextAt(doc, a, 8, true) || (staffSentences.get(doc)?.has(doc.tokens[a]!.sentence) ?? false);
}

/** "Honey, lemon and a duvet day": a list after the comma, not someone addressed. */
function listAfterComma(doc: Doc, b: number): boolean {
  const n = doc.tokens[b + 1];
  const n2 = doc.tokens[b + 2];
  if (!n || !n2 || n2.sentence !== n.sentence) return false;
  return n2.norm === 'and' || n2.norm === 'or' || /^\s*[,&]/.test(after(doc, b + 1));
}

/** What the words of a hashtag or handle are, counted: tag words, name-tag words, roster names, and words that are not digits. */
const TAG_WORD = 0;
const NAME_TAG_WORD = 1;
const ROSTER_WORD = 2;
const NOT_DIGITS = 3;
type TagCounts = Map<number, Int32Array>;

function countWords(doc: Doc, from: number, to: number, c: Compiled): Int32Array {
  const n = new Int32Array(4);
  for (let k = from; k < to; k++) {
    const w = doc.tokens[k]!.norm;
    if (TAG_WORDS.has(w)) n[TAG_WORD]!++;
    if (NAME_TAG_WORDS.has(w)) n[NAME_TAG_WORD]!++;
    if (c.pupils.first.has(w) || c.pupils.last.has(w)) n[ROSTER_WORD]!++;
    if (!/^\d+$/.test(w)) n[NOT_DIGITS]!++;
  }
  return n;
}

/** Counted once per tag, so a hashtag of a thousand names costs a thousand look-ups, not a million. */
function tagWords(doc: Doc, tagId: number, c: Compiled, cache: TagCounts): Int32Array {
  let n = cache.get(tagId);
  if (!n) {
    const [tagFirst, tagLast] = tagTokens(doc, tagId);
    cache.set(tagId, (n = countWords(doc, tagFirst, tagLast, c)));
  }
  return n;
}

/** Does the writer capitalise: two or more sentences, every one opening with a capital (or a digit, a tag, a quote)? */
const casedCache = new WeakMap<Doc, boolean>();
function casedDraft(doc: Doc): boolean {
  let c = casedCache.get(doc);
  if (c === undefined) {
    let sentences = 0;
    c = true;
    for (const t of doc.tokens) {
      if (!t.sentenceStart || inTag(t) || t.numeric) continue;
      sentences++;
      if (!t.cap) {
        c = false;
        break;
      }
    }
    c &&= sentences >= 2;
    casedCache.set(doc, c);
  }
  return c;
}

/** Subject pronouns: after one, a name that is also a verb or modal is the verb ("I will", "Will anyone be at...?"). */
const SUBJECTS = new Set(['i', 'you', 'we', 'they', 'he', 'she', 'it', 'u', 'ya', 'anyone', 'anybody', 'someone', 'somebody', 'everyone', 'everybody', 'there', 'this', 'that', 'people', 'nobody']);

/** Is a first name alone at tokens [a, b] used as a person's name here? */
function usedAsName(doc: Doc, m: NameMatch, c: Compiled, tags: TagCounts): boolean {
  const a = m.nameFirst;
  const b = m.nameLast;
  const t = doc.tokens[a]!;
  const key = keyOf(doc, a, b);
  const cls: NameClass = nameClass(key);

  if (inTag(t)) {
    // the tag's other words: its counts less the name's own tokens
    const all = tagWords(doc, t.tagId, c, tags);
    const own = countWords(doc, a, b + 1, c);
    const others = (k: number) => all[k]! - own[k]!;
    if (others(cls === 'plain' ? TAG_WORD : NAME_TAG_WORD) > 0) return true;
    if (others(ROSTER_WORD) > 0) return true;
    // a handle or hashtag that is only the name: "@Oisin", "#Bartosz"
    if (cls === 'plain' && others(NOT_DIGITS) === 0) return true;
    return false;
  }
  if (inAddress(doc, a, b)) return false;
  if (placeSuffixAfter(doc, b, c.pupils)) return false;
  // half of a double-barrelled name that is not on the roster: "my niece Catrin-Haf" is not the pupil Haf
  // (a roster name written with its hyphen, "Amelia-Rose", is matched whole before this is asked)
  if (/-\p{Lu}/u.test(doc.draft.slice(doc.tokens[b]!.end, doc.tokens[b]!.end + 2)) || /\p{L}-$/u.test(doc.draft.slice(Math.max(0, t.start - 2), t.start))) return false;
  // "my daughter Zoe", "our dog Holly", "Callie, my best mate from uni, ...": the writer says who it is
  if (relationBefore(doc, a) || relationAfter(doc, b)) return false;
  // "our new kitten is called Ivy": naming a pet, a baby or a boat, unless pupils are in the sentence
  const namedAs = doc.tokens[a - 1];
  if (namedAs && namedAs.sentence === t.sentence && /^(called|named|christened)$/.test(namedAs.norm) && !pupilContext(doc, a)) return false;

  const prev = doc.tokens[a - 1];
  const prevHere = !!prev && prev.sentence === t.sentence;
  // "our Bella's first day": my/our before a first name is the writer's own family
  if (prevHere && (prev.norm === 'our' || prev.norm === 'my')) return false;
  // "SATs are in May", "real thing next June": a month after a preposition of time is a date
  if (prevHere && cls === 'proper' && !t.possessive && TEMPORAL_PREPOSITIONS.has(prev.norm) && !groupedAfter(doc, b)) return false;
  const determiner = prevHere && isDeterminer(prev);
  const addressed = addressedAt(doc, a);
  const vocative = t.sentenceStart && /^\s*,/.test(after(doc, b)) && !!nextInSentence(doc, b) && !listAfterComma(doc, b) && !countryAfterComma(doc, b);
  // a first name on both lists, next to a staff word, is the colleague (staff-name's call)
  if (c.staff.first.has(key) && staffContextNear(doc, a, b)) return false;

  // "Bob Marley", "Eggs Benedict"? a capitalised first name right before makes this someone's surname
  const before = doc.tokens[a - 1];
  // (in a sentence about pupils too, when the first name before is no pupil's: "Rupert Brooke with Year 10 today",
  // "Carwyn James would be spinning in his grave")
  if (before && before.cap && before.sentence === t.sentence && adjacent(doc, before, t) && (FIRST_NAMES.has(before.base) || c.pupils.first.has(before.base) || c.staff.first.has(before.base)) && (!c.pupils.first.has(before.base) || !pupilContext(doc, a))) return false;
  // "Cannock Chase", "Formby Point": a capitalised word mid-sentence just before, that is no name or title, makes this part of a place's or a thing's name
  if (before && before.cap && !before.allCaps && !before.sentenceStart && !before.possessive && before.sentence === t.sentence && adjacent(doc, before, t) && !isTitleToken(before) && !c.pupils.last.has(before.base) && !c.staff.last.has(before.base) && !isClassCode(doc, before) && !titleCaseSentence(doc, a)) return false;

  if (cls === 'plain') {
    if (t.cap) {
      // a place stayed in, for a name that is no word too ("Skye and Mull for October half term")
      if (stayAfter(doc, b, false) || stayBefore(doc, a)) return false;
      // "the George at Frittenden", "the Ivy": "the" before a first name makes it a pub's, a ship's or a house's,
      // unless what follows reads after a person or pupils are about ("the Jayden who started in 5B")
      if (prevHere && prev.norm === 'the' && !t.possessive && !addressed && !pupilContext(doc, a) && !groupedAfter(doc, b)) return false;
      // "Kingston, Jamaica": a place, then its country
      if (countryAfterComma(doc, b)) return false;
      if (otherProperNoun(doc, b, c.pupils) && !addressed && !pupilContext(doc, a)) return false;
      if (someoneElsesSurname(doc, b, c.pupils) || ofProperNoun(doc, b, c.pupils)) return false;
      if (fromTitle(doc, b, c.pupils) && !mentionsWork(doc)) return false;
      // the first word of a sentence is capitalised whatever it is: "Haf wedi cyrraedd" (Welsh: summer has
      // come), "Ming vases on Antiques Roadshow". There, in a draft with nothing about pupils or work, a name
      // needs what follows to read after a person
      if (t.sentenceStart && !vocative && !addressed && !personContinuation(doc, b) && !nameJoinedAfter(doc, b, c.pupils) && !pupilContext(doc, a) && !mentionsWork(doc)) return false;
      return true;
    }
    // lowercase: a name that is not an English word still reads as a name, unless used as one; but a writer who
    // capitalises their sentences capitalises names too, so there a lowercase one is a word ("That's harsh on the
    // ref", "Penmarrow marina in the rain") unless pupils are being talked about
    return !determiner && (!casedDraft(doc) || pupilContext(doc, a));
  }
  // a word name in lowercase is the word ("with grace", "a lovely day"), unless the draft is all lowercase and it
  // opens a sentence going on as a person does, beside pupils: "harsh was brilliant in the assembly today"
  if (!t.cap) return !casedDraft(doc) && t.sentenceStart && !t.possessive && personContinuation(doc, b) && !!nextInSentence(doc, b) && pupilContext(doc, a);
  // "Will anyone be at Tiverton market?", "May I say...": a modal asking its question, not a name
  if (t.sentenceStart && !t.possessive && SUBJECTS.has(nextInSentence(doc, b)?.norm ?? '') && !/^\s*,/.test(after(doc, b))) return false;
  if (addressed || vocative) return true;
  // "Devon for half term", "Paris for the weekend", "Florence for a week in May": a place someone stays in
  if (stayAfter(doc, b, cls === 'proper') || stayBefore(doc, a, cls === 'proper') || countryAfterComma(doc, b)) return false;
  if (determiner) return false;
  if (fromTitle(doc, b, c.pupils) && !mentionsWork(doc)) return false;
  // what only a person has or does: "Sky's mum", "Will's predicted grades", "Fish in 9PR", "It's Sunny's, he left it"
  if (possessionAfter(doc, b) || groupedAfter(doc, b)) return true;
  if (t.possessive && /^\s*,\s*(he|she)\b/i.test(doc.draft.slice(t.end, t.end + 6))) return true;
  const ctx = () => pupilContext(doc, a);
  if (titleCaseSentence(doc, a)) return personContinuation(doc, b) && ctx();
  if (otherProperNoun(doc, b, c.pupils) || ofProperNoun(doc, b, c.pupils)) return false;
  if (!t.sentenceStart) {
    // "with Holly today", "and Grace scored": the word reads as a name only if what follows reads after a person ("a new Daisy print dress" does not)
    if (cls === 'word') return personContinuation(doc, b);
    return personContinuation(doc, b) && ctx();
  }
  // sentence-initial "Holly ...": a name only if it reads as one, in a pupil context; or beside another
  // roster first name that does ("Blessing and Favour leading the procession"; not "Will and Grace reruns")
  const joined = joinedNameAfter(doc, b, c.pupils);
  if (joined >= 0 && (personContinuation(doc, joined) || /^\p{L}{3,}ing$/u.test(nextInSentence(doc, joined)?.norm ?? ''))) return true;
  if (!personContinuation(doc, b)) return false;
  if (ctx()) return true;
  return t.possessive && mentionsWork(doc);
}

/** A surname alone: capitalised, in a pupil context, not after a title ("Mrs Patel" is staff). */
function surnameAlone(doc: Doc, m: NameMatch, pupils: NameIndex): boolean {
  const a = m.nameFirst;
  const t = doc.tokens[a]!;
  if (!t.cap || inTag(t)) return false;
  const prev = doc.tokens[a - 1];
  const prevHere = !!prev && prev.sentence === t.sentence && adjacent(doc, prev, t);
  // a place: "on Carntyne Road", "Beaumont Leys", "collection from Heaton", "a day at Formby" (but "Fish in 9PR")
  if (placeSuffixAfter(doc, m.nameLast, pupils)) return false;
  if (prevHere && PLACE_PREPOSITIONS.has(prev.norm) && !groupedAfter(doc, m.nameLast)) return false;
  // "Young Capstick", "little Hadley": how teachers speak of a pupil by surname
  const led = prevHere && SURNAME_LEADS.has(prev.norm);
  // someone else's full name ("Tom Sharp"), but not "That Hadley lad"
  if (prevHere && prev.cap && !led && !(prev.sentenceStart && isDeterminer(prev))) return false;
  const word = surnameIsWord(keyOf(doc, a, m.nameLast));
  if (led && !word) return true;
  // "That Hadley lad", "the Capstick twins": a child called by surname
  const next = nextInSentence(doc, m.nameLast);
  if (next && SURNAME_CHILD.has(next.norm) && prev && prev.sentence === t.sentence && isDeterminer(prev)) return true;
  // "Stations of the Cross", "the Fell": a surname that is a word, after a determiner, is the word
  if (prevHere && isDeterminer(prev) && word) return false;
  // "Fish in 9PR finally handed it in": in/from a class right after
  if (groupedAfter(doc, m.nameLast)) return true;
  if (!pupilContextAt(doc, a, 5, false)) return false;
  if (word) return (!t.sentenceStart || led) && personContinuation(doc, m.nameLast);
  return true;
}

/**
 * Can the pieces of a lowercase tag body around a name be read as tag words, digits and roster
 * surnames ("welldone", "2016")? 0 (no), 1 (yes), 2 (yes, with a word that marks a name: "proud",
 * "go", "congrats"). `before[a]` reads body[0, a) and `after[b]` reads body[b, end), for every cut
 * at once: two passes of one small dynamic programme per tag, where asking afresh for every name
 * found in the tag made a long hashtag quadratic (security finding 5).
 */
interface Readings {
  before: Uint8Array;
  after: Uint8Array;
}

/** The longest piece of a tag body read as one tag word. */
const MAX_TAG_WORD = 12;

function readings(s: string, c: Compiled): Readings {
  const n = s.length;
  const digit = (k: number) => {
    const ch = s.charCodeAt(k);
    return ch >= 48 && ch <= 57;
  };
  // a run of digits is read whole: from k, it ends at digitEnd[k]
  const digitEnd = new Int32Array(n + 1);
  digitEnd[n] = n;
  for (let k = n - 1; k >= 0; k--) digitEnd[k] = digit(k) ? (k + 1 < n && digit(k + 1) ? digitEnd[k + 1]! : k + 1) : k;
  const kind = (i: number, j: number): 0 | 1 | 2 => {
    const w = s.slice(i, j);
    if (NAME_TAG_WORDS.has(w)) return 2;
    return TAG_WORDS.has(w) || (w.length >= 3 && c.pupils.last.has(w)) ? 1 : 0;
  };
  // best reading of s[0, j): a word that marks a name makes it 2, any other word keeps what came before
  const fwd = new Uint8Array(n + 1);
  fwd[0] = 1;
  for (let i = 0; i < n; i++) {
    if (!fwd[i]) continue;
    const d = digitEnd[i]!;
    if (d > i) fwd[d] = Math.max(fwd[d]!, fwd[i]!);
    for (let j = i + 1; j <= Math.min(n, i + MAX_TAG_WORD); j++) {
      const k = kind(i, j);
      if (k === 2) fwd[j] = 2;
      else if (k === 1) fwd[j] = Math.max(fwd[j]!, fwd[i]!);
    }
  }
  // s[0, a) read alone: a digit run running on past a ends at a there, so it may also start anywhere in the run before a
  const before = Uint8Array.from(fwd);
  let runBest = 0;
  for (let a = 1; a <= n; a++) {
    runBest = digit(a - 1) ? Math.max(a >= 2 && digit(a - 2) ? runBest : 0, fwd[a - 1]!) : 0;
    if (a < n && digit(a - 1) && digit(a)) before[a] = Math.max(before[a]!, runBest);
  }
  // best reading of s[b, n), built from the end
  const after = new Uint8Array(n + 1);
  after[n] = 1;
  for (let i = n - 1; i >= 0; i--) {
    let best = 0;
    const d = digitEnd[i]!;
    if (d > i && after[d]) best = after[d]!;
    for (let j = i + 1; j <= Math.min(n, i + MAX_TAG_WORD) && best < 2; j++) {
      if (!after[j]) continue;
      const k = kind(i, j);
      if (k === 2) best = 2;
      else if (k === 1) best = Math.max(best, after[j]!);
    }
    after[i] = best;
  }
  return { before, after };
}

/** For each position of a tag body, where the letters starting there end, and whether only digits follow a position. */
function letterRuns(s: string): { letterEnd: Int32Array; digitsToEnd: Uint8Array } {
  const n = s.length;
  const letterEnd = new Int32Array(n + 1);
  const digitsToEnd = new Uint8Array(n + 1);
  letterEnd[n] = n;
  digitsToEnd[n] = 1;
  for (let k = n - 1; k >= 0; k--) {
    const ch = s.charCodeAt(k);
    const letter = ch >= 97 && ch <= 122;
    letterEnd[k] = letter ? letterEnd[k + 1]! : k;
    digitsToEnd[k] = ch >= 48 && ch <= 57 && digitsToEnd[k + 1] ? 1 : 0;
  }
  return { letterEnd, digitsToEnd };
}

/** "@river.castellano11": an Instagram or TikTok handle goes on through dots (the tokenizer ends it at the first). */
function handleWithDots(doc: Doc, tag: Tag): Tag {
  if (tag.kind !== TagKind.Handle) return tag;
  const rest = /^(?:\.[A-Za-z0-9_]+)+/.exec(doc.draft.slice(tag.end, tag.end + 60));
  return rest ? { ...tag, end: tag.end + rest[0].length } : tag;
}

function tagHits(doc: Doc, c: Compiled, covered: SpanIndex): Hit[] {
  const out: Hit[] = [];
  for (const tag of doc.tags) {
    if (covered.overlaps(tag.start, tag.end)) continue;
    const tt: TagText = tagText(doc, handleWithDots(doc, tag));
    if (tt.text.length < 3) continue;
    const full = c.pupils.findIn(tt.text, 'full', 5);
    if (full.length) {
      for (const [a, b] of full) out.push({ ...tagSpan(tt, a, b), messageId: 'name' });
      continue;
    }
    const firsts = c.pupils.findIn(tt.text, 'first', 3);
    if (firsts.length === 0) continue;
    const read = readings(tt.text, c);
    const runs = letterRuns(tt.text);
    for (const [a, b, people] of firsts) {
      const key = tt.text.slice(a, b);
      const plain = nameClass(key) === 'plain';
      // "#welldonejosh", "@joshb2016"; a plain name with digits only around it is a handle of that name
      // "@joshb2016", "@kieran_mcg": the first name, then the start of one of these people's surnames (and digits)
      const tailEnd = runs.letterEnd[b]!;
      const hasTail = tailEnd > b && runs.digitsToEnd[tailEnd] === 1;
      // letters longer than every surname cannot start one (and are not sliced out for every name)
      const tail = hasTail && tailEnd - b <= (c.pupils.lastLengths[0] ?? 0) ? tt.text.slice(b, tailEnd) : '';
      const initialAfter = !!tail && people.some((p) => p.lastKey.length > 0 && p.lastKey.startsWith(tail));
      const before = read.before[a]!;
      const after = read.after[b]!;
      const words = before > 0 && after > 0;
      const cue = before === 2 || after === 2;
      if ((words && (plain || cue)) || (plain && initialAfter && a === 0)) {
        out.push({ ...tagSpan(tt, a, b), messageId: 'name' });
        break;
      }
    }
  }
  return out;
}

export default defineRule<Compiled>({
  meta: {
    id: 'pupil-name',
    description: 'A pupil on the school roster is named: full name, first name used as a name, initial, possessive, hashtag or handle.',
    messages: {
      name: { text: 'Names a pupil on your school roster.', policy: 'say pupils must not be identified online' },
    },
  },
  compile(config) {
    return {
      pupils: nameIndexFor(config.pupils ?? [], PUPIL_NAMES),
      staff: nameIndexFor(config.staff ?? [], STAFF_NAMES),
    };
  },
  check(doc, { compiled: c }) {
    if (c.pupils.people.length === 0) return [];
    const out: Hit[] = [];
    const staffSpans = c.staff.people.length
      ? c.staff
          .scan(doc)
          .filter((m) => m.kind === 'full' || m.titled)
          .map((m) => ({ start: doc.tokens[m.first]!.start, end: doc.tokens[m.last]!.end }))
      : [];
    const inStaff = new SpanIndex(staffSpans);
    staffSentences.set(doc, new Set(staffSpans.map((x) => doc.tokens[tokenIndexAt(doc, x.start)]!.sentence)));
    const tags: TagCounts = new Map();
    for (const m of c.pupils.scan(doc)) {
      const start = doc.tokens[m.first]!.start;
      const end = doc.tokens[m.last]!.end;
      if (inStaff.overlaps(start, end)) continue;
      const prev = doc.tokens[m.first - 1];
      if (prev && isTitleToken(prev) && adjacent(doc, prev, doc.tokens[m.first]!)) continue;
      let named = false;
      switch (m.kind) {
        case 'full': {
          // a modal and a verb after their subject, typed in lower case: "I will hunt down whoever ate my jollof"
          // (pupil Will Hunt); a name typed in lower case after "I" is rare, a verb phrase common
          const f = doc.tokens[m.first]!;
          named = f.cap || inTag(f) || !(prev && prev.sentence === f.sentence && SUBJECTS.has(prev.norm) && nameClass(f.base) !== 'plain');
          break;
        }
        case 'initial': {
          const t = doc.tokens[m.nameFirst]!;
          const initial = doc.tokens[m.last]!;
          // "grace m", "well done grace s": a lower-case name and initial count where a child is talked about
          const plain = nameClass(keyOf(doc, m.nameFirst, m.nameLast)) === 'plain';
          named = initial.cap ? t.cap || plain : plain || addressedAt(doc, m.nameFirst) || pupilContext(doc, m.nameFirst);
          break;
        }
        case 'first':
          named = usedAsName(doc, m, c, tags);
          break;
        case 'last':
          named = surnameAlone(doc, m, c.pupils);
          break;
        default:
          named = false;
      }
      if (!named) continue;
      if (m.kind !== 'full' && inNotAPerson(doc, m.first, m.last)) continue;
      const last = doc.tokens[m.last]!;
      const hit: Hit = { start, end, messageId: 'name' };
      if (last.tag === TagKind.None && doc.tokens[m.first]!.tag === TagKind.None) {
        hit.fix = { label: 'Replace the name with "a pupil"', start, end, replacement: last.possessive ? "a pupil's" : 'a pupil' };
      }
      out.push(hit);
    }
    out.push(...tagHits(doc, c, new SpanIndex(out)));
    return out;
  },
});
