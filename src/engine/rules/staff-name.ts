// staff-name: a colleague on the school's staff list is named: full name, title + surname
// ("Mrs Patel", "Mr. Kerr"), title + first name ("Miss Rose"), a first name next to a staff word
// ("Tom from maths", "our head Anita"), possessives, hashtags and handles ("@MrKerrMaths").
// A surname alone is not enough unless the words around it say it is a member of staff.
import { aboutWork, classMentionAt, isClassCode } from '../context.js';
import { DETERMINERS, FIRST_NAMES, inNotAPerson, NAME_FOLLOWERS, nameClass, staffContextNear, surnameIsWord, PUPIL_NAMES, STAFF_NAMES, TITLES, workInSentence } from '../name-data.js';
import { adjacent, after, inTag, NameIndex, nameIndexFor, tagSpan, tagText, titleCaseSentence, type NameMatch } from '../names.js';
import { defineRule, type Hit } from '../rule.js';
import type { Doc } from '../text/doc.js';
import { SpanIndex } from '../text/spans.js';

interface Compiled {
  staff: NameIndex;
  titles: string[];
  /** first names and surnames of pupils: a class beside such a name may be the pupil's */
  pupilFirst: ReadonlySet<string>;
  pupilLast: ReadonlySet<string>;
}

/** A class name or code within `window` tokens of [a, b], same sentence: "Dawn's been running Wrens". */
function classNear(doc: Doc, a: number, b: number, window: number): boolean {
  const s = doc.tokens[a]!.sentence;
  for (let k = Math.max(0, a - window); k <= b + window && k < doc.tokens.length; k++) {
    if ((k >= a && k <= b) || doc.tokens[k]!.sentence !== s) continue;
    if (classMentionAt(doc, k) || isClassCode(doc, doc.tokens[k]!)) return true;
  }
  return false;
}

/** Name followers that are not verbs: "off to Gedling for my sister's 40th" reads as a place. */
const NOT_VERBS = new Set(['and', 'with', 'who', 'from', 'in', 'at', 'to', 'for', 'on', 'by', 'as', 'because', 'when', 'after', 'before', 'during', 'but', 'or', 'so', 'this', 'last', 'today', 'tonight', 'yesterday', 'again', 'too', 'all', 'whose']);
/** Before a place: "off to Gedling", "in Hawksgill". */
const PLACE_PREPOSITIONS = new Set(['to', 'in', 'at', 'from', 'near', 'towards', 'into', 'round', 'around', 'via', 'through', 'outside', 'past']);

/** Reads like a verb after a person: "Byrne parks", "Byrne moved", "Byrne is". */
function verbAfter(doc: Doc, b: number): boolean {
  const t = doc.tokens[b]!;
  const n = doc.tokens[b + 1];
  if (!n || n.sentence !== t.sentence || n.clause !== t.clause || n.cap) return false;
  if (NOT_VERBS.has(n.norm)) return false;
  return NAME_FOLLOWERS.has(n.norm) || (/^[a-z]{3,}(s|ed)$/.test(n.norm) && !/(ss|us|is)$/.test(n.norm));
}

function keyOf(doc: Doc, a: number, b: number): string {
  let s = '';
  for (let k = a; k <= b; k++) s += k === b ? doc.tokens[k]!.base : doc.tokens[k]!.norm;
  return s;
}

/** A capitalised word straight after the name that is not this person's surname: someone else ("Tom Hanks"). */
function otherSurname(doc: Doc, m: NameMatch, staff: NameIndex): boolean {
  const b = m.nameLast;
  const n = doc.tokens[b + 1];
  if (!n || n.sentence !== doc.tokens[b]!.sentence || !n.cap || doc.tokens[b]!.possessive) return false;
  if (!adjacent(doc, doc.tokens[b]!, n)) return false;
  return !staff.last.has(n.base);
}

function firstNameInContext(doc: Doc, m: NameMatch, c: Compiled): boolean {
  const a = m.nameFirst;
  const b = m.nameLast;
  const t = doc.tokens[a]!;
  if (!t.cap || inTag(t)) return false;
  const key = keyOf(doc, a, b);
  const plain = nameClass(key) === 'plain';
  const pupilToo = c.pupilFirst.has(key);
  // "Chloe P on passing her ECT year": with the surname initial the name is surer, so the context may sit further off
  const end = m.kind === 'initial' ? m.last : b;
  const window = m.kind === 'initial' ? 6 : 4;
  // a staff word, a working-life event or (for a name no pupil has) a class next to the name: "Dawn's been running Wrens"
  // for a name that is no word and no pupil's, anywhere in its sentence: "there's a new deputy being interviewed in the
  // library today and Marcus hasn't a clue", "Lynne's 63 and still the best TA in the building"
  const reach = plain && !pupilToo ? 12 : window;
  const staffNear = staffContextNear(doc, a, end, reach) || (!pupilToo && classNear(doc, a, end, plain ? 8 : 4));
  // for a name that is not a word: work talk in its sentence ("Fiona, thanks for covering my lesson"), or, when no pupil
  // has the name, in the draft ("Tamsin's decided she's a 'they' now... Not in my classroom")
  const workNear = plain && (workInSentence(doc, a, b) || (!pupilToo && aboutWork(doc)));
  if (!staffNear && !workNear) return false;
  if (m.kind !== 'initial' && otherSurname(doc, m, c.staff)) return false;
  const prev = doc.tokens[a - 1];
  if (prev && prev.sentence === t.sentence && DETERMINERS.has(prev.norm) && !(prev.norm === 'its' && prev.possessive)) return false;
  if (plain) return true;
  // names that are words ("Will", "Mark", "Rose", "Jo") only mid-sentence or addressed ("Jo, ...")
  if (t.sentenceStart) {
    if (/^\s*,/.test(after(doc, b)) || staffContextNear(doc, a, b, 2)) return true;
    // "Dawn's been running Wrens", "Heather is retiring": a person's verb, with the staff context a little further on
    return staffNear && (t.possessive || NAME_FOLLOWERS.has(doc.tokens[b + 1]?.norm ?? ''));
  }
  return !titleCaseSentence(doc, a);
}

function surnameInContext(doc: Doc, m: NameMatch, c: Compiled): boolean {
  const a = m.nameFirst;
  const t = doc.tokens[a]!;
  if (!t.cap || t.sentenceStart || inTag(t)) return false;
  const key = keyOf(doc, a, m.nameLast);
  if (surnameIsWord(key)) return false;
  const prev = doc.tokens[a - 1];
  // someone else's full name ("Gabriel Byrne"), but a capitalised first word of the sentence may be any word ("If Byrne...")
  const firstWord = !!prev && prev.sentenceStart && !FIRST_NAMES.has(prev.base) && !c.staff.first.has(prev.base);
  if (prev && prev.cap && !firstWord && prev.sentence === t.sentence && adjacent(doc, prev, t)) return false;
  if (staffContextNear(doc, a, m.nameLast, 3)) return true;
  // "If Byrne parks across my space again": a surname that is no word, no first name and no pupil's, used as a person
  const n = doc.tokens[m.nameLast + 1];
  const nextCap = !!n && n.sentence === t.sentence && n.cap && adjacent(doc, doc.tokens[m.nameLast]!, n);
  // "off to Gedling", and "the Gallacher twins" is a noun phrase, not "Gallacher" doing something
  const place = !!prev && prev.sentence === t.sentence && (PLACE_PREPOSITIONS.has(prev.norm) || DETERMINERS.has(prev.norm));
  return key.length >= 4 && !FIRST_NAMES.has(key) && !c.pupilLast.has(key) && !nextCap && !place && verbAfter(doc, m.nameLast);
}

/** Names inside a lowercase handle or hashtag: "@mrkerr", "#thanksmrskerr", "@anitapatel". */
function tagHits(doc: Doc, c: Compiled, covered: (s: number, e: number) => boolean): Hit[] {
  const out: Hit[] = [];
  for (const tag of doc.tags) {
    if (covered(tag.start, tag.end)) continue;
    const tt = tagText(doc, tag);
    const full = c.staff.findIn(tt.text, 'full', 5);
    if (full.length) {
      out.push({ ...tagSpan(tt, full[0]![0], full[0]![1]), messageId: 'name' });
      continue;
    }
    for (const title of c.titles) {
      let from = tt.text.indexOf(title);
      while (from >= 0) {
        // a surname right after the title (read in place: slicing off the rest for every title made a long tag quadratic)
        const at = from + title.length;
        const len = c.staff.lastLengths.find((l) => l >= 3 && l <= tt.text.length - at && c.staff.last.has(tt.text.slice(at, at + l)));
        if (len) {
          out.push({ ...tagSpan(tt, from, from + title.length + len), messageId: 'name' });
          from = -1;
          break;
        }
        from = tt.text.indexOf(title, from + 1);
      }
      if (out.length && out[out.length - 1]!.start >= tag.start) break;
    }
  }
  return out;
}

export default defineRule<Compiled>({
  meta: {
    id: 'staff-name',
    description: 'A colleague on the staff list is named: full name, title and surname, or first name in a staff context.',
    messages: {
      name: { text: 'Names a colleague from your school.', policy: 'say colleagues must not be identified or discussed without their consent' },
    },
  },
  compile(config) {
    const pupils = nameIndexFor(config.pupils ?? [], PUPIL_NAMES);
    return {
      staff: nameIndexFor(config.staff ?? [], STAFF_NAMES),
      // longest first, so "mrs" is tried before "mr"
      titles: [...TITLES].sort((a, b) => b.length - a.length),
      pupilFirst: new Set(pupils.people.flatMap((p) => p.firstKeys)),
      pupilLast: new Set(pupils.people.map((p) => p.lastKey).filter(Boolean)),
    };
  },
  check(doc, { compiled: c }) {
    if (c.staff.people.length === 0) return [];
    const out: Hit[] = [];
    for (const m of c.staff.scan(doc)) {
      let named: boolean;
      switch (m.kind) {
        case 'full':
        case 'title-last':
        case 'title-first':
          named = true;
          break;
        case 'initial':
        case 'first':
          named = firstNameInContext(doc, m, c);
          break;
        case 'last':
          named = surnameInContext(doc, m, c);
          break;
      }
      if (!named) continue;
      // a saint, a feast, a place or a dish built on the name: "Mass at St Anthony's", "Christmas Eve"
      if ((m.kind === 'first' || m.kind === 'last') && inNotAPerson(doc, m.first, m.last)) continue;
      const first = doc.tokens[m.first]!;
      const last = doc.tokens[m.last]!;
      const hit: Hit = { start: first.start, end: last.end, messageId: 'name' };
      if (!inTag(first) && !inTag(last)) {
        hit.fix = { label: 'Replace the name with "a colleague"', start: first.start, end: last.end, replacement: last.possessive ? "a colleague's" : 'a colleague' };
      }
      out.push(hit);
    }
    const covered = new SpanIndex(out);
    out.push(...tagHits(doc, c, (s, e) => covered.overlaps(s, e)));
    return out;
  },
});
