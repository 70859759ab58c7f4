// derogatory: insulting, belittling or hostile remarks about the school community (the school,
// trust, leadership, governors, colleagues, pupils, parents).
//
// A finding needs a TARGET and an INSULT in one sentence, joined the way insults are joined:
//   predicative  "Our leadership team are clueless", "the kids in 9X are animals",
//                "The new RE teacher is a Bible-bashing nutter"
//   attributive  "useless SLT", "feral Year 9s", "what a shambles this school is"
//   verbal       "the office can't even print a register", "SLT haven't got a clue"
//   hostile verb "I can't stand the parents", "I hate Year 9"
// Targets are data (rules/lexicons/derogatory.json: SLT, the head, colleagues, pupils, parents,
// the school) plus what earlier rules found (staff and pupil names, the school's name, "a Year 3
// mum") plus year groups and class codes; "he/she/they" count when the sentence before named one.
// Insults are data too. Between them only grammar words may stand (is/are, so, such a, absolute,
// a bunch of...), which keeps "the kids loved the animals" and "the parents were lovely but the
// weather was rubbish" quiet. Negation ("our pupils are not lazy", "I would never call a child
// stupid", "far from useless") and the writer on themself ("I'm a useless teacher today") are quiet;
// criticism of things outside the school community ("the M6 is a joke") has no target.
import derogatoryJson from '../../../rules/lexicons/derogatory.json';
import { parseLexicon } from '../../data/lexicons.js';
import type { LexiconEntry } from '../../data/schema.js';
import { classWords, entryMap, lexiconMatcher, rangesOfHits, TokenMask, tokensInSpan } from '../abuse.js';
import { ByFirst, Containers, RangeIndex } from '../text/spans.js';
import { aboutWork, baseView, elsewhereOnly, isClassCode, negatedBefore, ownFamilyMentions, pupilContextNear, yearGroupAt } from '../context.js';
import { defineRule, type Hit } from '../rule.js';
import type { Doc } from '../text/doc.js';
import { PhraseMatcher, type PhraseMatch } from '../text/pattern.js';
import type { RuleId } from '../types.js';
import { compileSuppliers, mentions as supplierMentions } from './supplier.js';

const LEX = parseLexicon(derogatoryJson, 'rules/lexicons/derogatory.json');
const ENTRIES = entryMap(LEX);
const TARGETS = lexiconMatcher(LEX, LEX.entries.filter((e) => e.tags?.includes('target')));
const INSULTS = lexiconMatcher(LEX, LEX.entries.filter((e) => e.tags?.includes('insult')));
const insultCache = new WeakMap<Doc, readonly PhraseMatch[]>();
/** The insult lexicon's matches in the draft (made once per draft: the learned backstop's gate asks too). */
function insultMatches(doc: Doc): readonly PhraseMatch[] {
  let m = insultCache.get(doc);
  if (!m) insultCache.set(doc, (m = INSULTS.match(doc, 'deobView')));
  return m;
}
/**
 * Is there an insult word in [start, end)? Where the rule found no insult, that word was judged aimed at
 * no one in the school community ("In the story the wolf is a pudding head and Year 2 loved it").
 */
export function insultWordIn(doc: Doc, start: number, end: number): boolean {
  return insultMatches(doc).some((m) => m.start >= start && m.end <= end);
}

const COPULA = classWords(LEX, 'copula');
const AUX = classWords(LEX, 'aux');
const FILLER = classWords(LEX, 'filler');
const POSTMOD = classWords(LEX, 'postmod');
const FUNCTION = classWords(LEX, 'function');
const COMPLEMENT = classWords(LEX, 'complement-verb');
const NEGATOR = classWords(LEX, 'negator');
const OWN = classWords(LEX, 'own');
const DET = classWords(LEX, 'det');

/** Pronouns that stand for a person named in the sentence before; those with a built-in "is/are". */
const PRONOUNS = new Set(['he', 'she', 'they', 'them', 'him', 'you', 'hes', 'shes', 'theyre', 'youre', 'ur']);
const PRONOUN_COPULA = new Set(['hes', 'shes', 'theyre', 'youre', 'ur']);
const FIRST_PERSON = new Set(['i', 'im', 'ive', 'id', 'iam', 'me', 'myself', 'am']);

/** The most words between a target and its insult: a post-modifier (6, or a relative clause of 9), the verb and a few fillers. */
const MAX_GAP = 16;
/** A post-modifier of a target: "the SLT at my place", "the parents here"; a relative clause may run longer ("parents who let their kids come in with nits"). */
const POSTMOD_MAX = 6;
const RELATIVE_MAX = 9;
const RELATIVE = new Set(['who', 'that', 'which', 'whose']);

type Group = 'leadership' | 'staff' | 'pupils' | 'parents' | 'school' | 'community' | 'partners';
const WHO: Record<Group, string> = {
  leadership: 'school leaders',
  staff: 'colleagues',
  pupils: 'pupils',
  parents: 'parents',
  school: 'the school',
  community: 'members of the school community',
  partners: "one of the school's suppliers or partners",
};

interface Target {
  first: number;
  last: number;
  group: Group;
  /** "whoever ...", "the genius who ...": what follows is a relative clause, then the verb */
  relative?: boolean;
  /** "he's", "they're", "the head's an idiot": the "is/are" is inside the target's last word */
  copula: boolean;
}

const NAME_RULES: Array<[RuleId, Group]> = [
  ['staff-name', 'staff'],
  ['pupil-name', 'pupils'],
  ['pupil-reference', 'pupils'],
  ['school-identity', 'school'],
];

function groupOf(e: LexiconEntry): Group {
  return (e.tags?.find((t) => t in WHO) ?? 'school') as Group;
}

const SCHOOL_CUE = new PhraseMatcher([{ id: 'school-cue', patterns: ['@school-cue'] }], LEX.classes ?? {});
/** Sentences with a school word in them ("the mums at the school gate"). */
function schoolCue(doc: Doc): Set<number> {
  let s = cueCache.get(doc);
  if (!s) cueCache.set(doc, (s = new Set(SCHOOL_CUE.match(doc, 'deobView').map((m) => doc.tokens[m.first]!.sentence))));
  return s;
}
const cueCache = new WeakMap<Doc, Set<number>>();
/** Leaders staff name without an article at the start of a sentence: "Head's latest...", "Deputy's off again". */
const LEADER_BARE = new Set(['head', 'headteacher', 'deputy', 'principal', 'ceo', 'governors', 'chair']);

function findTargets(doc: Doc, hits: ReadonlyMap<RuleId, readonly Hit[]>, suppliers: SupplierData): Target[] {
  const out: Target[] = [];
  const pending: Array<[PhraseMatch, LexiconEntry]> = [];
  let work: boolean | undefined;
  // (a draft naming one of the school's suppliers is about work: "ClassLedger's down AGAIN. Whoever signed that contract...")
  const isWork = () => (work ??= aboutWork(doc) || hits.size > 0 && ['pupil-name', 'pupil-reference', 'staff-name', 'school-identity', 'supplier'].some((r) => (hits.get(r as RuleId)?.length ?? 0) > 0));
  const add = (first: number, last: number, group: Group, relative = false) => {
    const t = doc.tokens[last]!;
    // "the head's an idiot": an 's that may be "is" (predicative() decides: not when a verb follows)
    const raw = doc.draft.slice(t.start, t.end);
    out.push({ first, last, group, copula: /['’]s$/i.test(raw), ...(relative ? { relative } : {}) });
  };
  // possessives read as their word: "every single one of them's a meff", "the head's"
  for (const m of TARGETS.match(baseView(doc), 'deobView')) {
    const e = ENTRIES.get(m.id)!;
    const tags = e.tags ?? [];
    const prev = doc.tokens[m.first - 1];
    const prevSame = prev && prev.sentence === doc.tokens[m.first]!.sentence ? prev : undefined;
    // "my own teachers", "my own parents": the writer's own, never the school community
    if (prevSame && prevSame.norm === 'own' && m.first >= 2 && OWN.has(doc.tokens[m.first - 2]!.norm)) continue;
    if (tags.includes('not-own') && prevSame && OWN.has(prevSame.norm)) {
      // "my kids" are pupils only in a draft about school; "my mum", "my parents" are the writer's own
      if (!(groupOf(e) === 'pupils' && isWork())) continue;
    }
    if (tags.includes('needs-context') && !isWork() && !pupilContextNear(doc, m.first, 6) && !schoolCue(doc).has(doc.tokens[m.first]!.sentence)) {
      pending.push([m, e]);
      continue;
    }
    add(m.first, m.last, groupOf(e), tags.includes('relative'));
  }
  // "Head's latest is a 'calm corridor'": the head, at the start of a sentence with no article (staff
  // say it so); not "head's up" or "heads or tails"
  for (let i = 0; i < doc.tokens.length; i++) {
    const t = doc.tokens[i]!;
    if (!t.sentenceStart || !t.possessive || !LEADER_BARE.has(t.base)) continue;
    if (!out.some((o) => o.first <= i && o.last >= i)) add(i, i, 'leadership');
  }
  for (let i = 0; i < doc.tokens.length; i++) {
    const y = yearGroupAt(doc, i);
    if (y >= 0) {
      // "Year 9 boys" / "Year 9s": the group is the whole phrase
      let last = y;
      const n = doc.tokens[y + 1];
      if (n && n.sentence === doc.tokens[y]!.sentence && /^(boys|girls|lads|kids|pupils|students|class|classes|group|groups|form|set|sets)$/.test(n.norm)) last = y + 1;
      add(i, last, 'pupils');
      i = last;
    } else if (isClassCode(doc, doc.tokens[i]!)) {
      // "my 9X class", "my S2 class": the group is the whole phrase, as for year groups
      const n = doc.tokens[i + 1];
      const last = n && n.sentence === doc.tokens[i]!.sentence && /^(boys|girls|lads|kids|pupils|students|class|classes|group|groups|form|set|sets)$/.test(n.norm) ? i + 1 : i;
      add(i, last, 'pupils');
      i = last;
    }
  }
  for (const [rule, group] of NAME_RULES) for (const [a, b] of rangesOfHits(doc, hits, [rule])) add(a, b, group);
  // "that woman", "whoever...": a person pointed at is someone in the school community when the draft
  // already names someone who is ("Head's latest ... She lives on another planet, that woman.")
  if (pending.length > 0 && out.some((t) => t.group !== 'school' && t.group !== 'partners')) {
    const named = new RangeIndex(out);
    for (const [m, e] of pending) if (!named.overlaps(m.first, m.last)) add(m.first, m.last, groupOf(e), (e.tags ?? []).includes('relative'));
  }
  // the school's suppliers are partners it must not be seen to insult: "Threadwell are a bunch of cowboys"
  // (in lower case too: an insult attached to it leaves no doubt which "pocketbell" is meant)
  if (suppliers.byKey.size > 0) for (const m of supplierMentions(doc, suppliers, true)) add(m.first, m.last, 'partners');
  // pronouns after a person target, in the same or the next sentence
  const people = out.filter((t) => t.group !== 'school').sort((a, b) => a.last - b.last);
  let p = -1; // the latest person target ending before token i
  for (let i = 0; i < doc.tokens.length && people.length; i++) {
    while (p + 1 < people.length && people[p + 1]!.last < i) p++;
    const t = doc.tokens[i]!;
    if (p < 0 || !PRONOUNS.has(t.norm)) continue;
    const person = people[p]!;
    if (t.sentence - doc.tokens[person.last]!.sentence > 1) continue;
    out.push({ first: i, last: i, group: person.group, copula: PRONOUN_COPULA.has(t.norm) });
  }
  return out;
}

type Kind = 'adj' | 'noun' | 'verbal' | 'hostile' | 'elliptical' | 'self-targeted';

function kindOf(e: LexiconEntry): Kind {
  return (e.tags?.find((t) => t === 'adj' || t === 'noun' || t === 'verbal' || t === 'hostile' || t === 'elliptical' || t === 'self-targeted') ?? 'noun') as Kind;
}

// ---- Insults that point back: a verdict sentence, a sarcastic aside ----
// "Moorland Star Travel left 40 Year 5s at a service station. Absolute clowns.", "'Feral' doesn't
// even begin to cover it.", "Mr Llewellyn has finally discovered the dishwasher exists. Miracles do
// happen." The insult has no grammatical target; it judges whoever the sentence before (or the
// start of its own sentence) is about.
const SITUATION = new PhraseMatcher([{ id: 'situation', patterns: ['@situation-word'] }], LEX.classes ?? {});
const VERDICT_TAIL = classWords(LEX, 'verdict-tail');
/** "Shambolic outfit.": a situation word said of an organisation is said of the people in it. */
const ORG = classWords(LEX, 'org-noun');

/** Every other word of m's sentence is a filler, a determiner or a verdict tail ("doesn't even begin to cover it"). */
function standsAlone(doc: Doc, m: PhraseMatch): boolean {
  const s = doc.tokens[m.first]!.sentence;
  for (let k = m.first - 1; k >= 0 && doc.tokens[k]!.sentence === s; k--) {
    const w = doc.tokens[k]!.norm;
    if (!(FILLER.has(w) || DET.has(w) || VERDICT_TAIL.has(w))) return false;
  }
  for (let k = m.last + 1; k < doc.tokens.length && doc.tokens[k]!.sentence === s; k++) {
    const w = doc.tokens[k]!.norm;
    // "Shambolic outfit.", "Useless lot.": the organisation noun is the verdict's own head
    if (!(FILLER.has(w) || DET.has(w) || VERDICT_TAIL.has(w) || (k === m.last + 1 && ORG.has(w)))) return false;
  }
  return true;
}

const sentenceLengths = new WeakMap<Doc, Map<number, number>>();

/** How many words sentence s has (counted once per draft). */
function sentenceLength(doc: Doc, s: number): number {
  let m = sentenceLengths.get(doc);
  if (!m) {
    m = new Map();
    for (const t of doc.tokens) m.set(t.sentence, (m.get(t.sentence) ?? 0) + 1);
    sentenceLengths.set(doc, m);
  }
  return m.get(s) ?? 0;
}

/**
 * Each sentence's targets in order, with the smallest last token among the first k: the first
 * target of a sentence that ends before a token is found by bisection, however long the sentence.
 */
class TargetsBySentence {
  private readonly lists = new Map<number, { targets: Target[]; minLast: number[] }>();
  constructor(doc: Doc, sorted: readonly Target[]) {
    for (const t of sorted) {
      const s = doc.tokens[t.first]!.sentence;
      let l = this.lists.get(s);
      if (!l) this.lists.set(s, (l = { targets: [], minLast: [] }));
      l.minLast.push(Math.min(l.minLast[l.minLast.length - 1] ?? Infinity, t.last));
      l.targets.push(t);
    }
  }
  /** Sentence s's targets, in order. */
  inSentence(s: number): readonly Target[] {
    return this.lists.get(s)?.targets ?? [];
  }
  /** The first target of sentence s, or the first ending before token `before`. */
  first(s: number, before = Infinity): Target | undefined {
    const l = this.lists.get(s);
    if (!l) return undefined;
    let lo = 0;
    let hi = l.minLast.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (l.minLast[mid]! < before) hi = mid;
      else lo = mid + 1;
    }
    return l.targets[lo];
  }
}

/**
 * A target tagged on after the insult, in a clause of its own that ends the sentence: "..., that
 * woman.", "..., the lot of them." (not "..., so thank goodness for the PTA").
 */
function postposed(doc: Doc, targets: TargetsBySentence, m: PhraseMatch): Target | undefined {
  const s = doc.tokens[m.first]!.sentence;
  return targets.inSentence(s).find((t) => {
    const first = doc.tokens[t.first]!;
    if (first.sentence !== s || t.first <= m.last || first.clause === doc.tokens[m.last]!.clause) return false;
    // the target opens its clause (determiners may lead) and nothing but tail words follow it
    for (let k = t.first - 1; k >= 0 && doc.tokens[k]!.clause === first.clause; k--) if (!DET.has(doc.tokens[k]!.norm)) return false;
    for (let k = t.last + 1; k < doc.tokens.length && doc.tokens[k]!.sentence === s; k++) if (!VERDICT_TAIL.has(doc.tokens[k]!.norm)) return false;
    return true;
  });
}

/** The target a pointing-back insult judges: earlier in its own sentence, else in the sentence before. */
function earlierTarget(doc: Doc, targets: TargetsBySentence, m: PhraseMatch, sameSentence: boolean): Target | undefined {
  const s = doc.tokens[m.first]!.sentence;
  if (sameSentence) {
    const here = targets.first(s, m.first);
    if (here) return here;
    // a target after a clause break that ends the sentence: "She lives on another planet, that woman."
    const after = postposed(doc, targets, m);
    if (after) return after;
  }
  return targets.first(sentenceBefore(doc, targets, s));
}

/**
 * The sentence before sentence s that a remark can point back to: the one just before, or over up to two
 * emphatic fragments with no target in them ("Blackbrook IT have had our wifi down for three days. Three. Days. A toddler...").
 */
function sentenceBefore(doc: Doc, targets: TargetsBySentence, s: number): number {
  let p = s - 1;
  while (p > 0 && p >= s - 3 && !targets.first(p) && sentenceLength(doc, p) <= 2) p--;
  return p;
}

/** Scare quotes, an eye-roll, #sarcasm: the draft says not to take its praise at face value. */
const SARCASM_EMOJI = /[\u{1F644}\u{1F643}\u{1F612}\u{1F926}\u{1F611}\u{1F60F}\u{1F921}\u{1F44F}]/u;
/** An eye-roll or an upside-down smile outweighs a thank-you: "Shout out to our head for the 10pm email... Truly a visionary 🙃" */
const STRONG_SARCASM = /[\u{1F644}\u{1F643}\u{1F612}]|#sarcasm/iu;
const SCARE_QUOTES = /(^|[\s(])['‘"“][a-z][^'’"”\n]{1,30}['’"”](?=[\s.,!?;:)]|$)/;
function sarcasmCue(doc: Doc): boolean {
  return SARCASM_EMOJI.test(doc.draft) || SCARE_QUOTES.test(doc.draft) || /#(sarcasm|not)\b/i.test(doc.draft);
}
const GRATITUDE = /\b(thank|thanks|grateful|proud|congrat|well done|shout ?out|kudos|bravo|hats off)/i;

const FAILURE = new PhraseMatcher([{ id: 'failure', patterns: ['@failure-cue'] }], LEX.classes ?? {});
const failures = new WeakMap<Doc, PhraseMatch[]>();
/**
 * Something went wrong in the sentence before m or earlier in m's own: a failure word ("down",
 * "crashed", "lost", "forgot", "stranded"). Praise right after it is sarcasm without an emoji to say
 * so. ("again" and a shouted "AGAIN" are not enough: "Year 6 won AGAIN. Amazing effort.")
 */
function failedBefore(doc: Doc, m: PhraseMatch): boolean {
  const s = doc.tokens[m.first]!.sentence;
  let f = failures.get(doc);
  if (!f) failures.set(doc, (f = FAILURE.match(doc, 'deobView')));
  return f.some((x) => {
    if (x.last >= m.first || doc.tokens[x.first]!.sentence < s - 1) return false;
    // put right since: "The coach broke down but they had a new one to us in ten minutes. Brilliant service."
    for (let k = x.last + 1; k < m.first; k++) if (RECOVERY.has(doc.tokens[k]!.norm)) return false;
    return true;
  });
}
const RECOVERY = new Set(['but', 'luckily', 'thankfully', 'fortunately', 'however', 'though', 'sorted', 'fixed', 'rescued', 'saved', 'replaced', 'refunded', 'apologised', 'apologized']);

/** Does the rest of m's sentence hold only verdict-tail words ("as ever", "again", "tbh")? */
function tailOnly(doc: Doc, m: PhraseMatch): boolean {
  const s = doc.tokens[m.last]!.sentence;
  for (let k = m.last + 1; k < doc.tokens.length && doc.tokens[k]!.sentence === s; k++) if (!VERDICT_TAIL.has(doc.tokens[k]!.norm)) return false;
  return true;
}

/**
 * A verdict with the verb left out, the way headlines and posts write them: "SLT clueless as ever.",
 * "Governors spineless, again." The target opens its clause, the insult follows it with at most
 * filler between, and nothing but tail words follow ("Parents clueless about the app should ring
 * the office" goes on).
 */
function verbless(doc: Doc, t: Target, m: PhraseMatch): boolean {
  const first = doc.tokens[t.first]!;
  for (let k = t.first - 1; k >= 0 && doc.tokens[k]!.clause === first.clause && doc.tokens[k]!.sentence === first.sentence; k--) if (!DET.has(doc.tokens[k]!.norm)) return false;
  for (let k = t.last + 1; k < m.first; k++) if (!FILLER.has(doc.tokens[k]!.norm)) return false;
  return tailOnly(doc, m);
}

const EPITHET_BREAK = /[,;:–—-]|\p{Extended_Pictographic}/u;
/**
 * An insult noun flung at the end of a sentence, after a comma or an emoji, at the person the
 * sentence is about: "Congrats to the Year 11 boy who hit the bus shelter on his moped 😂 idiot",
 * "..., what a muppet." The target is the sentence's first, before the break.
 */
function epithetTarget(doc: Doc, targets: TargetsBySentence, m: PhraseMatch): Target | undefined {
  if (!tailOnly(doc, m)) return undefined;
  let k = m.first - 1;
  while (k >= 0 && (NOUN_LEAD.has(doc.tokens[k]!.norm) || doc.tokens[k]!.norm === 'what') && doc.tokens[k]!.sentence === doc.tokens[m.first]!.sentence) k--;
  const prev = doc.tokens[k];
  if (!prev || prev.sentence !== doc.tokens[m.first]!.sentence) return undefined;
  if (!EPITHET_BREAK.test(doc.draft.slice(prev.end, doc.tokens[k + 1]!.start))) return undefined;
  const t = targets.first(prev.sentence, k + 1);
  return t && t.last <= k ? t : undefined;
}

const SIMILE_LEAD = classWords(LEX, 'simile-lead');
/** The most words between a target and a simile said of it in one clause: "Mr Gough [dancing] like a drunk giraffe". */
const SIMILE_GAP = 3;
/**
 * The target a simile judges: one a few words before it in its clause, or, when the simile opens its
 * clause or sentence ("Like trying to teach...", "it's like teaching..."), the sentence's earlier
 * target or the first of the sentence before.
 */
function simileTarget(doc: Doc, targets: TargetsBySentence, m: PhraseMatch): Target | undefined {
  const here = doc.tokens[m.first]!;
  const s = here.sentence;
  const close = targets.first(s, m.first);
  // the nearest target before the simile in its sentence
  let near: Target | undefined;
  for (const t of targets.inSentence(s)) if (t.last < m.first && (!near || t.last > near.last)) near = t;
  // (a verb of being between says the simile is of someone else: "The Year 2 nativity donkey was like a drunk giraffe")
  if (near && doc.tokens[near.last]!.clause === here.clause && m.first - near.last - 1 <= SIMILE_GAP) {
    let be = false;
    for (let k = near.last + 1; k < m.first; k++) if (COPULA.has(doc.tokens[k]!.norm)) be = true;
    if (!be) return near;
  }
  // does the simile open its clause (lead words only before it)?
  for (let k = m.first - 1; k >= 0; k--) {
    const p = doc.tokens[k]!;
    if (p.sentence !== s || p.clause !== here.clause) break;
    if (!SIMILE_LEAD.has(p.norm)) return undefined;
  }
  return close ?? targets.first(s - 1);
}

/** Target ... insult: "SLT are clueless", "the kids in 9X are animals", "Our head's an idiot". */
function predicative(doc: Doc, t: Target, m: PhraseMatch, kind: Kind): boolean {
  const from = t.last + 1;
  const to = m.first; // exclusive
  if (kind === 'adj' && verbless(doc, t, m)) return true;
  if (kind === 'verbal') {
    // "the SLT at my place couldn't organise...", "parents who let their kids come in with nits should be ashamed"
    if (from < to && (POSTMOD.has(doc.tokens[from]!.norm) || t.relative)) {
      if (to - from > (RELATIVE.has(doc.tokens[from]!.norm) ? RELATIVE_MAX : POSTMOD_MAX)) return false;
      for (let k = from; k < to; k++) if (NEGATOR.has(doc.tokens[k]!.norm)) return false;
      return true;
    }
    for (let k = from; k < to; k++) {
      const w = doc.tokens[k]!.norm;
      if (NEGATOR.has(w) || !(AUX.has(w) || FILLER.has(w) || COPULA.has(w))) return false;
    }
    return to - from <= 4;
  }
  let k = from;
  // "the school's wifi is rubbish": a later "is" shows the 's was a possessive
  let copula = t.copula;
  for (let j = from; j < to && copula; j++) if (COPULA.has(doc.tokens[j]!.norm)) copula = false;
  // a post-modifier before the verb: "the kids in 9X are", "the parents here are", "the dad who sent that email is",
  // "whoever wrote the new behaviour policy is"
  if (!copula && k < to && (POSTMOD.has(doc.tokens[k]!.norm) || t.relative)) {
    const max = t.relative || RELATIVE.has(doc.tokens[k]!.norm) ? RELATIVE_MAX : 6;
    let c = t.relative ? k : k + 1;
    while (c < to && c - k <= max && !COPULA.has(doc.tokens[c]!.norm)) c++;
    if (c >= to || c - k > max) return false;
    for (let j = k; j < c; j++) if (NEGATOR.has(doc.tokens[j]!.norm)) return false;
    k = c;
  }
  let unknown = 0;
  // "Miss Carter's lessons are a joke", "the head's decisions are pathetic": a colleague's or a
  // leader's work stands for them (not "the school's wifi", "the parents' car park", "the kid's coat")
  // and a supplier's product stands for the supplier: "Platewise's 'fresh' lasagne today had the texture of a yoga mat"
  let owned = t.copula && (t.group === 'staff' || t.group === 'leadership') ? 2 : t.copula && t.group === 'partners' ? 3 : 0;
  for (; k < to; k++) {
    const w = doc.tokens[k]!.norm;
    if (NEGATOR.has(w)) return false;
    if (COPULA.has(w)) {
      copula = true;
      continue;
    }
    if (!copula) {
      if (AUX.has(w) || FILLER.has(w)) continue;
      if (owned-- > 0) continue;
      return false;
    }
    if (FILLER.has(w) || AUX.has(w)) continue;
    // "a Bible-bashing nutter": up to two describing words before the insult
    if (++unknown > 2) return false;
  }
  if (copula) return true;
  // "I'd never call the kids lazy", "I find SLT clueless": a complement verb just before the target
  for (let j = t.first - 1; j >= 0 && j >= t.first - 2; j--) {
    const w = doc.tokens[j]!.norm;
    if (COMPLEMENT.has(w)) return true;
    if (!DET.has(w)) break;
  }
  return false;
}

/** Insult ... target: "useless SLT", "feral Year 9s", "what a shambles this school is", "I hate Year 9". */
function attributive(doc: Doc, t: Target, m: PhraseMatch, kind: Kind): boolean {
  if (kind === 'verbal') return false;
  const gap = t.first - m.last - 1;
  if (gap > 3) return false;
  let preps = 0;
  for (let k = m.last + 1; k < t.first; k++) {
    const w = doc.tokens[k]!.norm;
    // "the clowns at head office", "whichever wanker at Crossbar IT": an insult noun with where the target works
    if (kind === 'noun' && NOUN_PREP.has(w) && preps++ === 0) continue;
    if (!(DET.has(w) || FILLER.has(w))) return false;
  }
  // the target must be the head of its phrase: "rubbish school dinners" criticises dinners
  const n = doc.tokens[t.last + 1];
  const s = doc.tokens[t.last]!;
  const phraseEnds = !n || n.sentence !== s.sentence || n.clause !== s.clause || (s.tagId >= 0 && n.tagId !== s.tagId);
  if (!phraseEnds && !FUNCTION.has(n.norm) && !COPULA.has(n.norm)) return false;
  if (kind === 'hostile') return true;
  // "I'm a useless teacher today": the writer on themself
  for (let k = m.first - 1; k >= 0 && k >= m.first - 5; k--) {
    const p = doc.tokens[k]!;
    if (p.sentence !== s.sentence) break;
    if (FIRST_PERSON.has(p.norm)) return false;
  }
  return true;
}

/** Prepositions that may join an insult noun to its target: "the muppets at the trust", "idiots from head office". */
const NOUN_PREP = new Set(['at', 'from', 'in', 'on', 'running', 'over']);

/** Words before a swear word used as a noun ("a right ...", "such a ..."), and words that may follow it. */
const NOUN_LEAD = new Set(['a', 'an', 'right', 'total', 'absolute', 'complete', 'proper', 'utter', 'such', 'massive', 'bunch', 'load', 'pack', 'of']);
const CLAUSE_END = new Set(['and', 'but', 'lol', 'tbh', 'honestly', 'seriously', 'frankly', 'tho', 'though', 'ffs', 'fr', 'imo']);

/** Words that make a group someone in particular: "the Polish kids", "our new deputy", "another one", "third teacher in...". */
const PARTICULAR = new Set(['the', 'our', 'my', 'these', 'those', 'this', 'that', 'his', 'her', 'their', 'your', 'whole', 'entire', 'another', 'second', 'third', 'fourth', 'fifth', 'one']);
/** Is a target someone in particular (a determiner or possessive just before, a name, a year group), not a kind of people? */
function particular(doc: Doc, t: Target): boolean {
  if (t.group === 'school' || t.group === 'leadership') return true;
  for (let k = Math.max(0, t.first - 2); k <= t.first; k++) {
    const w = doc.tokens[k]!;
    if (w.sentence !== doc.tokens[t.first]!.sentence) continue;
    if (PARTICULAR.has(w.norm) || w.possessive || /^\d/.test(w.norm) || (w.cap && !w.sentenceStart && !w.allCaps)) return true;
  }
  return false;
}

/** Nouns a target may modify ("the TA post", "the site manager job", "the Year 3 reading records"): then it is not who a remark is about. */
const TARGET_MODIFIER = classWords(LEX, 'target-modifier');
/** Words that open a sentence the writer says of themself with no "I": "Felt like a proper spaz...", "Such a spaz today". */
const SELF_LEAD = classWords(LEX, 'self-lead');
function headsPhrase(doc: Doc, t: Target): boolean {
  const n = doc.tokens[t.last + 1];
  return !n || n.sentence !== doc.tokens[t.last]!.sentence || !TARGET_MODIFIER.has(n.norm);
}

/**
 * The school-community target a demeaning remark is about when grammar does not join them: the nearest
 * one in particular in its own sentence, else the first of the sentence before (over short fragments).
 * Not when the writer says it of themself ("I'm such a spaz, tipped my coffee over the Year 3 books").
 */
function remarkTarget(doc: Doc, targets: TargetsBySentence, m: PhraseMatch): Target | undefined {
  const here = doc.tokens[m.first]!;
  // "I felt like such a spaz": the writer earlier in the remark's clause
  for (let k = m.first - 1; k >= 0 && k >= m.first - 8; k--) {
    const p = doc.tokens[k]!;
    if (p.sentence !== here.sentence || p.clause !== here.clause) break;
    if (FIRST_PERSON.has(p.norm)) return undefined;
  }
  // a sentence with no subject that starts with how the writer felt: "Felt like a proper spaz falling up the stairs"
  let start = m.first;
  while (start > 0 && doc.tokens[start - 1]!.sentence === here.sentence) start--;
  if (start < m.first && SELF_LEAD.has(doc.tokens[start]!.norm) && m.first - start <= 4) return undefined;
  // words in quotation marks are someone else's ("Hiring tip from our head: 'never appoint a woman in her thirties'"),
  // and a target in them is a term, not a person ("an hour of 'inclusive families' at INSET")
  if (quoted(doc, m.first, m.last)) return undefined;
  const ok = (t: Target) => headsPhrase(doc, t) && particular(doc, t) && !(t.first <= m.last && m.first <= t.last) && !quoted(doc, t.first, t.last) && !inName(doc, t);
  let best: Target | undefined;
  for (const t of targets.inSentence(here.sentence)) {
    if (!ok(t)) continue;
    // after the remark, a target it is measured against or done to is not who it is about:
    // "...they're always off sick and can't keep up with the kids"
    if (t.first > m.last && OBJECT_PREP.has(doc.tokens[DET.has(doc.tokens[t.first - 1]!.norm) ? t.first - 2 : t.first - 1]?.norm ?? '')) continue;
    // nor one in a clause of its own after it: "In the story the wolf is a retard and Year 2 loved it."
    if (t.first > m.last && crossesConjunction(doc, m.last + 1, t.first)) continue;
    const d = t.last < m.first ? m.first - t.last : t.first - m.last;
    if (!best || d < (best.last < m.first ? m.first - best.last : best.first - m.last)) best = t;
  }
  if (best) return best;
  // a stereotype about a sex is about a kind of people, not the people named before it ("...told off by the head
  // of school for 'gender stereotyping'. Girls can't lift benches, it's biology.")
  if (m.id === 'discriminatory-generic') return undefined;
  return targets.inSentence(sentenceBefore(doc, targets, here.sentence)).find(ok);
}

const CONJUNCTION = new Set(['and', 'but', 'or', 'so', 'while', 'whereas', 'because', 'cos', 'then']);
/** Is there a conjunction among tokens from..to-1 (a new clause begins)? */
function crossesConjunction(doc: Doc, from: number, to: number): boolean {
  for (let k = from; k < to; k++) if (CONJUNCTION.has(doc.tokens[k]!.norm)) return true;
  return false;
}
const OBJECT_PREP = new Set(['with', 'to', 'for', 'than', 'against', 'towards', 'about']);
/** A target word inside a proper name, its head capitalised before "of" and a capitalised word: "the Heads of the Valleys" (a road). */
function inName(doc: Doc, t: Target): boolean {
  const first = doc.tokens[t.last]!;
  if (!first.cap || first.sentenceStart || first.allCaps || doc.tokens[t.last + 1]?.norm !== 'of') return false;
  for (let k = t.last + 2; k <= t.last + 3 && k < doc.tokens.length; k++) {
    const w = doc.tokens[k]!;
    if (w.sentence !== first.sentence) break;
    if (w.cap && !w.allCaps) return true;
  }
  return false;
}

const QUOTE_OPEN = /(?:^|[\s:(])['‘"“](?=\S)/g;
const QUOTE_CLOSE = /\S['’"”](?=[\s.,!?;:)]|$)/;
/** Do tokens first..last stand inside quotation marks opened earlier in their sentence and closed after them? */
function quoted(doc: Doc, first: number, last: number): boolean {
  const sentence = doc.tokens[first]!.sentence;
  let k = first;
  while (k > 0 && doc.tokens[k - 1]!.sentence === sentence) k--;
  const from = doc.tokens[k]!.start;
  const before = doc.draft.slice(from, doc.tokens[first]!.end);
  let open = -1;
  for (const q of before.matchAll(QUOTE_OPEN)) if (from + q.index + q[0].length <= doc.tokens[first]!.start) open = q.index + q[0].length;
  if (open < 0 || QUOTE_CLOSE.test(before.slice(open, doc.tokens[first]!.start - from))) return false;
  let e = last;
  while (e + 1 < doc.tokens.length && doc.tokens[e + 1]!.sentence === sentence) e++;
  return /['’"”]/.test(doc.draft.slice(doc.tokens[first]!.start, doc.tokens[e]!.end + 1));
}

// ---- A claim doubted in scare quotes: "off with 'stress' again. Funny how it always lines up with the fixtures" ----
const DOUBTED = new PhraseMatcher([{ id: 'doubted', patterns: ENTRIES.get('insult-doubted-claim')!.patterns }], LEX.classes ?? {});
const DOUBT_CUE = new PhraseMatcher([{ id: 'doubt-cue', patterns: ENTRIES.get('doubt-cue')!.patterns }], LEX.classes ?? {});
/** 🙄 🤔 😂 🤣 😬 🙃 😏 😒 🤨 🤷: the writer's face beside a claim they quoted */
const DOUBT_EMOJI = /[\u{1F644}\u{1F914}\u{1F602}\u{1F923}\u{1F62C}\u{1F643}\u{1F60F}\u{1F612}\u{1F928}\u{1F937}]/u;
const OPENS = /['‘"“]/;
const CLOSES = /['’"”]/;
/** Does a quote mark close right at a word ending at `end` (the tokenizer keeps a closing apostrophe in the word, as in "teachers'")? */
function closesQuote(d: string, end: number): boolean {
  if (CLOSES.test(d[end] ?? '')) return !/\p{L}/u.test(d[end + 1] ?? '');
  return /['’]/.test(d[end - 1] ?? '') && !/\p{L}/u.test(d[end] ?? '');
}
/** The most words a scare quote holds before the claim ("'waiting for an autism assessment'"); more is quoted speech. */
const DOUBT_LEAD = 4;
const SPEECH_VERB = new Set(['said', 'says', 'say', 'saying', 'told', 'tells', 'asked', 'wrote', 'writes', 'replied', 'explained', 'mentioned', 'confirmed', 'reported', 'read']);
const DOUBT_WORK_RULES: readonly RuleId[] = ['pupil-name', 'pupil-reference', 'staff-name', 'school-identity', 'confidential'];
/**
 * Claims of illness, absence or diagnosis standing in quote marks of their own ("off with 'stress'", "three
 * 'migraines'", "has 'ADHD' now"), in a draft that also says the writer doubts them: the quoted span, from
 * its first word to its last. Not the writer's own ("my 'migraine'") nor one the writer denies ("isn't 'poorly'").
 */
function doubtedClaims(doc: Doc): Array<{ first: number; last: number; start: number; end: number }> {
  const d = doc.draft;
  if (!OPENS.test(d)) return [];
  const out: Array<{ first: number; last: number; start: number; end: number }> = [];
  for (const m of DOUBTED.match(doc, 'deobView')) {
    const s = doc.tokens[m.first]!.sentence;
    let first = -1;
    // the quote may open inside the claim ("off with 'stress'") or a few words before it ("'waiting for an autism assessment'")
    for (let k = m.last; k >= 0 && k >= m.first - DOUBT_LEAD && doc.tokens[k]!.sentence === s; k--) {
      const at = doc.tokens[k]!.start;
      if (k < m.last && closesQuote(d, doc.tokens[k]!.end)) break;
      if (at >= 1 && OPENS.test(d[at - 1]!) && (at === 1 || /[\s(:]/.test(d[at - 2]!))) {
        first = k;
        break;
      }
    }
    if (first < 0) continue;
    let last = -1;
    for (let k = m.last; k < doc.tokens.length && k <= m.last + 1 && doc.tokens[k]!.sentence === s; k++) {
      if (closesQuote(d, doc.tokens[k]!.end)) {
        last = k;
        break;
      }
    }
    if (last < 0) continue;
    // someone's words reported ("the nurse said 'probably a tummy bug'"), not a claim the writer sneers at
    if (first > 0 && SPEECH_VERB.has(doc.tokens[first - 1]!.norm)) continue;
    // the writer's own: "my 'migraine' was a hangover", "I've been 'ill' lol"
    const before = [doc.tokens[first - 1], doc.tokens[first - 2]].filter((t) => t && t.sentence === s).map((t) => t!.norm);
    if (before.some((w) => w === 'my' || FIRST_PERSON.has(w))) continue;
    // the span with its quote marks: "'stress'"
    const end = doc.tokens[last]!.end;
    out.push({ first, last, start: doc.tokens[first]!.start - 1, end: CLOSES.test(d[end] ?? '') ? end + 1 : end });
  }
  if (out.length === 0) return out;
  return DOUBT_EMOJI.test(d) || DOUBT_CUE.match(doc, 'deobView').length > 0 ? out : [];
}

type SupplierData = ReturnType<typeof compileSuppliers>;

/** Does the span name someone in the school community (for the learned backstop's gate)? Not the writer on themself. */
export function targetIn(doc: Doc, hits: ReadonlyMap<RuleId, readonly Hit[]>, suppliers: SupplierData, start: number, end: number): boolean {
  return findTargets(doc, hits, suppliers).some((t) => doc.tokens[t.first]!.start >= start && doc.tokens[t.last]!.end <= end);
}

export default defineRule<SupplierData>({
  compile: compileSuppliers,
  meta: {
    id: 'derogatory',
    description: 'Insulting, belittling or hostile remarks about the school, trust, leaders, governors, colleagues, pupils or parents.',
    messages: {
      insult: { text: 'Insults or belittles {who}.', policy: 'say staff must not post derogatory comments about the school community' },
    },
    lexical: true,
  },
  check(doc, env) {
    if (doc.tokens.length < 2 || elsewhereOnly(doc, env.hits)) return [];
    const insults: Array<PhraseMatch & { kind?: Kind }> = [...insultMatches(doc)];
    // a slur or a demeaning remark about a protected characteristic is an insult too when it is aimed
    // at the school community ("my Year 8s were acting like a bunch of mongs", "the new teacher is too old to learn")
    // (not the learned backstop's readings: a statistical guess does not also make an insult)
    for (const h of env.hits.get('discriminatory') ?? []) {
      if (h.messageId === 'learned' || h.data?.insult === 'no') continue;
      const r = tokensInSpan(doc, h.start, h.end);
      if (r) insults.push({ id: h.data?.group === 'sex' ? 'discriminatory-generic' : 'discriminatory', first: r[0], last: r[1], start: h.start, end: h.end, kind: h.messageId === 'slur' ? 'noun' : 'adj' });
    }
    // a swear word said of someone as a noun ("the new Head of Year is a right pr*ck", starred out so the
    // insult lexicon cannot read it): after an article or intensifier, ending its clause
    for (const h of env.hits.get('profanity') ?? []) {
      const r = tokensInSpan(doc, h.start, h.end);
      if (!r || r[0] === 0) continue;
      const prev = doc.tokens[r[0] - 1]!;
      const next = doc.tokens[r[1] + 1];
      if (!NOUN_LEAD.has(prev.norm) || prev.sentence !== doc.tokens[r[0]]!.sentence) continue;
      if (next && next.sentence === prev.sentence && !CLAUSE_END.has(next.norm)) continue;
      insults.push({ id: 'profanity', first: r[0], last: r[1], start: h.start, end: h.end, kind: 'noun' });
    }
    const doubted = doubtedClaims(doc);
    if (insults.length === 0 && doubted.length === 0) return [];
    const targets = findTargets(doc, env.hits, env.compiled);
    let work: boolean | undefined;
    const isWork = () => (work ??= aboutWork(doc) || targets.length > 0);
    // a doubted claim is about the school community in a draft about work, or one that names someone in it, or beside a pupil word
    const doubtAtWork = () =>
      isWork() || DOUBT_WORK_RULES.some((r) => (env.hits.get(r)?.length ?? 0) > 0) || doubted.some((q) => pupilContextNear(doc, q.first, 8));
    if (targets.length === 0 && !insults.some((m) => m.kind === undefined && kindOf(ENTRIES.get(m.id)!) === 'self-targeted') && !(doubted.length > 0 && doubtAtWork())) return [];
    const out: Array<{ first: number; last: number; hit: Hit }> = [];
    const taken = new TokenMask(doc.tokens.length);
    // targets in order: each insult looks only at the targets of its own sentence close enough to
    // be joined to it (a target more than a clause away cannot be joined by grammar words)
    targets.sort((a, b) => a.first - b.first);
    const near = new ByFirst(targets);
    const bySentence = new TargetsBySentence(doc, targets);
    const own = new ByFirst(ownFamilyMentions(doc));
    let situations: Containers | undefined;
    const inSituation = (m: PhraseMatch) => (situations ??= new Containers(SITUATION.match(doc, 'deobView'))).contains(m.first, m.last);
    let sarcasm: boolean | undefined;
    let gratitude: boolean | undefined;
    let strong: boolean | undefined;
    const report = (first: number, last: number, group: Group) => {
      if (negatedBefore(doc, first, 4) || taken.overlaps(first, last)) return;
      taken.mark(first, last);
      out.push({ first, last, hit: { start: doc.tokens[first]!.start, end: doc.tokens[last]!.end, messageId: 'insult', data: { who: WHO[group] } } });
    };
    for (const m of insults) {
      const entry = m.kind === undefined ? ENTRIES.get(m.id)! : undefined;
      const kind = m.kind ?? kindOf(entry!);
      if (kind === 'self-targeted') {
        // "who raised these kids", "says it all about the parenting round here": the target is in the words
        if (isWork()) report(m.first, m.last, groupOf(entry!));
        continue;
      }
      if (kind === 'elliptical') {
        const tags = entry!.tags ?? [];
        if (tags.includes('sarcastic-praise')) {
          const loose = tags.includes('loose');
          // the draft signals sarcasm, or the praise follows a report of something going wrong ("HomeworkHive down
          // AGAIN the night before the deadline. Tremendous product.")
          if (!(sarcasm ??= sarcasmCue(doc)) && !failedBefore(doc, m)) continue;
          if ((gratitude ??= GRATITUDE.test(doc.draft)) && !(strong ??= STRONG_SARCASM.test(doc.draft))) continue;
          if (!loose && !standsAlone(doc, m)) continue;
          // the praise may name its own target: "Truly the most visionary leadership team in Wales"
          const t = earlierTarget(doc, bySentence, m, loose) ?? (loose ? near.overlapping(m.first, m.last).find((x) => x.first >= m.first && x.last <= m.last && x.group !== 'pupils') : undefined);
          if (t) report(m.first, m.last, t.group);
          continue;
        }
        // a marker ("Miracles do happen.", "Bless 'im.") in a short sentence of its own judges the sentence before
        // (contempt that carries its own verdict may run longer: "A toddler with a ball of string would do a better job.")
        const short = tags.includes('any-length') || sentenceLength(doc, doc.tokens[m.first]!.sentence) <= 8;
        // "Bless our new deputy, she thinks...": the marker may name an adult of the school community inside it
        // (of pupils it is fondness: "bless them, they think the tooth fairy is real")
        const inner = tags.includes('names-target')
          ? near.overlapping(m.first, m.last).find((x) => x.first > m.first && x.last <= m.last && x.group !== 'pupils' && x.group !== 'school')
          : undefined;
        if (tags.includes('names-target')) {
          if (inner && !own.overlapping(inner.first - 2, inner.last).length) report(m.first, m.last, inner.group);
          continue;
        }
        const t = earlierTarget(doc, bySentence, m, true) ?? undefined;
        if (t && (doc.tokens[t.first]!.sentence === doc.tokens[m.first]!.sentence || short)) report(m.first, m.last, t.group);
        continue;
      }
      let joined = false;
      const sentence = doc.tokens[m.first]!.sentence;
      for (const t of near.overlapping(m.first - MAX_GAP, m.last + 4)) {
        if (doc.tokens[t.first]!.sentence !== sentence) continue;
        // a stereotype that names its own target ("the Polish kids never do their homework") is about them,
        // when the target is someone in particular: "two dads" in a library book, "Traveller kids" or
        // "Female heads of department" as a kind of people are nobody at the school
        const inside = m.id === 'discriminatory' && t.first >= m.first && t.last <= m.last && particular(doc, t);
        if (!inside && t.first <= m.last && m.first <= t.last) continue;
        // "parents at my son's football club", "my daughter's teacher": someone else's school community
        if (own.overlapping(t.first - 2, Math.max(t.last, m.first)).some((o) => doc.tokens[o.first]!.sentence === doc.tokens[t.first]!.sentence)) continue;
        // a supplier's product may be criticised ("TallyPay is the worst app ever"), which is the supplier
        // rule's business; only a person-insult ("a bunch of cowboys", "run by muppets") is derogatory
        if (t.group === 'partners' && inSituation(m)) continue;
        const before = t.last < m.first;
        if (!inside && (before ? kind === 'hostile' || !predicative(doc, t, m, kind) : !attributive(doc, t, m, kind))) continue;
        const first = Math.min(t.first, m.first);
        const last = Math.max(t.last, m.last);
        if (negatedBefore(doc, first, 4)) continue;
        if (taken.overlaps(first, last)) continue;
        taken.mark(first, last);
        joined = true;
        out.push({
          first,
          last,
          hit: { start: doc.tokens[first]!.start, end: doc.tokens[last]!.end, messageId: 'insult', data: { who: WHO[t.group] } },
        });
        break;
      }
      // an insult flung after a comma or an emoji at the person the sentence is about
      if (!joined && kind === 'noun') {
        const t = epithetTarget(doc, bySentence, m);
        if (t && !own.overlapping(t.first - 2, t.last).length) {
          report(m.first, m.last, t.group);
          continue;
        }
      }
      // a simile a few words after its target ("Mr Gough dancing like a drunk giraffe"), or opening a
      // clause or sentence of its own about the target before ("Year 9 were wild. Like trying to teach a pack of hyenas.")
      if (!joined && kind === 'verbal' && entry?.tags?.includes('simile')) {
        const t = simileTarget(doc, bySentence, m);
        if (t && !own.overlapping(t.first - 2, t.last).length) {
          report(m.first, m.last, t.group);
          continue;
        }
      }
      // an idiom with its target after it: "Couldn't improve a cup of tea, that one."
      if (!joined && kind === 'verbal') {
        const t = postposed(doc, bySentence, m);
        if (t) {
          report(m.first, m.last, t.group);
          continue;
        }
      }
      // a demeaning remark about a protected characteristic, in a sentence about someone in particular of the
      // school community or right after one: "Another pregnancy announcement in the maths department.",
      // "Half of them don't speak English" after "Covered a Birch lesson today." (not a kind of people,
      // "Female heads of department always...", nor the writer on themself, "I'm such a spaz")
      if (!joined && (m.id === 'discriminatory' || m.id === 'discriminatory-generic')) {
        const t = remarkTarget(doc, bySentence, m);
        if (t && !own.overlapping(t.first - 2, Math.max(t.last, m.first)).length) {
          report(m.first, m.last, t.group);
          continue;
        }
      }
      // a verdict sentence with no target of its own: "Absolute clowns.", "'Feral' doesn't even begin to cover it.", "Shambolic outfit."
      // (a stereotype about a sex is about a kind of people, not the people named before it)
      if (!joined && (kind === 'noun' || kind === 'adj') && m.id !== 'discriminatory-generic' && standsAlone(doc, m)) {
        // "Shambolic outfit." judges an organisation even where a situation word stands near it
        const next = doc.tokens[m.last + 1];
        const ofOrg = next !== undefined && next.sentence === doc.tokens[m.last]!.sentence && ORG.has(next.norm);
        if (!ofOrg && inSituation(m)) continue;
        const t = earlierTarget(doc, bySentence, m, false);
        if (t) report(m.first, m.last, t.group);
      }
    }
    // a claim doubted in scare quotes, in a draft about work: about whoever the sentence (or the one before) names,
    // or someone in the school community the draft leaves unnamed ("a certain colleague has been off 'ill' since...")
    if (doubted.length > 0 && doubtAtWork()) {
      for (const q of doubted) {
        if (negatedBefore(doc, q.first, 4) || taken.overlaps(q.first, q.last)) continue;
        taken.mark(q.first, q.last);
        const t = earlierTarget(doc, bySentence, { id: 'doubted', first: q.first, last: q.last, start: q.start, end: q.end }, true);
        out.push({ first: q.first, last: q.last, hit: { start: q.start, end: q.end, messageId: 'insult', data: { who: WHO[t?.group ?? 'community'] } } });
      }
    }
    return out.sort((a, b) => a.first - b.first).map((o) => o.hit);
  },
});
