// The learned backstop: a linear model per rule over the draft's words, for what the constructions
// miss. Real posts say the same thing in more ways than any phrase list holds ("his tyres are getting
// let down", "it'll be his fingers in the laminator"); a logistic regression trained offline on the
// labelled sets (scripts/train-models.mjs, data in rules/models/learned.json) scores how much a draft
// reads like the drafts people labelled with the rule. It only speaks when the rule's own
// constructions found nothing, its threshold is set on drafts from authors it was not trained on, and
// its findings never block (they ask): a statistical reading is a prompt to look again, not a verdict.
//
// Features are words and word pairs within a sentence, with the names and numbers the other rules
// found replaced by what they are (<pupil>, <staff>, <school>, <year>, <n>), so the model learns
// "<staff> has the spine of a" rather than one colleague's name. Emoji count as words.
import learnedJson from '../../rules/models/learned.json';
import { aboutWork, baseView, classWordAt, elsewhereOnly, isClassCode, NEGATORS, ownFamilyMentions, pupilMentions, tokenIndexAt, yearGroupAt } from './context.js';
import { FIRST_NAMES } from './name-data.js';
import threatJson from '../../rules/lexicons/threat.json';
import representsJson from '../../rules/lexicons/represents-school.json';
import confidentialJson from '../../rules/lexicons/confidential.json';
import derogatoryJson from '../../rules/lexicons/derogatory.json';
import discriminatoryJson from '../../rules/lexicons/discriminatory.json';
import grievanceJson from '../../rules/lexicons/work-grievance.json';
import { parseLearnedModels, parseLexicon } from '../data/lexicons.js';
import type { Hit, RuleEnv, RuleMessage, RuleModule } from './rule.js';
import { insultWordIn, targetIn } from './rules/derogatory.js';
import { sanctionOnly } from './rules/threat.js';
import { mentions as supplierMentions, type Compiled as SupplierCompiled } from './rules/supplier.js';
import { PhraseMatcher, type PhraseMatch } from './text/pattern.js';
import type { Doc } from './text/doc.js';
import type { Lexicon } from '../data/schema.js';
import type { RuleId } from './types.js';

export interface LearnedModels {
  /** the rules in the order of each feature's weight list */
  rules: string[];
  bias: number[];
  threshold: number[];
  /** feature → [rule index, weight, rule index, weight, ...] */
  weights: Record<string, number[]>;
}

const FILE = parseLearnedModels(learnedJson, 'rules/models/learned.json');
const MODELS: LearnedModels = FILE.models;
const RULE_INDEX = new Map(MODELS.rules.map((r, i) => [r, i]));
/** The weights as a Map: a draft's features are new strings, which a dictionary-mode object internalises on every look-up */
const WEIGHTS = new Map(Object.entries(MODELS.weights));
/**
 * The same weights split by kind, so a check looks a word pair up as two words and never builds the
 * "a b" string (the features were a tenth of a check's allocation): single words, and pairs by first word.
 */
const UNIGRAMS = new Map<string, number[]>();
const BIGRAMS = new Map<string, Map<string, number[]>>();
for (const [f, w] of WEIGHTS) {
  const sp = f.indexOf(' ');
  if (sp < 0) {
    UNIGRAMS.set(f, w);
    continue;
  }
  const a = f.slice(0, sp);
  let m = BIGRAMS.get(a);
  if (!m) BIGRAMS.set(a, (m = new Map()));
  m.set(f.slice(sp + 1), w);
}

/** Other rules' hits whose words stand for a kind of thing, not themselves. */
const ABSTRACT: ReadonlyArray<[RuleId, string]> = [
  ['pupil-name', '<pupil>'],
  ['staff-name', '<staff>'],
  ['school-identity', '<school>'],
];

const PICTOGRAPH = /\p{Extended_Pictographic}/gu;
const NEGATED_CONTRACTION = /^(dont|wont|cant|isnt|arent|wasnt|werent|didnt|doesnt|wouldnt|couldnt|shouldnt|mustnt|hadnt|hasnt|havent|aint|never)$/;

// ---- Word classes: the constructions' own vocabulary, read as classes ----
// A word the lexicons class as a protected group, an insult, a diagnosis or a weapon is also read as
// its class ("<c:grp-religion>"), so what the model learns from "Ramadan again, so that's my group
// useless" carries over to Diwali or Lent, and from "useless" to "hopeless". The classes read are
// named in the model file (featureClasses), so the model and its features travel together.
const LEXICONS: Record<string, unknown> = {
  threat: threatJson,
  confidential: confidentialJson,
  derogatory: derogatoryJson,
  discriminatory: discriminatoryJson,
  'work-grievance': grievanceJson,
};
type FeatureClasses = Readonly<Record<string, readonly string[]>>;
const classMatchers = new WeakMap<FeatureClasses, PhraseMatcher[]>();
function matchersFor(fc: FeatureClasses): PhraseMatcher[] {
  let ms = classMatchers.get(fc);
  if (ms) return ms;
  ms = Object.entries(fc).map(([lex, classes]) => {
    const json = LEXICONS[lex];
    if (!json) throw new Error(`rules/models/learned.json: featureClasses names lexicon '${lex}', which the learned backstop does not load`);
    const l: Lexicon = parseLexicon(json, `rules/lexicons/${lex}.json`);
    return new PhraseMatcher(classes.map((c) => ({ id: c, patterns: [`@${c}`] })), l.classes ?? {});
  });
  classMatchers.set(fc, ms);
  return ms;
}
const NO_CLASSES: FeatureClasses = {};

/** A sentence as the model reads it: the word sequence, and the words a class stands for in it. */
export interface ModelSentence {
  words: string[];
  /** the original words behind each class token, read as words too */
  classed: string[];
}

/** Per sentence, the words as the model sees them. */
export function modelWords(doc: Doc, hits: ReadonlyMap<RuleId, readonly Hit[]>): string[][] {
  return modelSentences(doc, hits).map((s) => s.words);
}

/** Per sentence, the words as the model sees them, with the lexicons' classes (default: the model file's). */
export function modelSentences(doc: Doc, hits: ReadonlyMap<RuleId, readonly Hit[]>, featureClasses: FeatureClasses = FILE.featureClasses ?? NO_CLASSES): ModelSentence[] {
  const n = doc.tokens.length;
  const word: string[] = doc.tokens.map((t) => (t.numeric ? '<n>' : t.possessive ? t.base : t.deob));
  for (let i = 0; i < n; i++) {
    const y = yearGroupAt(doc, i);
    if (y >= 0) {
      word[i] = '<year>';
      word[y] = '<year>';
      i = y;
    } else if (isClassCode(doc, doc.tokens[i]!)) word[i] = '<year>';
  }
  for (const [rule, label] of ABSTRACT) {
    for (const h of hits.get(rule) ?? []) {
      for (let i = tokenIndexAt(doc, h.start); i < n && doc.tokens[i]!.end <= h.end; i++) word[i] = label;
    }
  }
  // words after a negator, to the end of the clause, are read as negated ("do not add me" is not "add
  // me"): the classic marking for linear text models, so the model can learn that "never message me"
  // turns an invitation round
  let negatedClause = -1;
  for (let i = 0; i < n; i++) {
    const t = doc.tokens[i]!;
    if (NEGATORS.has(t.norm) || NEGATED_CONTRACTION.test(t.norm)) {
      negatedClause = t.clause;
      continue;
    }
    if (t.clause !== negatedClause) negatedClause = -1;
    else if (!word[i]!.startsWith('<')) word[i] = `!${word[i]}`;
  }
  // the lexicons' classes, longest match first, never over a name or number already abstracted
  const classAt: Array<{ name: string; last: number } | undefined> = new Array(n);
  const covered = new Uint8Array(n);
  const found: PhraseMatch[] = [];
  for (const m of matchersFor(featureClasses)) found.push(...m.match(doc));
  found.sort((a, b) => a.first - b.first || b.last - a.last);
  for (const m of found) {
    let free = true;
    for (let i = m.first; i <= m.last && free; i++) if (covered[i] || word[i]!.startsWith('<')) free = false;
    if (!free || doc.tokens[m.first]!.sentence !== doc.tokens[m.last]!.sentence) continue;
    for (let i = m.first; i <= m.last; i++) covered[i] = 1;
    classAt[m.first] = { name: m.id, last: m.last };
  }
  const sentences: ModelSentence[] = [];
  const sentOf = new Int32Array(n);
  let last = -1;
  for (let i = 0; i < n; i++) {
    const t = doc.tokens[i]!;
    if (t.sentence !== last) {
      sentences.push({ words: [], classed: [] });
      last = t.sentence;
    }
    sentOf[i] = sentences.length - 1;
    const s = sentences[sentences.length - 1]!;
    const c = classAt[i];
    if (c) {
      // "!<c:insult-adj>": a class word after a negator is negated like any other word
      const negated = word[i]!.startsWith('!');
      s.words.push(`${negated ? '!' : ''}<c:${c.name}>`);
      for (let k = i; k <= c.last; k++) {
        s.classed.push(word[k]!);
        sentOf[k] = sentences.length - 1;
      }
      i = c.last;
      continue;
    }
    const w = word[i]!;
    // a run of one abstraction ("<staff> <staff>") is one mention
    if (w.startsWith('<') && s.words[s.words.length - 1] === w) continue;
    s.words.push(w);
  }
  // emoji, as words of the sentence they end (the tokenizer keeps only letters and digits)
  if (n > 0) {
    let k = 0;
    for (const m of doc.draft.matchAll(PICTOGRAPH)) {
      while (k + 1 < n && doc.tokens[k + 1]!.start <= m.index) k++;
      sentences[sentOf[k]!]!.words.push(m[0]);
    }
  }
  return sentences;
}

/** The features of one model sentence: its words and word pairs, and the words behind its classes. */
export function modelFeatures(s: ModelSentence): string[] {
  const out = sentenceFeatures(s.words);
  for (const w of s.classed) out.push(w);
  return out;
}

/** The features of one sentence: its words and adjacent word pairs. */
export function sentenceFeatures(words: readonly string[]): string[] {
  const out = [...words];
  for (let i = 1; i < words.length; i++) out.push(`${words[i - 1]} ${words[i]}`);
  return out;
}

interface Scored {
  /** probability the draft reads like the rule's drafts */
  p: number;
  /** the sentence that contributes most */
  sentence: number;
}

const cache = new WeakMap<Doc, { sentences: ModelSentence[]; scores: Map<number, Scored> }>();

function scores(doc: Doc, hits: ReadonlyMap<RuleId, readonly Hit[]>): { sentences: ModelSentence[]; scores: Map<number, Scored> } {
  let c = cache.get(doc);
  if (c) return c;
  const sentences = modelSentences(doc, hits);
  const R = MODELS.rules.length;
  const z = Float64Array.from(MODELS.bias);
  const best = new Float64Array(R).fill(-Infinity);
  const bestAt = new Int32Array(R);
  // a feature is its weight list (one list per feature), so "seen" needs no feature strings either
  const seen = new Set<number[]>();
  const local = new Float64Array(R);
  const add = (w: number[] | undefined) => {
    if (!w) return;
    const first = !seen.has(w);
    seen.add(w);
    for (let k = 0; k < w.length; k += 2) {
      const r = w[k]!;
      const v = w[k + 1]!;
      local[r] = local[r]! + v;
      // a feature counts once per draft (the model was trained on presence, not counts)
      if (first) z[r] = z[r]! + v;
    }
  };
  for (let s = 0; s < sentences.length; s++) {
    local.fill(0);
    // modelFeatures' order (words, then word pairs, then the words behind classes), so the sums are the same
    const { words, classed } = sentences[s]!;
    for (let i = 0; i < words.length; i++) add(UNIGRAMS.get(words[i]!));
    for (let i = 1; i < words.length; i++) add(BIGRAMS.get(words[i - 1]!)?.get(words[i]!));
    for (let i = 0; i < classed.length; i++) add(UNIGRAMS.get(classed[i]!));
    for (let r = 0; r < R; r++) {
      if (local[r]! > best[r]!) {
        best[r] = local[r]!;
        bestAt[r] = s;
      }
    }
  }
  const out = new Map<number, Scored>();
  for (let r = 0; r < R; r++) out.set(r, { p: 1 / (1 + Math.exp(-z[r]!)), sentence: bestAt[r]! });
  c = { sentences, scores: out };
  cache.set(doc, c);
  return c;
}

/** Is there a model for this rule? */
export function hasModel(rule: string): boolean {
  return RULE_INDEX.has(rule);
}

/**
 * The model's reading of the draft for one rule: the span of the sentence that reads most like it,
 * when the probability clears the rule's threshold; otherwise null.
 */
export function learnedReading(rule: string, doc: Doc, hits: ReadonlyMap<RuleId, readonly Hit[]>): { start: number; end: number; p: number } | null {
  const r = RULE_INDEX.get(rule);
  if (r === undefined || doc.tokens.length === 0) return null;
  const s = scores(doc, hits).scores.get(r)!;
  if (s.p < MODELS.threshold[r]!) return null;
  // the span of that sentence in the draft
  const span = sentenceSpans(doc)[s.sentence];
  return span ? { ...span, p: s.p } : null;
}

/** The probability alone (for the training script and the benchmark). */
export function learnedProbability(rule: string, doc: Doc, hits: ReadonlyMap<RuleId, readonly Hit[]>): number {
  const r = RULE_INDEX.get(rule);
  if (r === undefined) return 0;
  return scores(doc, hits).scores.get(r)!.p;
}

/** What the backstop says when it speaks: the rule's gist, and that it is a reading, not a rule. */
const GIST: Record<string, string> = {
  threat: 'threaten or intimidate someone',
  derogatory: 'belittle or insult people in the school community',
  discriminatory: 'stereotype or demean people for who they are (a protected characteristic)',
  confidential: 'disclose confidential matters about pupils, staff or the school',
  'work-grievance': 'complain publicly about the job, pay or leadership',
  gossip: 'pass on rumours about the school or colleagues',
  'represents-school': 'speak or decide for the school',
  'pupil-contact': 'invite pupils or parents to contact you personally',
  'pupil-reference': 'single out a pupil or their family',
  supplier: 'praise or criticise one of the school\'s suppliers',
};

// ---- Gates: what a reading needs besides the model's word for it ----
// The model sees words, not who they are about. A reading is kept only where the rule's own
// precondition holds in the sentence it points at: a person for a threat, someone in the school
// community for an insult, an invitation in a draft about school that is not turned down ("Year 11s,
// do not add me"; "text me if you want the spare concert tickets" is not to pupils or parents), a
// stereotype that is not being refuted ("it's a myth that women can't do maths").
const THREAT = parseLexicon(threatJson, 'rules/lexicons/threat.json');
const PERSON = new PhraseMatcher([{ id: 'person', patterns: ['@person-noun', 'he|she|they|him|her|them|you|hes|shes|theyre|youre|hell|shell|theyll|youll|whoever|someone|somebody|anyone'] }], THREAT.classes ?? {});
const TALKING_ABOUT_STEREOTYPES = /\b(myth|stereotyp\w*|(is|are)n[’']?t true|not true|nonsense that|rubbish that|wrong to (say|assume|think))\b/i;
const within = (ms: readonly PhraseMatch[], start: number, end: number) => ms.some((m) => m.start >= start && m.end <= end);
function negatedSpan(doc: Doc, start: number, end: number): boolean {
  for (let i = tokenIndexAt(doc, start); i < doc.tokens.length && doc.tokens[i]!.end <= end; i++) {
    const w = doc.tokens[i]!.norm;
    if (NEGATORS.has(w) || NEGATED_CONTRACTION.test(w)) return true;
  }
  return false;
}
/**
 * A sentence that opens with a group said as a whole: "All the kids in Owls got a certificate", "Every
 * child in Kestrels read to a dog", "The whole of Year 3...". Only at the sentence's opening: "the whole
 * class clapped" after one new starter's first presentation is about her.
 */
const WHOLE = new Set(['all', 'every', 'whole', 'each', 'entire']);
const GROUP_NOUNS = new Set(['kids', 'children', 'pupils', 'students', 'class', 'classes', 'child', 'pupil', 'student', 'kid', 'boys', 'girls', 'year', 'form', 'group', 'cohort', 'school']);
function wholeGroupIn(doc: Doc, start: number, end: number): boolean {
  const i = tokenIndexAt(doc, start);
  const at = (k: number) => (k < doc.tokens.length && doc.tokens[k]!.end <= end ? doc.tokens[k]!.norm : undefined);
  const w = at(i) === 'the' ? i + 1 : i;
  if (!WHOLE.has(at(w) ?? '')) return false;
  for (let k = w + 1; k <= w + 3; k++) if (GROUP_NOUNS.has(at(k) ?? '')) return true;
  return false;
}
/**
 * The only child in the sentence is the writer's own: "Asking as a parent, my boy's teacher has been lovely",
 * "my little one has lost his teddy". Not with a year group or class code there ("my boys in Year 6").
 */
function ownChildOnly(doc: Doc, start: number, end: number): boolean {
  // "my" only: a teacher's "our kids", "our lad" are as often the school's children
  if (!ownFamilyMentions(doc).some((m) => m.start >= start && m.end <= end && doc.tokens[m.first]!.norm === 'my')) return false;
  for (let i = tokenIndexAt(doc, start); i < doc.tokens.length && doc.tokens[i]!.end <= end; i++) {
    if (yearGroupAt(doc, i) >= 0 || isClassCode(doc, doc.tokens[i]!)) return false;
  }
  return true;
}
/**
 * A span that speaks of a child only by pronoun, in a draft whose only child is the writer's own: "My
 * son Twm has Down syndrome... What he needed was one manager willing to show him the till". Not
 * with any other child in the draft, nor a year group or class code anywhere in it.
 */
function ownChildByPronoun(doc: Doc, start: number, end: number): boolean {
  // the writer's own child opening a sentence ("My son Twm has..."), not in words quoted ("Parent: you're a disgrace, my son came home crying")
  const own = ownFamilyMentions(doc).filter((m) => doc.tokens[m.first]!.norm === 'my' && doc.tokens[m.first]!.sentenceStart);
  if (own.length === 0 || own[0]!.start >= start) return false;
  const kids = pupilMentions(doc);
  if (kids.some((k) => k.start >= start && k.end <= end)) return false;
  if (!kids.every((k) => own.some((o) => k.first <= o.last && o.first <= k.last))) return false;
  for (let i = 0; i < doc.tokens.length; i++) if (yearGroupAt(doc, i) >= 0 || isClassCode(doc, doc.tokens[i]!)) return false;
  return true;
}
/**
 * Every child in the sentence is placed somewhere else by name, in a draft that is not about the writer's
 * work: "Really sad reading about that lad in Plymouth", "a piece about a lad from Dereham who's raised
 * £2,000". A child "in" or "from" a capitalised place is somebody's child there, not a pupil; not when
 * the place is a word of one of the school's class names ("the little one in Frome", "a lad in U6 Tudor"),
 * and not with a year group or class code in the sentence.
 */
function childElsewhereOnly(doc: Doc, start: number, end: number): boolean {
  const kids = pupilMentions(doc).filter((m) => m.start >= start && m.end <= end);
  if (kids.length === 0 || aboutWork(doc)) return false;
  const ts = doc.tokens;
  for (let i = tokenIndexAt(doc, start); i < ts.length && ts[i]!.end <= end; i++) {
    if (yearGroupAt(doc, i) >= 0 || isClassCode(doc, ts[i]!)) return false;
  }
  return kids.every((m) => {
    // "To the lad from Higher Hayne: I saw what you did": a child the writer addresses is one the writer knows
    const lead = ts[m.first - 1]?.norm === 'the' || ts[m.first - 1]?.norm === 'that' ? m.first - 2 : m.first - 1;
    if (ts[lead]?.norm === 'to' && ts[lead]!.sentenceStart) return false;
    const prep = ts[m.last + 1];
    const place = ts[m.last + 2];
    return (
      prep !== undefined && place !== undefined && place.sentence === prep.sentence && prep.sentence === ts[m.last]!.sentence &&
      (prep.norm === 'in' || prep.norm === 'from' || prep.norm === 'near') && place.cap && !place.allCaps && !/\d/.test(place.norm) && !classWordAt(doc, place.i)
    );
  });
}
/** Speaking for the writer's family or for another body: "On behalf of my whole family, thank you...", "Our gurdwara seva team will give every family...". */
const REPRESENTS = parseLexicon(representsJson, 'rules/lexicons/represents-school.json');
const NOT_THE_SCHOOL = new PhraseMatcher([{ id: 'not-the-school', patterns: ['@not-the-school'] }], REPRESENTS.classes ?? {});
/** Someone a rumour can be about: a person word or pronoun, less the impersonal "they" ("they're opening a Greggs"). */
const RUMOUR_PERSON = new PhraseMatcher([{ id: 'person', patterns: ['@person-noun', 'he|she|him|her|hes|shes|his|whoever|someone|somebody|anyone|colleague|colleagues|staff|head|deputy|governor|governors|parent|parents|mum|dad|teacher|teachers|ta|tas|caretaker|bursar|office|slt|smt|trust|council|la|diocese|ofsted|school'] }], THREAT.classes ?? {});
/** A person in the span: a person word or pronoun (possessives as their word: "the bursar's"), or a capitalised first name ("Gary's been found..."). */
function rumourPerson(doc: Doc, s: { start: number; end: number }): boolean {
  if (within(RUMOUR_PERSON.match(baseView(doc)), s.start, s.end)) return true;
  for (let i = tokenIndexAt(doc, s.start); i < doc.tokens.length && doc.tokens[i]!.end <= s.end; i++) {
    const t = doc.tokens[i]!;
    if (t.cap && !t.allCaps && FIRST_NAMES.has(t.base)) return true;
  }
  return false;
}
const GATES: Record<string, (doc: Doc, env: RuleEnv, span: { start: number; end: number }) => boolean> = {
  // ...and what it lays down is harm, not one of the school's sanctions ('if he does that again I'll ring his mum')
  threat: (doc, env, s) => (within(PERSON.match(doc), s.start, s.end) || hitIn(env, ['pupil-name', 'staff-name', 'pupil-reference'], s)) && !sanctionOnly(doc, s.start, s.end),
  discriminatory: (doc, _env, s) => !TALKING_ABOUT_STEREOTYPES.test(doc.draft.slice(s.start, s.end)),
  // a verdict on a supplier needs the supplier, named in the sentence or the one before it ("Norvic Tech came
  // out to fix the whiteboard. Switched it off and on again. £95 callout.")
  supplier: (doc, env, s) => {
    if (!env.compiled) return false;
    const first = doc.tokens[tokenIndexAt(doc, s.start)];
    if (!first) return false;
    return supplierMentions(doc, env.compiled as SupplierCompiled).some((m) => m.sentence >= first.sentence - 1 && m.start < s.end);
  },
  // ...and no insult word the constructions already judged aimed at no one there ("the wolf is a pudding head")
  derogatory: (doc, env, s) => targetIn(doc, env.hits, env.compiled as Parameters<typeof targetIn>[2], s.start, s.end) && !insultWordIn(doc, s.start, s.end),
  // a child in the news, in a draft that claims no school of the writer's, is nobody's pupil (as pupil-reference's constructions hold);
  // nor is a whole class or year said as a whole ("All the kids in Owls got a certificate", "every child in Year 3")
  // nor is the writer's own child ("my boy's teacher has been lovely"), nor a child placed elsewhere by name ("that lad in Plymouth")
  'pupil-reference': (doc, env, s) => !elsewhereOnly(doc, env.hits) && !wholeGroupIn(doc, s.start, s.end) && !ownChildOnly(doc, s.start, s.end) && !ownChildByPronoun(doc, s.start, s.end) && !childElsewhereOnly(doc, s.start, s.end),
  // ...not for the writer's family, nor for a gurdwara, a church or a club
  'represents-school': (doc, _env, s) => !NOT_THE_SCHOOL.match(doc).some((m) => m.start < s.end && m.end > s.start),
  // a rumour is about someone or the school's world: not a new Greggs ("they're opening a Greggs on Holderness Road")
  gossip: (doc, env, s) => rumourPerson(doc, s) || inSchoolWorld(doc, env),
  'pupil-contact': (doc, env, s) => !negatedSpan(doc, s.start, s.end) && inSchoolWorld(doc, env),
};
/** Does a reading of `rule` on the span [start, end) pass the rule's gate? (Rules without a gate pass.) */
export function passesGate(rule: string, doc: Doc, env: RuleEnv, start: number, end: number): boolean {
  const g = GATES[rule];
  return !g || g(doc, env, { start, end });
}

/** The draft span of each sentence, in the order modelWords numbers them. */
export function sentenceSpans(doc: Doc): Array<{ start: number; end: number }> {
  const out: Array<{ start: number; end: number }> = [];
  for (let i = 0; i < doc.tokens.length; i++) {
    const t = doc.tokens[i]!;
    if (i === 0 || t.sentence !== doc.tokens[i - 1]!.sentence) out.push({ start: t.start, end: t.end });
    else out[out.length - 1]!.end = t.end;
  }
  return out;
}

/** Rules whose hits put a draft in the school's world (as disclaimer-missing reads them). */
const SCHOOL_RULES: RuleId[] = ['pupil-name', 'pupil-reference', 'staff-name', 'school-identity', 'confidential'];

/** Is the draft in the school's world: its own work words, another school rule's hit, or the learned reading of "about work" at evens? */
function inSchoolWorld(doc: Doc, env: RuleEnv): boolean {
  return aboutWork(doc) || SCHOOL_RULES.some((r) => (env.hits.get(r)?.length ?? 0) > 0) || learnedProbability('about-work', doc, env.hits) >= 0.5;
}

function hitIn(env: RuleEnv, rules: RuleId[], s: { start: number; end: number }): boolean {
  return rules.some((r) => (env.hits.get(r) ?? []).some((h) => h.start >= s.start && h.end <= s.end));
}

/**
 * A rule with the learned backstop behind it: when the rule's own constructions find nothing and
 * the model reads the draft as the rule's kind of post, one finding on the sentence that reads most
 * like it, capped at warn (a reading asks; it never blocks).
 */
export function withBackstop<C>(rule: RuleModule<C>): RuleModule<C> {
  const id = rule.meta.id;
  if (!hasModel(id) || !GIST[id]) return rule;
  const main = Object.values(rule.meta.messages)[0];
  const policy = typeof main === 'object' ? main.policy : undefined;
  const learned: RuleMessage = { text: `Reads like posts that ${GIST[id]}: check how it could be taken.`, ...(policy ? { policy } : {}) };
  return {
    ...rule,
    meta: { ...rule.meta, messages: { ...rule.meta.messages, learned } },
    check(doc, env) {
      const out = rule.check(doc, env);
      if (out.length > 0 || env.ctx.learned === false) return out;
      const r = learnedReading(id, doc, env.hits);
      if (!r || (GATES[id] && !GATES[id](doc, env, r))) return [];
      return [{ start: r.start, end: r.end, messageId: 'learned', cap: 'warn' }];
    },
  };
}
