// pupil-reference: one particular pupil, or one pupil's family, discussed or identifiable without a
// roster name: "one of my Year 6 boys", "a child in my class", "kid in 4B", "a Year 3 mum at
// pickup", or a first name that is not on the roster in a pupil context ("well done Jayden in 5B").
// Whole anonymous groups ("our pupils raised £400") are quiet, except under a policy that forbids
// discussing pupils at all (scholars-academy-trust-2022), where they are reported at info.
import pupilReferenceJson from '../../../rules/lexicons/pupil-reference.json';
import { parseLexicon } from '../../data/lexicons.js';
import { aboutWork, elsewhereOnly, groupMatch, isClassCode, pupilMentions, workSignals, yearGroupAt } from '../context.js';
import { addressedAt, FIRST_NAMES, isTitleToken, mentionsWork, nameClass, pupilContextAt, staffContextNear } from '../name-data.js';
import { inTag } from '../names.js';
import { defineRule, type Hit } from '../rule.js';
import type { Doc } from '../text/doc.js';
import { PhraseMatcher } from '../text/pattern.js';
import { SpanIndex, SpanMask } from '../text/spans.js';
import { TagKind } from '../text/tokenize.js';

const LEX = parseLexicon(pupilReferenceJson, 'rules/lexicons/pupil-reference.json');
const matcher = new PhraseMatcher(LEX.entries, LEX.classes ?? {});
const TAGS = new Map(LEX.entries.map((e) => [e.id, new Set(e.tags ?? [])]));

/** The policy that forbids discussing pupils at all, so even anonymous group mentions are reported (at info). */
const NO_DISCUSSION_POLICY = 'scholars-academy-trust-2022';

/** Words before a singular pupil word that make it the whole group: "every child in 4B". */
const WHOLE_GROUP = new Set(['every', 'each', 'all', 'any', 'no', 'per']);

/** Words that open a generic case: "if a child tells you something worrying", "when a student writes a stunning paragraph". */
const GENERIC_OPENERS = new Set(['if', 'when', 'whenever', 'once', 'unless', 'until', 'till', 'before']);
/** Adverbs of a rule or a habit before "a child": "never", "always", "should". */
const RULE_ADVERBS = new Set(['never', 'always', 'should', 'shouldnt', 'must', 'mustnt', 'ever']);
/** Present-tense verbs a generic case goes on with (what a child "tells" or "does" in general, not what one child did). */
const GENERIC_VERBS = new Set(['is', 'has', 'does', 'needs', 'can', 'cant', 'will', 'wont', 'may', 'might', 'should', 'doesnt', 'isnt']);
const FAMILY_ONE: ReadonlySet<string> = new Set(LEX.classes?.['family-one'] ?? []);
const PUPIL_NOUNS: ReadonlySet<string> = new Set([...(LEX.classes?.['pupil-one'] ?? []), ...FAMILY_ONE]);

/** Is the word at k a present-tense verb of a generic case: "tells", "writes", "asks", "is", "needs"? */
function presentVerb(doc: Doc, k: number): boolean {
  const t = doc.tokens[k];
  if (!t) return false;
  if (GENERIC_VERBS.has(t.norm)) return true;
  // third person -s, not a plural noun: a pupil noun's plural ("boys") or a year group's ("Year 8s") is no verb
  return t.norm.length > 3 && t.norm.endsWith('s') && !t.norm.endsWith('ss') && !PUPIL_NOUNS.has(t.norm.slice(0, -1)) && !/\d/.test(t.norm);
}

/**
 * A generic case, not one child: "if a child tells you something", "When a Year 8 tells me the Gujarati
 * word for...". An opener just before an indefinite pupil, going on in the present tense. One child's
 * story is in the past: "when a Year 8 boy threw a chair" stays a particular pupil.
 */
function genericCase(doc: Doc, first: number, last: number): boolean {
  const t = doc.tokens[first]!;
  if (t.norm !== 'a' && t.norm !== 'an' && t.norm !== 'any') return false;
  // "we never call a child lazy", "you should always tell a child why": a rule for any child, when the child is
  // no more than "a child" (a class or a year group beside it makes one child)
  if (last === first + 1) {
    for (let k = first - 1; k >= first - 3 && k >= 0 && doc.tokens[k]!.sentence === t.sentence; k--) if (RULE_ADVERBS.has(doc.tokens[k]!.norm)) return true;
  }
  const opener = doc.tokens[first - 1];
  if (!opener || opener.sentence !== t.sentence || !GENERIC_OPENERS.has(opener.norm)) return false;
  // the verb: the first word after the pupil noun (inside the match, or just after it)
  for (let k = first + 1; k <= last + 2 && doc.tokens[k]?.sentence === t.sentence; k++) {
    if (PUPIL_NOUNS.has(doc.tokens[k]!.norm) || /^\d+$/.test(doc.tokens[k]!.norm) || /^(year|yr)$/.test(doc.tokens[k]!.norm)) continue;
    return presentVerb(doc, k);
  }
  return false;
}

/** A pupil noun capitalised mid-sentence is a title's or a name's word: "Reading The Boy at the Back of the Class". */
function titleWord(doc: Doc, first: number, last: number): boolean {
  for (let k = first; k <= last; k++) {
    const t = doc.tokens[k]!;
    if (t.cap && !t.allCaps && !t.sentenceStart && PUPIL_NOUNS.has(t.norm)) return true;
  }
  return false;
}

/** Greetings that open a reply to one person: "Hiya Jo, ...". */
const GREETINGS: ReadonlySet<string> = new Set(LEX.classes?.['reply-greeting'] ?? []);
/** Greeted words that are everyone, not one parent: "Morning all,", "Hi everyone,". */
const GROUP_GREETED: ReadonlySet<string> = new Set(LEX.classes?.['reply-group'] ?? []);

/** The draft opens by addressing one person: an @handle first ("@DanielleP1982 he won't be..."), or a greeting and a first name ("Hi Michelle, ..."). */
function opensAsReply(doc: Doc): boolean {
  const [a, b] = doc.tokens;
  if (!a) return false;
  // X's own heading of a reply, copied in: "Replying to Gaynor: ...", "Replying to @KarenB_ ..."
  const c = doc.tokens[2];
  if (a.norm === 'replying' && b?.norm === 'to' && c && c.sentence === a.sentence && (c.tag === TagKind.Handle || c.cap)) return true;
  if (a.tag === TagKind.Handle) return doc.draft.slice(0, doc.tags[a.tagId]!.start).trim() === '';
  if (!GREETINGS.has(a.norm) || !b || !b.cap || b.sentence !== a.sentence || GROUP_GREETED.has(b.norm)) return false;
  // a first name, or any word set off by a comma as one ("Hiya Jo, ...")
  return FIRST_NAMES.has(b.base) || doc.draft[b.end] === ',';
}

/** Are there class codes or year groups among tokens [a, b]? ("4B", "Year 9") */
function hasGroupCode(doc: Doc, a: number, b: number): boolean {
  for (let k = a; k <= b; k++) {
    if (isClassCode(doc, doc.tokens[k]!)) return true;
    if (yearGroupAt(doc, k) >= 0 && yearGroupAt(doc, k) <= b) return true;
  }
  return false;
}

/** The year group among tokens [a, b] is written as one pupil: "Year 7", not "Year 7s". */
function singularYear(doc: Doc, a: number, b: number): boolean {
  for (let k = a; k <= b; k++) {
    const n = yearGroupAt(doc, k);
    if (n >= 0) return /^\d{1,2}$/.test(doc.tokens[n]!.norm);
  }
  return false;
}

/** Work vocabulary in the same sentence as [a, b], outside it ("…in my lesson", "…during period 3"). */
function schoolSentence(doc: Doc, a: number, b: number): boolean {
  const s = doc.tokens[a]!.sentence;
  const w = workBySentence(doc);
  // one of them ends before a, or one starts after b
  return (w.minLast.get(s) ?? Infinity) < a || (w.maxFirst.get(s) ?? -Infinity) > b;
}

/** Per sentence, the smallest last token and largest first token of its work vocabulary (strong and education words), cached. */
const workCache = new WeakMap<Doc, { minLast: Map<number, number>; maxFirst: Map<number, number> }>();
function workBySentence(doc: Doc) {
  let w = workCache.get(doc);
  if (!w) {
    const sig = workSignals(doc);
    w = { minLast: new Map<number, number>(), maxFirst: new Map<number, number>() };
    for (const m of [...sig.strong, ...sig.edu]) {
      const s = doc.tokens[m.first]!.sentence;
      w.minLast.set(s, Math.min(w.minLast.get(s) ?? Infinity, m.last));
      w.maxFirst.set(s, Math.max(w.maxFirst.get(s) ?? -Infinity, m.first));
    }
    workCache.set(doc, w);
  }
  return w;
}

function specificHits(doc: Doc, staffSentencesOf: () => ReadonlySet<number>): Hit[] {
  const out: Hit[] = [];
  // a reply to one parent about school: its he/she is their child (one mark is enough)
  let reply: boolean | undefined;
  let replied = false;
  let staffSentences: ReadonlySet<number> | undefined;
  // the school's class names read as class codes: "the kid in Owls", "the Oak dad"
  for (const m of groupMatch(matcher, doc)) {
    const tags = TAGS.get(m.id) ?? new Set<string>();
    // "every child in 4B", "every single one of our Year 11s": the whole group
    const s = doc.tokens[m.first]!.sentence;
    let whole = false;
    for (let k = m.first - 1; k >= 0 && k >= m.first - 2 && doc.tokens[k]!.sentence === s; k--) if (WHOLE_GROUP.has(doc.tokens[k]!.norm)) whole = true;
    if (whole || genericCase(doc, m.first, m.last) || titleWord(doc, m.first, m.last)) continue;
    if (tags.has('check-code') && !hasGroupCode(doc, m.first, m.last)) continue;
    // "a Year 8 with ASD" is one pupil, "the Year 8s with..." the year group
    if (tags.has('singular') && !singularYear(doc, m.first, m.last)) continue;
    if (tags.has('needs-work') && (workSignals(doc).ownFamily || !aboutWork(doc))) continue;
    // a colleague named on the staff list makes the draft about school too ("Mrs Dyson caught a kid climbing the fence")
    if (tags.has('needs-work-words') && (workSignals(doc).ownFamily || !(mentionsWork(doc) || (staffSentences ??= staffSentencesOf()).size > 0))) continue;
    if (tags.has('reply')) {
      if (replied || doc.tokens[m.first]!.tag !== TagKind.None) continue;
      if (!(reply ??= opensAsReply(doc) && mentionsWork(doc) && !workSignals(doc).ownFamily)) continue;
      // "@Sarah he's the best PE teacher going": the he is a colleague
      if ((staffSentences ??= staffSentencesOf()).has(s) || staffContextNear(doc, m.first, m.last, 5)) continue;
      replied = true;
    }
    if (tags.has('needs-school-sentence') && (!schoolSentence(doc, m.first, m.last) || workSignals(doc).ownFamily)) continue;
    out.push({ start: m.start, end: m.end, messageId: 'specific' });
  }
  return out;
}

/** A child's first name that is not on the roster, in a pupil context: "well done Jayden in 5B", "Jayden (Year 4)". */
function unknownNameHits(doc: Doc): Hit[] {
  const out: Hit[] = [];
  const toks = doc.tokens;
  for (let i = 0; i < toks.length; i++) {
    const t = toks[i]!;
    if (!t.cap || t.allCaps || inTag(t) || !FIRST_NAMES.has(t.base) || nameClass(t.base) !== 'plain') continue;
    if (isTitleToken(toks[i - 1])) continue;
    const n = toks[i + 1];
    const sameSentence = (k: number) => toks[k] && toks[k]!.sentence === t.sentence;
    // "Jayden in 5B", "Jayden from Year 4", "Jayden (5B)"
    let k = i + 1;
    if (sameSentence(k) && /^(in|from|of)$/.test(toks[k]!.norm)) k++;
    const grouped = sameSentence(k) && (isClassCode(doc, toks[k]!) || yearGroupAt(doc, k) >= 0);
    const capitalisedSurname = n && n.cap && sameSentence(i + 1) && !n.sentenceStart;
    if (grouped && !(capitalisedSurname && !/^(in|from|of)$/.test(n!.norm))) {
      out.push({ start: t.start, end: t.end, messageId: 'name' });
      continue;
    }
    // "Sam's mum, we would never...": a child's first name with their parent, in a draft about school
    if (t.possessive && n && n.sentence === t.sentence && FAMILY_ONE.has(n.norm) && (mentionsWork(doc) || pupilContextAt(doc, i, 12, false)) && !workSignals(doc).ownFamily) {
      out.push({ start: t.start, end: n.end, messageId: 'name' });
      continue;
    }
    // "well done Jayden" / "congratulations to Jayden" in a sentence about pupils; "Hi Mel, ..." opening a reply greets its reader
    if (i === 1 && GREETINGS.has(toks[0]!.norm)) continue;
    if (addressedAt(doc, i) && (pupilContextAt(doc, i, 10, false) || schoolSentence(doc, i, i))) {
      out.push({ start: t.start, end: t.end, messageId: 'name' });
    }
  }
  return out;
}

/** Under a no-discussion policy: every mention of pupils, even as an anonymous group. */
function groupHits(doc: Doc): Hit[] {
  const out: Hit[] = [];
  const own = workSignals(doc).ownFamily;
  for (const m of pupilMentions(doc)) {
    const prev = doc.tokens[m.first - 1];
    // "my kids", "our children" are the writer's own when they speak of their family
    if (own && prev && /^(my|our)$/.test(prev.norm)) continue;
    out.push({ start: m.start, end: m.end, messageId: 'group', cap: 'info' });
  }
  for (const m of workSignals(doc).strong) {
    if (m.id !== 'year-group' && m.id !== 'class-code') continue;
    out.push({ start: m.start, end: m.end, messageId: 'group', cap: 'info' });
  }
  return out;
}

export default defineRule({
  meta: {
    id: 'pupil-reference',
    description: "A specific pupil or a pupil's family is discussed or identifiable without a roster name.",
    messages: {
      specific: { text: "Points to a particular pupil or a pupil's family, who could be recognised.", policy: 'say pupils must not be discussed or identified online' },
      name: { text: 'Names a child in a school context.', policy: 'say pupils must not be identified online' },
      group: { text: 'Discusses pupils.', policy: 'say pupils must not be discussed on social media at all' },
    },
  },
  check(doc, env) {
    // a child in the news, in a draft that claims no school of the writer's: "Heartbroken to hear the news about the
    // wee boy in Newry", "the little lad from Canvey who was in the news this week"
    if (elsewhereOnly(doc, env.hits)) return [];
    const named = new SpanIndex([...(env.hits.get('pupil-name') ?? []), ...(env.hits.get('staff-name') ?? [])]);
    const overlapsName = (h: Hit) => named.overlaps(h.start, h.end);
    const out: Hit[] = [];
    const taken = new SpanMask(doc.draft.length);
    const add = (h: Hit) => {
      if (taken.overlaps(h.start, h.end)) return;
      taken.add(h.start, h.end);
      out.push(h);
    };
    // the sentences that name a colleague, asked only of a reply
    const staffSentences = () => new Set((env.hits.get('staff-name') ?? []).map((h) => doc.tokens.find((t) => t.end > h.start)?.sentence ?? -1));
    for (const h of specificHits(doc, staffSentences)) add(h);
    for (const h of unknownNameHits(doc)) if (!overlapsName(h)) add(h);
    if (env.config.policy === NO_DISCUSSION_POLICY) for (const h of groupHits(doc)) if (!overlapsName(h)) add(h);
    return out;
  },
});
