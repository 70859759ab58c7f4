// confidential: a specific disclosure of a confidential or sensitive matter. A topic (a CP plan, an
// exclusion, a diagnosis, a colleague's sickness, the budget...) counts only with a specificity cue
// in the same sentence: a person (a pupil or colleague named by another rule, "a Year 9 lad", "one
// of my", "a colleague", he/she in a work draft), a group of pupils, or an event ("has been put on",
// "today"). So "great safeguarding training today" and "proud of our SEND team" stay quiet. An
// explicit flag ("off the record", "between you and me") needs no topic, only a hint that the draft
// touches work; the school's configured confidential terms fire alone, and its `blocked` terms are
// reported here too, always at block.
// The vocabulary and the tags that steer all this are data: rules/lexicons/confidential.json.
import confidentialJson from '../../../rules/lexicons/confidential.json';
import type { SchoolConfig } from '../../config/schema.js';
import { aboutWork, baseView, communityMentions, elsewhereOnly, groupMatch, negatedBefore, tokenIndexAt, workSignals } from '../context.js';
import { parseLexicon } from '../../data/lexicons.js';
import { defineRule, type Hit } from '../rule.js';
import type { Doc } from '../text/doc.js';
import type { Token } from '../text/tokenize.js';
import { dropOverlapped, PhraseMatcher, type PhraseMatch } from '../text/pattern.js';
import { ByFirst, RangeIndex } from '../text/spans.js';
import { FIRST_NAMES } from '../name-data.js';
import { placeNameAfter } from './school-identity.js';
import { compileSuppliers, mentions as supplierMentions } from './supplier.js';
import type { RuleId } from '../types.js';

const LEXICON = parseLexicon(confidentialJson, 'rules/lexicons/confidential.json');
const classes = LEXICON.classes ?? {};
// A pattern that is a whole class ("@medical") is the class's members as patterns of their own: the
// matcher indexes patterns by first word but scans a class's members one by one at every candidate
// word ("a", "in"), which made this lexicon four times slower.
const expand = (patterns: string[]) => patterns.flatMap((p) => (/^@[a-z0-9-]+$/.test(p) ? (classes[p.slice(1)] ?? [p]) : [p]));
// Topics and flags are matched first; the cues only when there is a topic to weigh (most drafts have none).
const isTopic = (e: { tags?: string[] | undefined }) => !!e.tags?.some((t) => t === 'topic' || t === 'flag');
const TOPIC_MATCHER = new PhraseMatcher(LEXICON.entries.filter(isTopic).map((e) => ({ id: e.id, patterns: expand(e.patterns) })), classes);
const CUE_MATCHER = new PhraseMatcher(LEXICON.entries.filter((e) => !isTopic(e)).map((e) => ({ id: e.id, patterns: expand(e.patterns) })), classes);
// Allow-lists are matched only for the entries that matched (PhraseMatcher would run all of them on
// every draft, which doubles the cost of this large lexicon).
const ALLOW = new Map(LEXICON.entries.filter((e) => e.allow?.length).map((e) => [e.id, new PhraseMatcher([{ id: e.id, patterns: e.allow! }], classes)]));

function matchLexicon(docIn: Doc, matcher: PhraseMatcher, groups = false): PhraseMatch[] {
  // possessives read as their word ("LADO's been called", "the business manager's been walked off site")
  const doc = baseView(docIn);
  // cues read the school's class names as class codes ("two Owls boys", "a Kestrels parent")
  const found = groups ? groupMatch(matcher, doc) : matcher.match(doc);
  const allowed = new Map<string, RangeIndex>();
  return found.filter((m) => {
    const allow = ALLOW.get(m.id);
    if (!allow) return true;
    let a = allowed.get(m.id);
    if (!a) allowed.set(m.id, (a = new RangeIndex(allow.match(doc))));
    return !a.overlaps(m.first, m.last);
  });
}

const TAGS = new Map(LEXICON.entries.map((e) => [e.id, new Set(e.tags ?? [])]));

/** Rules whose hits name a person in the sentence (a specificity cue) and make the draft about work. */
const PERSON_RULES: readonly RuleId[] = ['pupil-name', 'pupil-reference', 'staff-name'];
const WORK_RULES: readonly RuleId[] = [...PERSON_RULES, 'school-identity'];
const PRONOUNS = new Set(['he', 'she', 'him', 'her', 'his', 'hers', 'himself', 'herself']);
const TITLES = new Set(['mr', 'mrs', 'ms', 'miss', 'mx', 'dr', 'sir']);
/** What may follow a "can't say more" flag and still end it: "Can't say more yet!" */
const FLAG_TAIL = new Set(['yet', 'but', 'now', 'until', 'till', 'sorry', 'though']);
/** The topic tag that names the message. */
const TOPIC_MESSAGES = ['safeguarding', 'police', 'exclusion', 'send', 'medical', 'sexuality', 'pp', 'care', 'attendance', 'behaviour', 'results', 'staff', 'meeting', 'finance', 'inspection', 'survey'] as const;
/** Topics that are a child's (said with he/she or "one of my", they are a pupil's without other work words). */
const CHILD_SIDE = ['safeguarding', 'care', 'exclusion', 'attendance', 'bereaved'] as const;
/** The writer's own people ("my brother", "my mum"): their he/she is no pupil. */
const KIN = new Set(['brother', 'sister', 'mum', 'mam', 'mom', 'dad', 'husband', 'wife', 'partner', 'boyfriend', 'girlfriend', 'son', 'daughter', 'nan', 'gran', 'grandad', 'cousin', 'uncle', 'aunt', 'auntie', 'niece', 'nephew', 'friend', 'mate', 'neighbour', 'fiance', 'fiancee', 'stepdad', 'stepmum', 'bestie', 'bf', 'gf', 'hubby', 'missus']);
function ownKin(doc: Doc): boolean {
  return doc.tokens.some((t, i) => (t.norm === 'my' || t.norm === 'our') && KIN.has(doc.tokens[i + 1]?.base ?? ''));
}
/** The writer's own child or relative, by "my"/"our", in sentence s or the one before: "My son got his GCSE results today". */
const OWN_CHILD = new Set([...KIN, 'lad', 'boy', 'girl', 'kid', 'youngest', 'eldest', 'middle', 'stepson', 'stepdaughter', 'grandson', 'granddaughter']);
const ownKinCache = new WeakMap<Doc, ReadonlySet<number>>();
function ownKinNear(doc: Doc, s: number): boolean {
  let at = ownKinCache.get(doc);
  if (!at) {
    // the sentences that name the writer's own child or relative, found once per draft
    const found = new Set<number>();
    const toks = doc.tokens;
    for (let i = 0; i + 1 < toks.length; i++) {
      const t = toks[i]!;
      const n = toks[i + 1]!;
      if ((t.norm === 'my' || t.norm === 'our') && n.sentence === t.sentence && OWN_CHILD.has(n.base)) found.add(t.sentence);
    }
    ownKinCache.set(doc, (at = found));
  }
  return at.has(s) || at.has(s - 1);
}
/** Verbs of telling that a negator turns into a statement of principle: "I would never share a pupil's EHCP". */
const SHARE = new Set(['share', 'sharing', 'post', 'posting', 'discuss', 'discussing', 'mention', 'mentioning', 'name', 'naming', 'reveal', 'revealing', 'disclose', 'disclosing', 'put', 'putting', 'publish', 'tweet']);
const PRINCIPLE = new Set(['never', 'wouldnt', 'shouldnt', 'mustnt', 'cannot', 'cant', 'wont']);
/**
 * What may stand between the negator and the verb of telling in a principle ("I would never ever
 * share", "wouldn't dream of posting"). Any other word means the negator is another verb's: "Can't
 * believe they've put a colleague on capability" is an exclamation, and discloses.
 */
const PRINCIPLE_GAP = new Set(['ever', 'even', 'really', 'just', 'actually', 'dare', 'dream', 'of', 'be', 'i', 'we', 'you', 'want', 'to', 'go']);
/** A negated verb of telling earlier in the sentence: the writer says what must not be shared, and shares nothing. */
function principle(doc: Doc, m: PhraseMatch): boolean {
  const s = doc.tokens[m.first]!.sentence;
  for (let k = m.first - 1; k >= 0 && k >= m.first - 8 && doc.tokens[k]!.sentence === s; k--) {
    if (!SHARE.has(doc.tokens[k]!.norm)) continue;
    // "never", "wouldn't", "shouldn't", "would not": a principle; "Don't share this, but..." is a flag and still discloses
    for (let j = k - 1; j >= 0 && j >= k - 3 && doc.tokens[j]!.sentence === s; j--) {
      const n = doc.tokens[j]!.norm;
      if (PRINCIPLE.has(n) || (n === 'not' && /^(would|should|must|will|could)$/.test(doc.tokens[j - 1]?.norm ?? ''))) return true;
      if (!PRINCIPLE_GAP.has(n)) break;
    }
  }
  return false;
}
/** A topic that things are measured against is no case: "a cup of tea fixes more than a strategy meeting", "worse than any inspection". */
function comparedWith(doc: Doc, m: PhraseMatch): boolean {
  const s = doc.tokens[m.first]!.sentence;
  const at = (k: number) => (k >= 0 && doc.tokens[k]!.sentence === s ? doc.tokens[k]!.norm : '');
  const k = /^(a|an|any|some)$/.test(at(m.first - 1)) ? m.first - 2 : m.first - 1;
  return at(k) === 'than';
}
/** Before a medical word in its clause: harm wished or foretold ("he'll be leaving in an ambulance"), not a disclosure. */
const FUTURE = new Set(['ll', 'will', 'gonna', 'would', 'wouldnt', 'might', 'could', 'shall']);

interface Compiled {
  terms: PhraseMatcher | null;
  /** the school's suppliers: a sum paid to one is the school's contract ("we pay Castlegate IT £80k a year") */
  suppliers: ReturnType<typeof compileSuppliers>;
}

function literalPatterns(terms: readonly string[] | undefined): string[] {
  return (terms ?? []).map((t) => t.replace(/[#@]/g, ' ').replace(/[^\p{L}\p{N}'’\s-]/gu, ' ').trim()).filter(Boolean);
}

/** Words for a sum's size: "38k", "ninety grand", "eleven thousand" (confidential.json's sum-unit, tens-word). */
const SUM_UNIT = new Set(classes['sum-unit'] ?? []);
const TENS_WORD = new Set(classes['tens-word'] ?? []);
const BIG_SUM = 10000;
/**
 * Does sentence s name a sum of five figures or more? "£84,000", "£380k", "ninety grand". A
 * household rarely speaks of such sums with a budget cut or a deficit; a school does. Millions and
 * billions are left out: those are councils' and nations' budgets, in the news.
 */
function bigSumIn(doc: Doc, s: number): boolean {
  for (const t of doc.tokens) {
    if (t.sentence < s) continue;
    if (t.sentence > s) break;
    const next = doc.tokens[t.i + 1];
    const unit = next !== undefined && next.sentence === s && SUM_UNIT.has(next.norm);
    const k = /^(\d+)k$/.exec(t.norm);
    if (k && Number(k[1]) >= 10) return true;
    if (t.numeric && (Number(t.norm) >= BIG_SUM || (unit && Number(t.norm) >= 10))) return true;
    if (unit && TENS_WORD.has(t.norm)) return true;
  }
  return false;
}

const PUBLIC_UNIT = new Set(classes['public-sum-unit'] ?? []);
/** Does sentence s name millions or billions ("£30m", "£2bn", "3 billion")? */
function publicSumIn(doc: Doc, s: number): boolean {
  for (const t of doc.tokens) {
    if (t.sentence < s) continue;
    if (t.sentence > s) break;
    const m = /^\d+([a-z]+)$/.exec(t.norm);
    if (m && PUBLIC_UNIT.has(m[1]!)) return true;
    const next = doc.tokens[t.i + 1];
    if (t.numeric && next !== undefined && next.sentence === s && PUBLIC_UNIT.has(next.norm)) return true;
  }
  return false;
}

/** Per-sentence specificity cues. */
interface Cues {
  schoolPerson: Set<number>;
  anyPerson: Set<number>;
  pronoun: Set<number>;
  group: Set<number>;
  event: Set<number>;
  budget: Set<number>;
  /** a fund only a school has, or who handles its money, by sentence ('PEF', 'the finance committee') */
  schoolMoney: Set<number>;
  /** generic framing (training, research, national figures) by sentence: events there are not cases */
  generic: Map<number, PhraseMatch[]>;
  /** an internal survey is named somewhere in the draft */
  survey: boolean;
  inspection: boolean;
}

function sentenceOfOffset(doc: Doc, offset: number): number {
  return doc.tokens[tokenIndexAt(doc, offset)]?.sentence ?? -1;
}

function cuesOf(doc: Doc, matches: PhraseMatch[], hits: ReadonlyMap<RuleId, readonly Hit[]>): Cues {
  const c: Cues = { schoolPerson: new Set(), anyPerson: new Set(), pronoun: new Set(), group: new Set(), event: new Set(), budget: new Set(), schoolMoney: new Set(), generic: new Map(), inspection: false, survey: false };
  for (const id of PERSON_RULES) for (const h of hits.get(id) ?? []) c.schoolPerson.add(sentenceOfOffset(doc, h.start));
  for (const t of doc.tokens) {
    if (PRONOUNS.has(t.base) || PRONOUNS.has(t.norm)) c.pronoun.add(t.sentence);
    const next = doc.tokens[t.i + 1];
    if (TITLES.has(t.norm) && next?.cap && next.sentence === t.sentence) c.schoolPerson.add(t.sentence);
  }
  for (const m of matches) {
    const tags = TAGS.get(m.id);
    if (!tags) continue;
    const s = doc.tokens[m.first]!.sentence;
    // "Dave from science", "Sarah in maths": a first name, then the department
    if (tags.has('dept')) {
      const p = doc.tokens[m.first - 1];
      if (p && p.sentence === s && p.cap && !p.allCaps && FIRST_NAMES.has(p.base)) c.schoolPerson.add(s);
      continue;
    }
    if (tags.has('school-person')) c.schoolPerson.add(s);
    else if (tags.has('person')) c.anyPerson.add(s);
    if (tags.has('group')) c.group.add(s);
    if (tags.has('event')) c.event.add(s);
    if (tags.has('generic')) {
      const g = c.generic.get(s);
      if (g) g.push(m);
      else c.generic.set(s, [m]);
    }
    if (tags.has('survey-cue')) c.survey = true;
    if (tags.has('budget-cue')) c.budget.add(s);
    if (tags.has('school-money')) c.schoolMoney.add(s);
    if (tags.has('inspection-cue')) c.inspection = true;
  }
  return c;
}

/** Past-tense verbs that open a sentence whose subject was left off: "Rang the DSL.", "Told her mum." */
const SUBJECTLESS_OPENER = new Set(['rang', 'told', 'went', 'had', 'got', 'sent', 'took', 'made', 'spoke', 'gave', 'put', 'kept', 'saw', 'heard', 'found', 'left', 'wrote', 'phoned', 'called', 'emailed', 'logged', 'passed', 'referred', 'flagged', 'reported', 'filled', 'turns', 'turned', 'apparently', 'now', 'still', 'then', 'just']);
/** A pronoun for what the sentence before told, opening a short sentence: "...shouted at our Year 7 girls. It's with the police now." */
const PRONOUN_OPENER = new Set(['it', 'its', 'this', 'thats', 'which']);

/**
 * A short fragment ("Detention.", "Selective mutism, a support plan as long as my arm...") speaks of
 * whoever the sentence before spoke of: the topic begins its sentence, the sentence is a few words,
 * or it opens with a verb and no subject of its own ("Logged it and passed it to safeguarding.").
 */
function fragmentOf(doc: Doc, m: PhraseMatch): boolean {
  const t = doc.tokens[m.first]!;
  if (t.sentenceStart) return true;
  for (let k = m.first - 1; k >= 0 && doc.tokens[k]!.sentence === t.sentence; k--) {
    if (doc.tokens[k]!.sentenceStart && SUBJECTLESS_OPENER.has(doc.tokens[k]!.norm)) return true;
  }
  let n = 0;
  let opener: Token | undefined;
  for (let k = m.first; k < doc.tokens.length && doc.tokens[k]!.sentence === t.sentence; k++) n++;
  for (let k = m.first - 1; k >= 0 && doc.tokens[k]!.sentence === t.sentence; k--) {
    n++;
    opener = doc.tokens[k];
  }
  return n <= 4 || (n <= 6 && !!opener && PRONOUN_OPENER.has(opener.norm));
}

/** A future or conditional word earlier in the clause: "he'll be leaving in an ambulance". */
function foretold(doc: Doc, m: PhraseMatch): boolean {
  const t = doc.tokens[m.first]!;
  for (let k = m.first - 1; k >= 0 && k >= m.first - 6; k--) {
    const p = doc.tokens[k]!;
    if (p.clause !== t.clause) break;
    if (FUTURE.has(p.norm) || (p.contraction && /ll$/.test(p.norm))) return true;
  }
  return false;
}

/** Acronym entries count only when typed in capitals: "SEND needs", not "send me". */
function capsOk(doc: Doc, m: PhraseMatch): boolean {
  const t = doc.tokens[m.first]!;
  return t.allCaps || (t.norm.length <= 1 && t.cap);
}

/** A flag that must end its clause: "between us." but not "the distance between us and the sea". */
function endsClause(doc: Doc, m: PhraseMatch): boolean {
  const t = doc.tokens[m.last]!;
  const next = doc.tokens[m.last + 1];
  if (!next || next.clause !== t.clause || next.sentence !== t.sentence) return true;
  return FLAG_TAIL.has(next.norm);
}

/** Of two topics sharing words ("a fit" / "fit note"), the longer (or the first) reads the words. */
function dropPartlyOverlapped(ms: PhraseMatch[]): PhraseMatch[] {
  const len = (m: PhraseMatch) => m.last - m.first;
  const byFirst = new ByFirst(ms);
  return ms.filter((m) => !byFirst.overlapping(m.first, m.last).some((o) => o !== m && (len(o) > len(m) || (len(o) === len(m) && o.first < m.first))));
}

/** One finding for one disclosure: "diagnosed with" + "ADHD", "got a grade 3" + "grade 3 in". */
function mergeAdjacent(doc: Doc, hits: Hit[]): Hit[] {
  const sorted = [...hits].sort((a, b) => a.start - b.start || b.end - a.end);
  const out: Hit[] = [];
  for (const h of sorted) {
    const prev = out[out.length - 1];
    if (prev && prev.messageId === h.messageId && !prev.force && !h.force && h.start <= prev.end + 1 && !/[.!?\n]/.test(doc.draft.slice(prev.end, h.start))) {
      prev.end = Math.max(prev.end, h.end);
      continue;
    }
    out.push({ ...h });
  }
  return out;
}

export default defineRule<Compiled>({
  meta: {
    id: 'confidential',
    description: 'Discloses a confidential or sensitive matter about a pupil, a colleague or the school.',
    lexical: true,
    messages: {
      safeguarding: { text: 'Discloses a safeguarding or child-protection matter.', policy: 'say safeguarding matters must never be shared outside the proper channels' },
      police: { text: 'Discloses police or social-services involvement with someone.', policy: 'say confidential information must not be posted' },
      exclusion: { text: 'Discloses an exclusion or suspension.', policy: 'say confidential information about pupils must not be posted' },
      send: { text: "Discloses someone's special educational needs.", policy: 'say confidential information about pupils must not be posted' },
      medical: { text: "Discloses someone's health or medical details.", policy: 'say confidential information must not be posted' },
      sexuality: { text: "Discloses someone's sexual orientation or gender identity.", policy: 'say confidential information about pupils must not be posted' },
      pp: { text: "Discloses a pupil's pupil premium or free school meals status.", policy: 'say confidential information about pupils must not be posted' },
      care: { text: 'Discloses that a child is looked after or in care.', policy: 'say confidential information about pupils must not be posted' },
      attendance: { text: "Discloses a pupil's attendance.", policy: 'say confidential information about pupils must not be posted' },
      behaviour: { text: 'Discloses a behaviour incident involving pupils.', policy: 'say confidential information about pupils must not be posted' },
      results: { text: "Discloses a pupil's marks or results.", policy: 'say confidential information about pupils must not be posted' },
      staff: { text: "Discloses a colleague's employment matter (sickness, discipline, redundancy).", policy: 'say confidential staff information must not be posted' },
      meeting: { text: 'Discloses what was said in an internal meeting.', policy: 'say confidential school business must not be posted' },
      finance: { text: "Discloses the school's finances.", policy: 'say confidential school business must not be posted' },
      inspection: { text: 'Discloses an inspection outcome or notice before it is published.', policy: 'say confidential school business must not be posted' },
      survey: { text: 'Discloses the results of an internal survey.', policy: 'say confidential school business must not be posted' },
      flagged: { text: 'Flags something as confidential or secret. If it should not be shared, it must not be posted.', policy: 'say confidential information must not be posted' },
      term: 'Mentions "{term}", which your school treats as confidential.',
      blocked: 'Uses a term your school has blocked.',
    },
  },
  compile(config: SchoolConfig): Compiled {
    const sources = [
      { id: 'term', patterns: literalPatterns(config.terms?.confidential) },
      { id: 'blocked', patterns: literalPatterns(config.terms?.blocked) },
    ].filter((s) => s.patterns.length > 0);
    return { terms: sources.length ? new PhraseMatcher(sources) : null, suppliers: compileSuppliers(config) };
  },
  check(doc, env) {
    const out: Hit[] = [];
    for (const m of env.compiled?.terms?.match(doc) ?? []) {
      if (m.id === 'blocked') out.push({ start: m.start, end: m.end, messageId: 'blocked', force: 'block' });
      else out.push({ start: m.start, end: m.end, messageId: 'term', data: { term: doc.draft.slice(m.start, m.end) } });
    }
    const found = matchLexicon(doc, TOPIC_MATCHER).filter((m) => !TAGS.get(m.id)?.has('caps') || capsOk(doc, m));
    const surveyNamed = found.some((m) => m.id === 'survey');
    // an inspection notice is two things said together ("the call came at 11.52", "they're in Wednesday")
    // (two patterns over the same words are one thing said: "inspectors are coming on Monday")
    const notices = dropOverlapped(found.filter((m) => TAGS.get(m.id)?.has('notice'))).length;
    const topics = dropPartlyOverlapped(dropOverlapped(found));
    if (topics.length === 0 || elsewhereOnly(doc, env.hits)) return out;
    const cues = cuesOf(doc, matchLexicon(doc, CUE_MATCHER, true), env.hits);
    let work: boolean | undefined;
    const isWork = () => (work ??= WORK_RULES.some((id) => (env.hits.get(id)?.length ?? 0) > 0) || aboutWork(doc) || cues.schoolPerson.size > 0);
    // a flag needs only a hint of work ("next term", "the deputy", a person): "off the record, that film was awful" is not school business
    const workHint = () => {
      if (isWork() || communityMentions(doc).length > 0 || cues.anyPerson.size > 0 || cues.inspection) return true;
      const w = workSignals(doc);
      return w.edu.length + w.life.length > 0;
    };

    let kin: boolean | undefined;
    for (const m of topics) {
      const tags = TAGS.get(m.id)!;
      if (tags.has('flag')) {
        if (tags.has('clause-end') && !endsClause(doc, m)) continue;
        // a flag beside a confidential topic needs no other hint: "Got my redundancy letter today... Not supposed to talk about it"
        const withTopic = topics.some((t) => !TAGS.get(t.id)?.has('flag'));
        if (tags.has('needs-work') ? !isWork() : !workHint() && !withTopic) continue;
        out.push({ start: m.start, end: m.end, messageId: 'flagged' });
        continue;
      }
      if (negatedBefore(doc, m.first, 3) || principle(doc, m) || comparedWith(doc, m)) continue;
      // a place's name: "on the Suspension Bridge"
      if (doc.tokens[m.first]!.cap && placeNameAfter(doc, m.last)) continue;
      if (tags.has('needs-work') && !isWork()) continue;
      if (tags.has('needs-survey') && !surveyNamed && !cues.survey) continue;
      if (tags.has('foretold') && foretold(doc, m)) continue;
      const s0 = doc.tokens[m.first]!.sentence;
      const inWork = tags.has('school') || isWork();
      // a colleague's employment is spoken of by rumour ("someone's been sacked over the trip money"): any hint of work will do
      const staffWork = tags.has('staff') ? inWork || workHint() : inWork;
      // what only happens to a child (a care order, an exclusion, a referral) needs no other hint of work to be a pupil's:
      // "She's under a care order", "Her dad's just out of prison" (unless the writer speaks of their own children)
      const childSide = !workSignals(doc).ownFamily && !(kin ??= ownKin(doc)) && (CHILD_SIDE.some((t) => tags.has(t)) || ((tags.has('police') || tags.has('medical')) && cues.anyPerson.has(s0)));
      const personIn = (s: number) => cues.schoolPerson.has(s) || ((cues.anyPerson.has(s) || cues.pronoun.has(s)) && (staffWork || childSide));
      // "Young Sharp in Year 10 asked... Detention.": a fragment is about the people of the sentence before
      const s = !personIn(s0) && !cues.group.has(s0) && s0 > 0 && fragmentOf(doc, m) && (personIn(s0 - 1) || cues.group.has(s0 - 1)) ? s0 - 1 : s0;
      const person = personIn(s);
      // generic framing outside the topic itself: "a child protection conference" is a case, "a safeguarding conference" training
      const generic = (cues.generic.get(s) ?? []).some((g) => g.last < m.first || g.first > m.last);
      let specific: boolean;
      if (tags.has('self')) specific = staffWork;
      // the matter of the writer's own child or relative, with no pupil, colleague or class in the sentence, is
      // theirs to share: "My son got his GCSE results today", "My son's EHCP was finally finalised today"
      else if (!cues.schoolPerson.has(s) && !cues.group.has(s) && ownKinNear(doc, s)) specific = false;
      else if (tags.has('individual')) specific = person;
      // a school's own fund, or a sum of five figures, is the school's money with no other hint of work: "PEF budget cut by £38k"
      // millions and billions with no school fund in the draft are a council's or a nation's: "the council's £30m black hole"
      // a sum paid yearly is a school's contract in a draft about work or naming one of its suppliers
      else if (tags.has('contract')) specific = cues.budget.has(s) && bigSumIn(doc, s) && (isWork() || (!!env.compiled && supplierMentions(doc, env.compiled.suppliers).some((x) => x.sentence === s || x.sentence === s - 1)));
      else if (tags.has('budget')) specific = cues.budget.has(s) && (workHint() || cues.schoolMoney.has(s) || bigSumIn(doc, s)) && (cues.schoolMoney.size > 0 || !publicSumIn(doc, s));
      else specific = person || cues.group.has(s) || (cues.event.has(s) && !generic && inWork && !tags.has('personal'));
      // "got the call, they're coming Tuesday" is a plumber: two notice phrases with a hint of school or a secrecy flag
      const notice = tags.has('notice') && notices >= 2 && (workHint() || topics.some((t) => TAGS.get(t.id)?.has('flag')));
      if (tags.has('inspection') && !(cues.inspection || notice)) specific = false;
      if (!specific) continue;
      const topic = TOPIC_MESSAGES.find((t) => tags.has(t)) ?? 'flagged';
      out.push({ start: m.start, end: m.end, messageId: topic });
    }
    return mergeAdjacent(doc, out);
  },
});
