// staff-name: a colleague on the school's staff list is named: full name, title + surname
// ("Mrs Patel", "Mr. Kerr"), title + first name ("Miss Rose"), a first name next to a staff word
// ("Tom from maths", "our head Anita"), possessives, hashtags and handles ("@MrKerrMaths").
// A surname alone is not enough unless the words around it say it is a member of staff.
import { DETERMINERS, nameClass, staffContextNear, surnameIsWord, TITLES, VARIANTS, workInSentence } from '../name-data.js';
import { adjacent, after, inTag, NameIndex, tagSpan, tagText, titleCaseSentence, type NameMatch } from '../names.js';
import { defineRule, type Hit } from '../rule.js';
import type { Doc } from '../text/doc.js';
import { SpanIndex } from '../text/spans.js';

interface Compiled {
  staff: NameIndex;
  titles: string[];
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
  const plain = nameClass(keyOf(doc, a, b)) === 'plain';
  // a staff word next to the name, or (for a name that is not a word) work talk in its sentence: "Fiona, thanks for covering my lesson"
  if (!staffContextNear(doc, a, b) && !(plain && workInSentence(doc, a, b))) return false;
  if (otherSurname(doc, m, c.staff)) return false;
  const prev = doc.tokens[a - 1];
  if (prev && prev.sentence === t.sentence && DETERMINERS.has(prev.norm)) return false;
  if (plain) return true;
  // names that are words ("Will", "Mark", "Rose", "Jo") only mid-sentence or addressed ("Jo, ...")
  if (t.sentenceStart) return /^\s*,/.test(after(doc, b)) || staffContextNear(doc, a, b, 2);
  return !titleCaseSentence(doc, a);
}

function surnameInContext(doc: Doc, m: NameMatch): boolean {
  const a = m.nameFirst;
  const t = doc.tokens[a]!;
  if (!t.cap || t.sentenceStart || inTag(t)) return false;
  if (surnameIsWord(keyOf(doc, a, m.nameLast))) return false;
  const prev = doc.tokens[a - 1];
  if (prev && prev.cap && prev.sentence === t.sentence && adjacent(doc, prev, t)) return false;
  return staffContextNear(doc, a, m.nameLast, 3);
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
    return {
      staff: new NameIndex(config.staff ?? [], { titles: TITLES, variants: VARIANTS }),
      // longest first, so "mrs" is tried before "mr"
      titles: [...TITLES].sort((a, b) => b.length - a.length),
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
          named = surnameInContext(doc, m);
          break;
      }
      if (!named) continue;
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
