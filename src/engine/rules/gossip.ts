// gossip: rumour or hearsay about the school or colleagues ("apparently Mr Hill is being sacked",
// "word is the head is leaving"). A hearsay cue counts when a colleague or the school is in the same
// sentence: a staff-name or school-identity hit, a title and surname ("Mr Kerr"), or a word of the
// lexicon's subject class ("the head", "SLT", "the deputy"). The bare "heard" is gossip only as
// "heard <subject> is/has/'s...", so "I heard the head speak" and "heard the kids singing" stay quiet.
import gossipJson from '../../../rules/lexicons/gossip.json';
import { baseView, negatedBefore, tokenIndexAt } from '../context.js';
import { parseLexicon } from '../../data/lexicons.js';
import { defineRule, type Hit } from '../rule.js';
import type { Doc } from '../text/doc.js';
import { foldWord, PhraseMatcher } from '../text/pattern.js';
import type { RuleId } from '../types.js';

const LEXICON = parseLexicon(gossipJson, 'rules/lexicons/gossip.json');
const classes = LEXICON.classes ?? {};
const CUES = new PhraseMatcher(LEXICON.entries, classes);
const TAGS = new Map(LEXICON.entries.map((e) => [e.id, e.tags ?? []]));
const SUBJECTS = new PhraseMatcher([{ id: 'subject', patterns: ['@subject'] }], classes);
/** One-word subjects by base form, so "the head's leaving" (possessive-looking contraction) counts. */
const SUBJECT_WORDS = new Set((classes['subject'] ?? []).filter((w) => !/\s/.test(w)).map(foldWord));
const TITLES = new Set(['mr', 'mrs', 'ms', 'miss', 'mx', 'dr', 'sir', 'madam', 'prof']);
/** What follows "heard <subject>" when it is news about them, not a sound. */
const NEWS_VERBS = new Set(
  'is are was were has have had will wont might may could would got gets getting going leaving left quit quits quitting resigned resigning retiring retired sacked fired off moving moved pregnant being been cant isnt arent wasnt hasnt havent doesnt didnt did having about set'.split(' '),
);
const SUBJECT_RULES: readonly RuleId[] = ['staff-name', 'school-identity'];
const FIRST_PERSON = new Set(['i', 'im', 'ive', 'id', 'ill', 'me']);
/** Words that may sit between "heard" and its subject: "heard that the new head...". */
const LEAD_IN = new Set(['that', 'the', 'our', 'my', 'a', 'one', 'of', 'new', 'two', 'some']);

interface Span {
  first: number;
  last: number;
  start: number;
  end: number;
}

function subjects(doc: Doc, hits: ReadonlyMap<RuleId, readonly Hit[]>): Span[] {
  const out: Span[] = [];
  for (const id of SUBJECT_RULES) {
    for (const h of hits.get(id) ?? []) {
      const first = tokenIndexAt(doc, h.start);
      let last = first;
      while (last + 1 < doc.tokens.length && doc.tokens[last + 1]!.start < h.end) last++;
      if (first < doc.tokens.length) out.push({ first, last, start: h.start, end: h.end });
    }
  }
  // possessives read as their word: "the business manager's been caught"
  for (const m of SUBJECTS.match(baseView(doc))) out.push(m);
  for (const t of doc.tokens) {
    if (t.possessive && SUBJECT_WORDS.has(t.base)) out.push({ first: t.i, last: t.i, start: t.start, end: t.end });
    const next = doc.tokens[t.i + 1];
    if (TITLES.has(t.norm) && next && next.cap && next.sentence === t.sentence) out.push({ first: t.i, last: t.i + 1, start: t.start, end: next.end });
  }
  return out;
}

/**
 * The subjects of each sentence, for the question every cue asks: which subject, first in the
 * order found, stands where this cue can take it? Answered from the subjects sorted by position
 * (and, for "anywhere after the cue", the earliest found among those after), so a long sentence of
 * cues and subjects stays linear.
 */
class Subjects {
  private readonly sentences = new Map<number, { byFirst: Array<Span & { order: number }>; laterFirst: Int32Array; longest: number }>();
  constructor(
    private readonly doc: Doc,
    private readonly subs: Span[],
  ) {
    const lists = new Map<number, Array<Span & { order: number }>>();
    subs.forEach((x, order) => {
      const s = doc.tokens[x.first]!.sentence;
      const l = lists.get(s);
      if (l) l.push({ ...x, order });
      else lists.set(s, [{ ...x, order }]);
    });
    for (const [s, l] of lists) {
      l.sort((a, b) => a.first - b.first);
      // laterFirst[k]: the earliest found among byFirst[k..]
      const laterFirst = new Int32Array(l.length);
      let m = Infinity;
      for (let k = l.length - 1; k >= 0; k--) laterFirst[k] = m = Math.min(m, l[k]!.order);
      let longest = 0;
      for (const x of l) longest = Math.max(longest, x.last - x.first);
      this.sentences.set(s, { byFirst: l, laterFirst, longest });
    }
  }

  private from(list: Array<{ first: number }>, first: number): number {
    let lo = 0;
    let hi = list.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (list[mid]!.first < first) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** The first found of the sentence's subjects starting in [lo, hi] that passes `ok`. */
  first(sentence: number, lo: number, hi: number, ok: (x: Span) => boolean): Span | undefined {
    const s = this.sentences.get(sentence);
    if (!s) return undefined;
    let best = Infinity;
    for (let k = this.from(s.byFirst, lo); k < s.byFirst.length && s.byFirst[k]!.first <= hi; k++) {
      const x = s.byFirst[k]!;
      if (x.order < best && ok(x)) best = x.order;
    }
    return best === Infinity ? undefined : this.subs[best];
  }

  /** The first found of the subjects after the cue [first, last], or ending at most SUBJECT_BEFORE words before it. */
  subjectOf(sentence: number, first: number, last: number): Span | undefined {
    const s = this.sentences.get(sentence);
    if (!s) return undefined;
    const after = this.from(s.byFirst, last + 1);
    let best = after < s.byFirst.length ? s.laterFirst[after]! : Infinity;
    for (let k = this.from(s.byFirst, first - SUBJECT_BEFORE - s.longest); k < s.byFirst.length && s.byFirst[k]!.first < first; k++) {
      const x = s.byFirst[k]!;
      if (x.last < first && first - x.last <= SUBJECT_BEFORE && x.order < best) best = x.order;
    }
    return best === Infinity ? undefined : this.subs[best];
  }
}

/** How far before a hearsay word its subject may end: "Mr Kerr is apparently leaving", not "No TA again this term, 32 kids ... and apparently". */
const SUBJECT_BEFORE = 4;

/** Up to two words after token i, then an opening quote: "apparently that's 'manageable'". */
function scareQuoted(doc: Doc, i: number): boolean {
  const t = doc.tokens[i]!;
  const rest = doc.draft.slice(t.end, t.end + 40);
  return /^\s+(?:[\w’']+\s+){0,2}['‘"“][A-Za-z][^'’"”]{0,30}['’"”]/.test(rest);
}

/** "heard <subject> is leaving": the subject starts within a few lead-in words and a news verb follows. */
function heardAbout(doc: Doc, cueLast: number, subject: Span): boolean {
  if (subject.first <= cueLast) return false;
  for (let k = cueLast + 1; k < subject.first; k++) if (!LEAD_IN.has(doc.tokens[k]!.norm)) return false;
  if (doc.tokens[subject.last]!.possessive) return true; // "the head's leaving"
  // "heard the head is leaving", "heard Miss Bowen and Mr Kerr are an item": a news verb soon after, in the same clause
  for (let k = subject.last + 1; k <= subject.last + 6 && k < doc.tokens.length; k++) {
    const t = doc.tokens[k]!;
    if (t.sentence !== doc.tokens[subject.last]!.sentence || (k > subject.last + 3 && t.clause !== doc.tokens[subject.last]!.clause)) break;
    if (NEWS_VERBS.has(t.norm) || NEWS_VERBS.has(t.base)) return true;
  }
  return false;
}

export default defineRule({
  meta: {
    id: 'gossip',
    description: 'Passes on a rumour or hearsay about the school or a colleague.',
    lexical: true,
    messages: {
      rumour: { text: 'Passes on a rumour about the school or a colleague.', policy: 'say staff must not post gossip or circulate rumours' },
    },
  },
  check(doc, env) {
    const cues = CUES.match(doc);
    if (cues.length === 0) return [];
    const subs = subjects(doc, env.hits);
    if (subs.length === 0) return [];
    const out: Hit[] = [];
    const used = new Set<number>();
    const near = new Subjects(doc, subs);
    // "heard that the new head...": where the lead-in words after token k end
    const leadEnds = new Map<number, number>();
    const leadEnd = (k: number): number => {
      let e = leadEnds.get(k);
      if (e === undefined) {
        e = k;
        while (e < doc.tokens.length && LEAD_IN.has(doc.tokens[e]!.norm)) e++;
        leadEnds.set(k, e);
      }
      return e;
    };
    for (const c of cues) {
      if (negatedBefore(doc, c.first, 3)) continue;
      // "Apparently I'm the only one who can fix the printer": hearsay about the writer is not gossip
      const next = doc.tokens[c.last + 1];
      if (next && next.sentence === doc.tokens[c.last]!.sentence && FIRST_PERSON.has(next.norm)) continue;
      const sentence = doc.tokens[c.first]!.sentence;
      const weak = (TAGS.get(c.id) ?? []).includes('weak');
      // "apparently that's 'manageable'", "supposedly 'fairer'": a claim repeated in scare quotes is sarcasm, not a rumour
      if (scareQuoted(doc, c.last)) continue;
      if (used.has(sentence)) continue;
      // a claim about colleagues' love lives ("...are more than friends") takes its subject anywhere in the sentence before it
      const claim = (TAGS.get(c.id) ?? []).includes('claim');
      const s = weak
        ? near.first(sentence, c.last + 1, leadEnd(c.last + 1), (x) => heardAbout(doc, c.last, x))
        : (claim ? near.first(sentence, 0, c.first - 1, (x) => x.last < c.first) : undefined) ?? near.subjectOf(sentence, c.first, c.last);
      if (!s) continue;
      used.add(sentence);
      out.push({ start: Math.min(c.start, s.start), end: Math.max(c.end, s.end), messageId: 'rumour' });
    }
    return out;
  },
});
