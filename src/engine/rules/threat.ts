// threat: threatening, intimidating, harassing or bullying language towards anyone.
//
// Phrases are data (rules/lexicons/threat.json): violence against a person ("I'll slap him",
// "someone should slap that kid"), violence wished on someone ("deserves a good hiding"), menace
// ("watch your back", "I know where you live", "had better pray I never see him"), bullying
// ("I'm going to make her life hell", "name and shame", "kill yourself"). What makes a threat is a
// person on the receiving end and a speaker who means it, so violence with no person ("this marking
// is killing me", "I could murder a coffee", "killing it today") is never listed, and entries say
// what else they need (tags): `intent` a speaker (I, we, someone, let's...) or an order, `person-before`
// a person the harm is wished on, `final` the phrase ends the sentence ("I'll have him!"). Negated
// ("I would never hurt a child", "nobody deserves a slap") and reported threats are quiet.
//
// Most threats people actually post name no violence: they say what will happen to someone ("he'll
// be leaving in an ambulance", "the next kid who says it is getting launched out the window"), wish
// it ("hoping he enjoys walking with a limp"), warn ("he wants to watch himself"), lay down an
// ultimatum ("one more email from that mum and I'm going round there") or menace ("I've got the
// CCTV and a long memory. Sleep well."). Tags for those: `sufferer` (a person other than the writer
// is the subject, and it is said of the future or wished, not reported), `not-self` (the harm is
// wished on someone named in the phrase), `ultimatum` (only after "again", "one more", "next time",
// "or else"...), `weak` (only beside another threat within two sentences).
import threatJson from '../../../rules/lexicons/threat.json';
import { parseLexicon } from '../../data/lexicons.js';
import { classWords, entryMap, lexiconMatcher, TokenMask, tokensOfHits } from '../abuse.js';
import { CONTEXT, negatedBefore, reportedBefore, NEGATORS } from '../context.js';
import { defineRule, type Hit } from '../rule.js';
import type { Doc } from '../text/doc.js';
import { foldWord, type PhraseMatch } from '../text/pattern.js';

const LEX = parseLexicon(threatJson, 'rules/lexicons/threat.json');
const MATCHER = lexiconMatcher(LEX);
const ENTRIES = entryMap(LEX);
const PERSON_NOUNS = classWords(LEX, 'person-noun');
const REPORTING = new Set((CONTEXT.classes?.reporting ?? []).map(foldWord));
/** Reporting verbs that open an order: "Say that again and see what happens", "Tell him to watch his back". */
const REPORTING_OPENERS = new Set(['say', 'tell', 'ask', 'call']);

/** A speaker who means it. */
const INTENT = new Set(['i', 'ill', 'id', 'im', 'ive', 'iam', 'we', 'well', 'wed', 'were', 'lets', 'someone', 'somebody', 'someones', 'somebodys', 'anyone', 'anybody', 'everyone', 'everybody', 'people', 'you', 'u', 'yall', 'youll', 'youd', 'ya', 'gonna']);
/** People a harm can be wished on, besides person nouns and names. */
const PERSON_PRONOUNS = new Set(['he', 'she', 'they', 'hes', 'shes', 'theyre', 'him', 'her', 'them', 'you', 'youre', 'ur', 'u', 'his', 'their']);
/** Words that may follow a `final` phrase: "I'll have him for that", "I'll get her if ...". */
const FINAL_OK = new Set(['for', 'if', 'when', 'one', 'outside', 'after', 'mate', 'lol', 'swear', 'i', 'ill', 'im', 'now', 'yet']);

/** What may open a clause before the verb with the speaker left out: "Going to make her life a misery", "Gonna end him". */
const DROPPED_SUBJECT = new Set(['going', 'gonna', 'gunna', 'to', 'about', 'just', 'totally', 'definitely', 'honestly', 'seriously']);

function intent(doc: Doc, m: PhraseMatch): boolean {
  const first = doc.tokens[m.first]!;
  if (first.sentenceStart || doc.tokens[m.first - 1]?.clause !== first.clause) return true;
  // "Going to make that NQT's life a misery": the speaker is left out, as in a diary
  let k = m.first - 1;
  while (k >= 0 && doc.tokens[k]!.clause === first.clause && DROPPED_SUBJECT.has(doc.tokens[k]!.norm)) {
    if (doc.tokens[k]!.sentenceStart || doc.tokens[k - 1]?.clause !== first.clause) return doc.tokens[k]!.norm !== 'to';
    k--;
  }
  for (let k = m.first + 1; k >= 0 && k >= m.first - 5; k--) {
    const t = doc.tokens[k];
    if (!t || t.sentence !== first.sentence) continue;
    if (INTENT.has(t.norm)) return true;
  }
  return false;
}

const CONTRACTED_PERSON = new Set(['hell', 'shell', 'theyll', 'youll']);

function personBefore(doc: Doc, m: PhraseMatch, names: Set<number>): boolean {
  const s = doc.tokens[m.first]!.sentence;
  for (let k = m.first - 1; k >= 0 && k >= m.first - 6; k--) {
    const t = doc.tokens[k]!;
    if (t.sentence !== s) break;
    if (PERSON_PRONOUNS.has(t.norm) || PERSON_NOUNS.has(t.norm) || PERSON_NOUNS.has(t.base) || names.has(k)) return true;
    if (t.cap && !t.allCaps && !t.sentenceStart) return true;
  }
  for (let k = m.first; k <= m.last; k++) {
    const t = doc.tokens[k]!;
    if (PERSON_PRONOUNS.has(t.norm) || PERSON_NOUNS.has(t.norm) || names.has(k)) return true;
    // "he'll get a smack": the contracted pronoun opening the match is the person
    if (k === m.first && CONTRACTED_PERSON.has(t.norm)) return true;
    // "give that Year 7 a good slap": a year group named as one child is a person.
    if ((t.norm === 'year' || t.norm === 'yr') && k < m.last && /^\d+s?$/.test(doc.tokens[k + 1]!.norm)) return true;
  }
  return false;
}

/** Reported speech ("a parent said I know where you live"), but not an order ("Say that again and ..."). */
function reported(doc: Doc, first: number): boolean {
  if (!reportedBefore(doc, first, 6)) return false;
  const s = doc.tokens[first]!.sentence;
  let k = first - 1;
  while (k >= 0 && doc.tokens[k]!.sentence === s && !doc.tokens[k]!.sentenceStart) k--;
  // the only reporting word is the sentence's first word: an imperative, not a report
  const opener = k >= 0 ? doc.tokens[k]! : undefined;
  if (opener && opener.sentence === s && REPORTING_OPENERS.has(opener.norm)) {
    for (let j = k + 1; j < first; j++) if (REPORTING.has(doc.tokens[j]!.norm)) return true;
    return false;
  }
  return true;
}

const FIRST_PERSON = new Set(['i', 'im', 'ill', 'id', 'ive', 'me', 'my', 'myself', 'we', 'were', 'weve', 'wed', 'us', 'our', 'ourselves', 'iam']);
/** Contracted pronouns that carry "will" or "would": the person and the future in one token. */
const CONTRACTED_FUTURE = new Set(['hell', 'shell', 'theyll', 'youll', 'itll', 'hed', 'shed', 'theyd', 'youd', 'ull']);
/** Words between a subject and the harm that happens to it: "he'll [be] leaving", "someone [is] getting". */
const AUX_CHAIN = new Set(['is', 'are', 's', 'was', 'were', 'be', 'been', 'being', 'will', 'would', 'shall', 'should', 'could', 'might', 'may', 'must', 'can', 'gonna', 'going', 'to', 'about', 'definitely', 'defo', 'deffo', 'def', 'probably', 'prob', 'so', 'just', 'literally', 'totally', 'actually', 'straight', 'soon', 'then', 'also', 'really', 'likely', 'surely', 'gunna', 'end', 'ends', 'up', 'enjoy', 'enjoys']);
const FUTURE = new Set(['will', 'gonna', 'gunna', 'going', 'about', 'would', 'could', 'should', 'might', 'shall', 'wont', 'must', 'better', 'gotta']);
const PAST = new Set(['was', 'were', 'had', 'got', 'went', 'did', 'gone', 'been']);
const WISH = new Set(['hope', 'hoping', 'hopes', 'wish', 'wishing', 'pray', 'praying', 'enjoy', 'enjoys']);
/** After a person, words that continue the subject phrase: "someone [at] head office", "the kid [who] said it". */
const SUBJECT_CONTINUES = new Set(['at', 'from', 'in', 'on', 'of', 'who', 'that', 'whos', 'with', 'over', 'behind', 'next', 'down', 'up', 'near', 'by']);

function isPersonToken(doc: Doc, k: number, names: Set<number>): boolean {
  const t = doc.tokens[k]!;
  if (names.has(k) || PERSON_PRONOUNS.has(t.norm) || CONTRACTED_FUTURE.has(t.norm) || PERSON_NOUNS.has(t.norm) || PERSON_NOUNS.has(t.base)) return true;
  if (t.norm === 'whoever' || t.norm === 'whoevers') return true;
  // "the Year 11 who...", "that Year 8": a year group named as one pupil
  if (/^\d{1,2}s?$/.test(t.norm) && k > 0 && /^(year|yr)$/.test(doc.tokens[k - 1]!.norm)) return true;
  return t.cap && !t.allCaps && !t.sentenceStart && t.tag === 0;
}

/**
 * The harm at m befalls a person who is not the writer, and is said of the future or wished: "he'll be
 * leaving in an ambulance", "someone at head office is getting a stapler to the face", "the next kid
 * who says it is getting launched". Not "I got a ball to the face" or "my nan left in an ambulance".
 */
function sufferer(doc: Doc, m: PhraseMatch, names: Set<number>): boolean {
  const first = doc.tokens[m.first]!;
  let future = false;
  let k = m.first - 1;
  for (; k >= 0 && doc.tokens[k]!.sentence === first.sentence && AUX_CHAIN.has(doc.tokens[k]!.norm); k--) {
    const w = doc.tokens[k]!.norm;
    if (PAST.has(w)) return false;
    if (FUTURE.has(w)) future = true;
  }
  if (k < 0 || doc.tokens[k]!.sentence !== first.sentence) return false;
  const subject = doc.tokens[k]!;
  if (FIRST_PERSON.has(subject.norm)) return false;
  if (CONTRACTED_FUTURE.has(subject.norm)) future = true;
  // "he's going through the window", "someone is getting a stapler to the face": a progressive is a
  // plan only under a condition ("or he's going...", "if ... again", "the next kid who..."); without
  // one it is news ("my nan is going home in an ambulance")
  const progressive = /ing$/.test(first.norm) && (k < m.first - 1 || /^(hes|shes|theyre|youre|whos)$/.test(subject.norm) || subject.possessive);
  if (progressive && conditional(doc, m.first)) future = true;
  let person = isPersonToken(doc, k, names);
  if (!person) {
    // the subject phrase runs on: "someone at head office", "the kid who wrote that on my whiteboard"
    for (let j = k - 1; j >= 0 && j >= k - 9 && doc.tokens[j]!.sentence === first.sentence; j--) {
      if (SUBJECT_CONTINUES.has(doc.tokens[j + 1]!.norm) && isPersonToken(doc, j, names) && !FIRST_PERSON.has(doc.tokens[j]!.norm)) {
        person = true;
        break;
      }
    }
  }
  if (!person) return false;
  if (future) return true;
  // wished: "hoping he ..."
  for (let j = m.first - 1; j >= 0 && doc.tokens[j]!.sentence === first.sentence; j--) if (WISH.has(doc.tokens[j]!.norm)) return true;
  return false;
}

const CONDITION = new Set(['if', 'unless', 'or', 'next', 'again', 'else', 'dare', 'carries', 'keeps']);
/** A condition earlier in the sentence: "if", "or", "the next kid who", "one more ... and". */
function conditional(doc: Doc, before: number): boolean {
  const s = doc.tokens[before]!.sentence;
  for (let k = before - 1; k >= 0 && doc.tokens[k]!.sentence === s; k--) {
    const w = doc.tokens[k]!.norm;
    if (CONDITION.has(w) || (w === 'more' && /^(one|any)$/.test(doc.tokens[k - 1]?.norm ?? ''))) return true;
  }
  return false;
}

/** The harm is wished on someone named in the phrase, not the writer: "to see that mum get...". */
function notSelf(doc: Doc, m: PhraseMatch, names: Set<number>): boolean {
  for (let k = m.first + 1; k <= m.last; k++) {
    const t = doc.tokens[k]!;
    if (FIRST_PERSON.has(t.norm)) continue;
    if (isPersonToken(doc, k, names)) return true;
  }
  return false;
}

/** Repetition or a dare earlier or later in the sentence: "one more ... and", "if he ... again", "next time", "or else". */
function ultimatum(doc: Doc, m: PhraseMatch): boolean {
  const s = doc.tokens[m.first]!.sentence;
  for (let k = m.first - 1; k >= 0 && doc.tokens[k]!.sentence === s; k--) {
    const w = doc.tokens[k]!.norm;
    if (w === 'again' || w === 'dare' || w === 'next' || w === 'else') return true;
    if (w === 'more' && doc.tokens[k - 1]?.norm === 'one') return true;
  }
  for (let k = m.last + 1; k < doc.tokens.length && doc.tokens[k]!.sentence === s; k++) {
    const w = doc.tokens[k]!.norm;
    if (w === 'again' || w === 'else') return true;
  }
  return false;
}

function endsSentence(doc: Doc, last: number): boolean {
  const t = doc.tokens[last]!;
  const n = doc.tokens[last + 1];
  return !n || n.sentence !== t.sentence || n.clause !== t.clause || FINAL_OK.has(n.norm);
}

export default defineRule({
  meta: {
    id: 'threat',
    description: 'Threatening, intimidating, harassing or bullying language towards anyone.',
    messages: {
      threat: { text: 'Reads as a threat, intimidation or bullying.', policy: 'forbid threatening or harassing anyone online' },
    },
    lexical: true,
  },
  check(doc, env) {
    const matches = MATCHER.match(doc, 'deobView');
    if (matches.length === 0) return [];
    let names: Set<number> | undefined;
    const nameTokens = () => (names ??= tokensOfHits(doc, env.hits, ['pupil-name', 'staff-name', 'pupil-reference']));
    const kept: PhraseMatch[] = [];
    const weak: PhraseMatch[] = [];
    const taken = new TokenMask(doc.tokens.length);
    for (const m of matches) {
      const tags = ENTRIES.get(m.id)!.tags ?? [];
      if (negatedBefore(doc, m.first, 4) || reported(doc, m.first)) continue;
      if (tags.includes('no-negation-inside')) {
        let neg = false;
        for (let k = m.first; k <= m.last; k++) if (NEGATORS.has(doc.tokens[k]!.norm)) neg = true;
        if (neg) continue;
      }
      if (tags.includes('intent') && !intent(doc, m)) continue;
      if (tags.includes('final') && !endsSentence(doc, m.last)) continue;
      if (tags.includes('person-before') && !personBefore(doc, m, nameTokens())) continue;
      if (tags.includes('sufferer') && !sufferer(doc, m, nameTokens())) continue;
      if (tags.includes('not-self') && !notSelf(doc, m, nameTokens())) continue;
      if (tags.includes('ultimatum') && !ultimatum(doc, m)) continue;
      if (taken.overlaps(m.first, m.last)) continue;
      if (tags.includes('weak')) {
        weak.push(m);
        continue;
      }
      taken.mark(m.first, m.last);
      kept.push(m);
    }
    // a menace that is only menacing beside another: a threat, or a second menace, within two sentences
    const sentenceOf = (x: PhraseMatch) => doc.tokens[x.first]!.sentence;
    for (const w of weak) {
      const near = (x: PhraseMatch) => x !== w && Math.abs(sentenceOf(x) - sentenceOf(w)) <= 2;
      const alone = (x: PhraseMatch) => near(x) && x.id === 'menace' && w.id === 'menace' && (x.first > w.last || x.last < w.first);
      if ((kept.some(near) || weak.some(alone)) && !taken.overlaps(w.first, w.last)) {
        kept.push(w);
      }
    }
    return kept
      .sort((a, b) => a.first - b.first)
      .map((m): Hit => ({ start: m.start, end: m.end, messageId: 'threat' }));
  },
});
