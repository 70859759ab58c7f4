// pupil-name: a pupil on the school's roster is named. Full names in any case or spelling of
// accents, hyphens and apostrophes; first name + surname initial; a first name alone when it is
// used as a name; a surname alone in a pupil context; possessives, hashtags and handles. Names that
// are also words ("Holly", "Grace", "Will") count only when the draft uses them as names.
import { addressedAt, DETERMINERS, FIRST_NAMES, NAME_TAG_WORDS, inNotAPerson, isTitleToken, mentionsWork, pupilContextAt, relationAfter, relationBefore, NAME_FOLLOWERS, nameClass, staffContextNear, surnameIsWord, TAG_WORDS, TITLES, VARIANTS, type NameClass } from '../name-data.js';
import { adjacent, after, inTag, NameIndex, tagSpan, tagText, tagTokens, titleCaseSentence, type NameMatch, type TagText } from '../names.js';
import { defineRule, type Hit } from '../rule.js';
import type { Doc } from '../text/doc.js';
import { TagKind } from '../text/tokenize.js';

interface Compiled {
  pupils: NameIndex;
  staff: NameIndex;
}

const NO_TITLES: ReadonlySet<string> = new Set();

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

/** A capitalised word right after the name that is not a roster surname: part of someone else's name or a title ("Holly Willoughby", "Summer Fair"). */
function otherProperNoun(doc: Doc, b: number, pupils: NameIndex): boolean {
  const n = nextInSentence(doc, b);
  // "Marley & Me", "Ben & Jerry's": a title or brand joined by an ampersand to a word that is not a name
  const ampersand = !!n && /^\s*&\s*$/.test(doc.draft.slice(doc.tokens[b]!.end, n.start)) && !FIRST_NAMES.has(n.base) && !pupils.first.has(n.base);
  if (!n || !n.cap || n.numeric || !(ampersand || adjacent(doc, doc.tokens[b]!, n))) return false;
  if (doc.tokens[b]!.possessive) return false;
  return !pupils.last.has(n.base) && !(n.norm.length === 1);
}

function pupilContext(doc: Doc, a: number): boolean {
  return pupilContextAt(doc, a, 8, true);
}

/** Is a first name alone at tokens [a, b] used as a person's name here? */
function usedAsName(doc: Doc, m: NameMatch, c: Compiled): boolean {
  const a = m.nameFirst;
  const b = m.nameLast;
  const t = doc.tokens[a]!;
  const key = keyOf(doc, a, b);
  const cls: NameClass = nameClass(key);

  if (inTag(t)) {
    const [tagFirst, tagLast] = tagTokens(doc, t.tagId);
    const others: string[] = [];
    for (let k = tagFirst; k < tagLast; k++) if (k < a || k > b) others.push(doc.tokens[k]!.norm);
    if (others.some((w) => (cls === 'plain' ? TAG_WORDS : NAME_TAG_WORDS).has(w))) return true;
    if (others.some((w) => c.pupils.first.has(w) || c.pupils.last.has(w))) return true;
    // a handle or hashtag that is only the name: "@Oisin", "#Bartosz"
    if (cls === 'plain' && others.every((w) => /^\d+$/.test(w))) return true;
    return false;
  }
  if (inAddress(doc, a, b)) return false;
  // "my daughter Zoe", "our dog Holly", "Callie, my best mate from uni, ...": the writer says who it is
  if (relationBefore(doc, a) || relationAfter(doc, b)) return false;
  // "our new kitten is called Ivy": naming a pet, a baby or a boat, unless pupils are in the sentence
  const namedAs = doc.tokens[a - 1];
  if (namedAs && namedAs.sentence === t.sentence && /^(called|named|christened)$/.test(namedAs.norm) && !pupilContext(doc, a)) return false;

  const prev = doc.tokens[a - 1];
  const determiner = !!prev && prev.sentence === t.sentence && DETERMINERS.has(prev.norm);
  const addressed = addressedAt(doc, a);
  const vocative = t.sentenceStart && /^\s*,/.test(after(doc, b)) && !!nextInSentence(doc, b);
  // a first name on both lists, next to a staff word, is the colleague (staff-name's call)
  if (c.staff.first.has(key) && staffContextNear(doc, a, b)) return false;

  // "Bob Marley", "Eggs Benedict"? a capitalised first name right before makes this someone's surname
  const before = doc.tokens[a - 1];
  if (before && before.cap && before.sentence === t.sentence && adjacent(doc, before, t) && (FIRST_NAMES.has(before.base) || c.pupils.first.has(before.base)) && !pupilContext(doc, a)) return false;

  if (cls === 'plain') {
    if (t.cap) {
      if (otherProperNoun(doc, b, c.pupils) && !addressed && !pupilContext(doc, a)) return false;
      return true;
    }
    // lowercase: a name that is not an English word still reads as a name, unless used as one
    return !determiner;
  }
  if (!t.cap) return false;
  if (addressed || vocative) return true;
  if (determiner) return false;
  const ctx = () => pupilContext(doc, a);
  if (titleCaseSentence(doc, a)) return personContinuation(doc, b) && ctx();
  if (otherProperNoun(doc, b, c.pupils)) return false;
  if (!t.sentenceStart) {
    // "with Holly today", "and Grace scored": the word reads as a name only if what follows reads after a person ("a new Daisy print dress" does not)
    if (cls === 'word') return personContinuation(doc, b);
    return personContinuation(doc, b) && ctx();
  }
  // sentence-initial "Holly ...": a name only if it reads as one, in a pupil context
  if (!personContinuation(doc, b)) return false;
  if (ctx()) return true;
  return t.possessive && mentionsWork(doc);
}

/** A surname alone: capitalised, in a pupil context, not after a title ("Mrs Patel" is staff). */
function surnameAlone(doc: Doc, m: NameMatch): boolean {
  const a = m.nameFirst;
  const t = doc.tokens[a]!;
  if (!t.cap || inTag(t)) return false;
  const prev = doc.tokens[a - 1];
  if (prev && prev.sentence === t.sentence && prev.cap && adjacent(doc, prev, t)) return false; // someone else's full name
  if (!pupilContextAt(doc, a, 5, false)) return false;
  if (surnameIsWord(keyOf(doc, a, m.nameLast))) return !t.sentenceStart && personContinuation(doc, m.nameLast);
  return true;
}

/**
 * Can a piece of a lowercase tag body be read as tag words, digits and roster surnames ("welldone",
 * "2016")? Returns 0 (no), 1 (yes), 2 (yes, with a word that marks a name: "proud", "go", "congrats").
 */
function segment(s: string, c: Compiled): 0 | 1 | 2 {
  if (s === '') return 1;
  // small dynamic programme: best[i] is the best reading of s[0..i) (0 none, 1 words, 2 words incl. a name cue)
  const best = new Uint8Array(s.length + 1);
  best[0] = 1;
  for (let i = 0; i < s.length; i++) {
    if (!best[i]) continue;
    let d = i;
    while (d < s.length && /[0-9]/.test(s[d]!)) d++;
    if (d > i) best[d] = Math.max(best[d]!, best[i]!);
    for (let j = i + 1; j <= Math.min(s.length, i + 12); j++) {
      const w = s.slice(i, j);
      if (NAME_TAG_WORDS.has(w)) best[j] = 2;
      else if (TAG_WORDS.has(w) || (w.length >= 3 && c.pupils.last.has(w))) best[j] = Math.max(best[j]!, best[i]!);
    }
  }
  return best[s.length] as 0 | 1 | 2;
}

function tagHits(doc: Doc, c: Compiled, covered: (s: number, e: number) => boolean): Hit[] {
  const out: Hit[] = [];
  for (const tag of doc.tags) {
    if (covered(tag.start, tag.end)) continue;
    const tt: TagText = tagText(doc, tag);
    if (tt.text.length < 3) continue;
    const full = c.pupils.findIn(tt.text, 'full', 5);
    if (full.length) {
      for (const [a, b] of full) out.push({ ...tagSpan(tt, a, b), messageId: 'name' });
      continue;
    }
    for (const [a, b, people] of c.pupils.findIn(tt.text, 'first', 3)) {
      const key = tt.text.slice(a, b);
      const rest = [tt.text.slice(0, a), tt.text.slice(b)];
      const plain = nameClass(key) === 'plain';
      // "#welldonejosh", "@joshb2016"; a plain name with digits only around it is a handle of that name
      // "@joshb2016", "@kieran_mcg": the first name, then the start of one of these people's surnames (and digits)
      const tail = /^([a-z]+)\d*$/.exec(rest[1]!)?.[1];
      const initialAfter = !!tail && people.some((p) => p.lastKey.length > 0 && p.lastKey.startsWith(tail));
      const before = segment(rest[0]!, c);
      const after = segment(rest[1]!, c);
      const words = before > 0 && after > 0;
      const cue = before === 2 || after === 2;
      if ((words && (plain || cue)) || (plain && initialAfter && rest[0] === '')) {
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
      pupils: new NameIndex(config.pupils ?? [], { titles: NO_TITLES, variants: VARIANTS }),
      staff: new NameIndex(config.staff ?? [], { titles: TITLES, variants: VARIANTS }),
    };
  },
  check(doc, { compiled: c }) {
    if (c.pupils.people.length === 0) return [];
    const out: Hit[] = [];
    const staffSpans = c.staff.people.length
      ? c.staff
          .scan(doc)
          .filter((m) => m.kind === 'full' || m.titled)
          .map((m) => [doc.tokens[m.first]!.start, doc.tokens[m.last]!.end] as const)
      : [];
    const inStaff = (s: number, e: number) => staffSpans.some(([a, b]) => a < e && b > s);
    for (const m of c.pupils.scan(doc)) {
      const start = doc.tokens[m.first]!.start;
      const end = doc.tokens[m.last]!.end;
      if (inStaff(start, end)) continue;
      const prev = doc.tokens[m.first - 1];
      if (prev && isTitleToken(prev) && adjacent(doc, prev, doc.tokens[m.first]!)) continue;
      let named = false;
      switch (m.kind) {
        case 'full':
          named = true;
          break;
        case 'initial': {
          const t = doc.tokens[m.nameFirst]!;
          named = t.cap || nameClass(keyOf(doc, m.nameFirst, m.nameLast)) === 'plain';
          break;
        }
        case 'first':
          named = usedAsName(doc, m, c);
          break;
        case 'last':
          named = surnameAlone(doc, m);
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
    const covered = (s: number, e: number) => out.some((h) => h.start < e && h.end > s);
    out.push(...tagHits(doc, c, covered));
    return out;
  },
});
