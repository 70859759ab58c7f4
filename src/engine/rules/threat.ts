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
//
// Threats from writers who never saw the engine name the harm in words no list holds, so the
// structure carries more than the words: after an ultimatum, anything the writer will do to a
// person that is not a school sanction or a kindness (`open`: "if he bins my display again I'll
// bin him"); someone else's body on the receiving end of an object ("the pen in their eye", "my
// fist through his face"); harm disowned in advance ("it wasn't me 😇"); names read as objects.
import threatJson from '../../../rules/lexicons/threat.json';
import { parseLexicon } from '../../data/lexicons.js';
import { classWords, entryMap, lexiconMatcher, sentenceMatches, TokenMask, tokensOfHits } from '../abuse.js';
import { CONTEXT, negatedBefore, negatorAt, reportedBefore, NEGATORS } from '../context.js';
import { FIRST_NAMES, isTitleToken, nameClass } from '../name-data.js';
import { defineRule, type Hit } from '../rule.js';
import type { Doc } from '../text/doc.js';
import { foldWord, PhraseMatcher, type PhraseMatch } from '../text/pattern.js';

const LEX = parseLexicon(threatJson, 'rules/lexicons/threat.json');
const MATCHER = lexiconMatcher(LEX);
/** The entries with a person as the object: the only ones worth matching again with names read as "him". */
const OBJECT_ENTRIES = LEX.entries.filter((e) => e.patterns.some((p) => /@obj-pron|\bhim\b/.test(p)));
const OBJECT_MATCHER = lexiconMatcher(LEX, OBJECT_ENTRIES);
/**
 * Words that stand just before a person object in those patterns (the nearest word element before
 * "@obj-pron", past gaps and optional parts): a name with none of them in the five words before it
 * is not matched again. Words every post has before a name ("well done to Amy", "thanks for Sam's
 * help", "I'll give Jo a ring": class name-object-not-lead) are left out, so only a harm verb or a
 * weapon before a name ("strangle Darren", "bin Gary") costs the second match; "nobody talk to
 * Gary till he apologises" is the price.
 */
const OBJECT_LEAD: ReadonlySet<string> = (() => {
  const out = new Set<string>();
  const skip = classWords(LEX, 'name-object-not-lead');
  const classes = LEX.classes ?? {};
  const lastWord = (phrase: string) => foldWord(phrase.split(/[\s-]+/).filter(Boolean).pop() ?? '');
  for (const e of OBJECT_ENTRIES) {
    for (const p of e.patterns) {
      const els = p.trim().split(/\s+/);
      els.forEach((el, i) => {
        if (!/@obj-pron|^him$|\|him\b|\bhim\|/.test(el)) return;
        for (let j = i - 1; j >= 0; j--) {
          const prev = els[j]!;
          if (/^\*\d+$/.test(prev) || prev === ',') continue;
          for (const alt of prev.replace(/\?$/, '').split('|')) {
            if (alt.startsWith('@')) for (const m of classes[alt.slice(1)] ?? []) out.add(lastWord(m));
            else out.add(lastWord(alt.replace(/\*$/, '')));
          }
          if (!prev.endsWith('?')) break;
        }
      });
    }
  }
  for (const w of skip) out.delete(w);
  return out;
})();
const ENTRIES = entryMap(LEX);
const PERSON_NOUNS = classWords(LEX, 'person-noun');
const NOT_HARM = classWords(LEX, 'not-harm-verb');
const SANCTION = classWords(LEX, 'sanction-verb');
const ADVERB_SKIP = classWords(LEX, 'adverb-skip');
const OBJ_PRON = classWords(LEX, 'obj-pron');
/** what a person wears or is made of, after a possessive: the object of "I'm stapling his tie to the desk" */
const WORN_PART = classWords(LEX, 'worn-part');
const POSSESSIVE = new Set(['his', 'her', 'their']);
const I_WILL_OPEN = new PhraseMatcher([{ id: 'i-will', patterns: ['@i-will-open'] }], LEX.classes ?? {});
/** What may follow the person in an open ultimatum: the clause ends, or a place ("I'll hoy them in the Tyne"). */
const OPEN_AFTER = new Set(['together', 'shut', 'in', 'into', 'off', 'out', 'through', 'over', 'down', 'up', 'across', 'round', 'around', 'under', 'against', 'onto', 'to', 'with', 'mate', 'lol', 'i', 'ill', 'swear', 'so', 'till', 'until', 'myself', 'and', 'like']);
const REPORTING = new Set((CONTEXT.classes?.reporting ?? []).map(foldWord));
/** Reporting verbs that open an order: "Say that again and see what happens", "Tell him to watch his back". */
const REPORTING_OPENERS = new Set(['say', 'tell', 'ask', 'call']);

/** How far a cue may stand from the phrase it qualifies (tokens): a condition, a wish, a warning. */
const BACK = 30;
const AHEAD = 20;

/** A speaker who means it. */
const INTENT = new Set(['i', 'ill', 'id', 'im', 'ive', 'iam', 'we', 'well', 'wed', 'were', 'lets', 'someone', 'somebody', 'someones', 'somebodys', 'anyone', 'anybody', 'everyone', 'everybody', 'people', 'you', 'u', 'yall', 'youll', 'youd', 'ya', 'gonna']);
/** People a harm can be wished on, besides person nouns and names. */
const PERSON_PRONOUNS = new Set(['he', 'she', 'they', 'hes', 'shes', 'theyre', 'him', 'her', 'them', 'you', 'youre', 'ur', 'u', 'his', 'their', 'your']);
/** Words that may follow a `final` phrase: "I'll have him for that", "I'll get her if ...". */
const FINAL_OK = new Set(['for', 'if', 'when', 'one', 'outside', 'after', 'mate', 'lol', 'swear', 'i', 'ill', 'im', 'now', 'yet']);

/** What may open a clause before the verb with the speaker left out: "Going to make her life a misery", "Gonna end him". */
const DROPPED_SUBJECT = new Set(['going', 'gonna', 'gunna', 'to', 'about', 'just', 'totally', 'definitely', 'honestly', 'seriously', 'might', 'may', 'could', 'want', 'wanna', 'really', 'proper']);

function intent(doc: Doc, m: PhraseMatch): boolean {
  const first = doc.tokens[m.first]!;
  if (opensClause(doc, m.first)) return true;
  // "Going to make that NQT's life a misery": the speaker is left out, as in a diary
  let k = m.first - 1;
  while (k >= 0 && doc.tokens[k]!.clause === first.clause && DROPPED_SUBJECT.has(doc.tokens[k]!.norm)) {
    if (opensClause(doc, k)) return doc.tokens[k]!.norm !== 'to';
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
    // "Year 9 need the cane": a year group is people
    if (/^\d{1,2}s?$/.test(t.norm) && /^(year|yr)$/.test(doc.tokens[k - 1]?.norm ?? '')) return true;
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

/** Someone else's thing in the sentence of m or the one before, before m: "their little red Fiesta", "his car". */
const OTHERS_POSSESSIVE = new Set(['his', 'her', 'their', 'your', 'ur', 'yer']);
const PROPERTY = classWords(LEX, 'property');
function thingBefore(doc: Doc, m: PhraseMatch): boolean {
  const s = doc.tokens[m.first]!.sentence;
  for (let k = m.first - 1; k >= 0; k--) {
    const t = doc.tokens[k]!;
    if (t.sentence < s - 1) break;
    if (!OTHERS_POSSESSIVE.has(t.norm)) continue;
    for (let j = k + 1; j <= k + 3 && j < m.first; j++) {
      const w = doc.tokens[j]!;
      if (w.sentence !== t.sentence) break;
      // a thing, or a make or model in capitals ("their little red Fiesta")
      if (PROPERTY.has(w.norm) || (w.cap && !w.allCaps && !w.sentenceStart)) return true;
    }
  }
  return false;
}

/** Reported speech ("a parent said I know where you live"), but not an order ("Say that again and ..."). */
function reported(doc: Doc, first: number): boolean {
  if (!reportedBefore(doc, first, 6)) return false;
  const s = doc.tokens[first]!.sentence;
  // "I've screenshotted everything you've said to me and I WILL be going to the press": a clause of
  // the writer's own after the reported words
  for (let k = first - 1; k >= 0 && k >= first - 6 && doc.tokens[k]!.sentence === s; k--) {
    const w = doc.tokens[k]!.norm;
    if (REPORTING.has(w)) break;
    if ((w === 'and' || w === 'but' || w === 'so') && FIRST_PERSON.has(doc.tokens[k + 1]?.norm ?? '')) return false;
  }
  // "I told him if he does it again I'll bin him", "I've said it before: ...": the writer's own words
  for (let k = first - 1; k >= 0 && k >= first - 6 && doc.tokens[k]!.sentence === s; k--) {
    if (!REPORTING.has(doc.tokens[k]!.norm)) continue;
    const p = doc.tokens[k - 1];
    const pp = doc.tokens[k - 2];
    if ((p && p.sentence === s && FIRST_PERSON.has(p.norm)) || (p?.norm === 'have' && pp && FIRST_PERSON.has(pp.norm))) return false;
    break;
  }
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
const AUX_CHAIN = new Set(['is', 'are', 's', 'was', 'were', 'be', 'been', 'being', 'will', 'would', 'shall', 'should', 'could', 'might', 'may', 'must', 'can', 'gonna', 'going', 'to', 'about', 'definitely', 'defo', 'deffo', 'def', 'probably', 'prob', 'so', 'just', 'literally', 'totally', 'actually', 'straight', 'soon', 'then', 'also', 'really', 'likely', 'surely', 'gunna', 'end', 'ends', 'up', 'enjoy', 'enjoys', 'happens', 'happen', 'accidentally', 'somehow', 'mysteriously', 'conveniently', 'suddenly', 'getting', 'get', 'gets']);
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
  // "he's getting dragged out by his ear": the chain's "getting" makes it progressive too
  let chainIng = false;
  for (let j = k + 1; j < m.first; j++) if (/ing$/.test(doc.tokens[j]!.norm)) chainIng = true;
  const progressive = (/ing$/.test(first.norm) || chainIng) && (k < m.first - 1 || /^(hes|shes|theyre|youre|whos)$/.test(subject.norm) || subject.possessive);
  // "next kid who taps their pen gets the pen in their eye": a present tense under a condition is a rule laid down
  if (!future && /^(gets|goes|is|s|are|ends|get|go)$/.test(first.norm) && conditional(doc, m.first)) future = true;
  if (progressive && (conditional(doc, m.first) || conditionAfter(doc, m.last))) future = true;
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
  // wished: "hoping he ...", or "if he happens to get a ball in the face, it wasn't me 😇"
  for (let j = m.first - 1; j >= 0 && j >= m.first - BACK && doc.tokens[j]!.sentence === first.sentence; j--) if (WISH.has(doc.tokens[j]!.norm)) return true;
  return deniable(doc, m);
}

/**
 * The writer disowns the harm in advance, which makes it a wish: "it wasn't me", "allegedly",
 * "accidentally on purpose", a halo or crossed fingers, in the sentence or the one after.
 */
const DENY_WORDS = new Set(['allegedly', 'accidentally', 'hypothetically', 'jk', 'joking', 'jokes']);
const DENY_TEXT = /\bwasn['’]?t me\b|\bnot me,? guv|\bnothing to do with me\b|\bno comment\b|[\u{1F607}\u{1F608}\u{1F91E}\u{1F64F}\u{1F52A}]/iu;
function deniable(doc: Doc, m: PhraseMatch): boolean {
  const s = doc.tokens[m.first]!.sentence;
  if (sentenceMatches(doc, s, DENY_TEXT) || sentenceMatches(doc, s + 1, DENY_TEXT)) return true;
  for (let k = Math.max(0, m.first - BACK); k <= m.last + AHEAD && k < doc.tokens.length; k++) {
    const t = doc.tokens[k]!;
    if ((t.sentence === s || t.sentence === s + 1) && DENY_WORDS.has(t.norm)) return true;
  }
  return false;
}

const CONDITION = new Set(['if', 'unless', 'or', 'next', 'again', 'else', 'dare', 'carries', 'keeps', 'moment', 'minute', 'second', 'soon', 'once']);
/** A condition earlier in the sentence: "if", "or", "the next kid who", "one more ... and". */
function conditional(doc: Doc, before: number): boolean {
  const s = doc.tokens[before]!.sentence;
  for (let k = before - 1; k >= 0 && k >= before - BACK && doc.tokens[k]!.sentence === s; k--) {
    const w = doc.tokens[k]!.norm;
    if (CONDITION.has(w) || (w === 'more' && /^(one|any)$/.test(doc.tokens[k - 1]?.norm ?? ''))) return true;
  }
  return false;
}

/** A condition later in the sentence: "he's getting his jaw broke if he carries on", "... unless he stops". */
function conditionAfter(doc: Doc, last: number): boolean {
  const s = doc.tokens[last]!.sentence;
  for (let k = last + 1; k < doc.tokens.length && k <= last + AHEAD && doc.tokens[k]!.sentence === s; k++) {
    const w = doc.tokens[k]!.norm;
    if (w === 'if' || w === 'unless' || w === 'again' || w === 'else' || w === 'anymore' || repeatAt(doc, k)) return true;
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

/** Words that make a clause an ultimatum: "if he does it again", "one more time", "next time", "or else", "I dare you". */
const REPEAT = new Set(['again', 'dare', 'next', 'else', 'anymore']);
/** Words after "keep": "keeps nicking my glue sticks", "keep spitting off the balcony". */
const KEEP = new Set(['keep', 'keeps', 'kept', 'carries', 'carry', 'carrying']);
/** A warning in the sentence after the consequence: "Final warning, sunshine.", "Consider this your warning." */
const WARNING_TEXT = /\b(final|last) (warning|chance)\b|\bconsider (this|yourself) (your |a )?warn(ing|ed)\b|\byou('ve| have) been warned\b|\btry me\b/i;

function repeatAt(doc: Doc, k: number): boolean {
  const w = doc.tokens[k]!.norm;
  const prev = doc.tokens[k - 1]?.norm ?? '';
  if (REPEAT.has(w)) return true;
  // "he'd better not come near my classroom, ...": a condition laid down
  if (w === 'not' && /^(better|best)$/.test(prev)) return true;
  // "one more", "once more", "any more" (of the same); "more" alone is just more
  if (w === 'more' && /^(one|once|any)$/.test(prev)) return true;
  // "keeps nicking", "kept on parking", "carries on": a grievance repeated
  if (KEEP.has(w)) {
    const n = doc.tokens[k + 1];
    const n2 = doc.tokens[k + 2];
    // "keep it up and ...", "carry on like this"
    if (n?.norm === 'it' && n2?.norm === 'up' && n2.sentence === doc.tokens[k]!.sentence) return true;
    if (n && n.sentence === doc.tokens[k]!.sentence && (/ing$/.test(n.norm) || (n.norm === 'on' && (!n2 || n2.sentence !== n.sentence || /ing$/.test(n2.norm) || n2.norm === 'and' || n2.norm === 'an'))))
      return true;
  }
  return false;
}

/**
 * An ultimatum around the consequence: repetition or a dare earlier in the sentence ("one more ... and",
 * "if he ... again", "next time", "or else"), later in it ("... again", "or else"), a grievance
 * repeated in the sentence before ("Mr X keeps nicking my glue sticks. Next time..."), or a warning
 * in the sentence after ("... Final warning, sunshine.").
 */
function ultimatum(doc: Doc, m: PhraseMatch): boolean {
  const s = doc.tokens[m.first]!.sentence;
  for (let k = m.first - 1; k >= 0 && k >= m.first - BACK && doc.tokens[k]!.sentence >= s - 1; k--) {
    // the sentence before counts only for a grievance kept up ("keeps nicking my glue sticks."):
    // "Covering Year 9 again." before "I'll be outside at three" is no ultimatum
    if (doc.tokens[k]!.sentence === s - 1 ? KEEP.has(doc.tokens[k]!.norm) && repeatAt(doc, k) : repeatAt(doc, k)) return true;
  }
  for (let k = m.last + 1; k < doc.tokens.length && k <= m.last + AHEAD && doc.tokens[k]!.sentence === s; k++) {
    const w = doc.tokens[k]!.norm;
    // "... if he carries on", "... if she does it once more"; "next" after is only "next week"
    if (w === 'again' || w === 'else' || w === 'anymore' || (w !== 'next' && w !== 'dare' && repeatAt(doc, k))) return true;
  }
  if (sentenceMatches(doc, s, WARNING_TEXT) || sentenceMatches(doc, s + 1, WARNING_TEXT)) return true;
  // a demand with its price: "take it down by tonight or I'm coming round", "unless he pays",
  // "I WILL be going to the press if I don't get an apology"
  return unlessCondition(doc, m);
}

/** A condition of the "do this or else" kind: "unless he pays", "if she doesn't take it down", "or else". */
function unlessCondition(doc: Doc, m: PhraseMatch): boolean {
  const s = doc.tokens[m.first]!.sentence;
  const inSentence = (k: number) => k >= 0 && k < doc.tokens.length && doc.tokens[k]!.sentence === s;
  for (let k = Math.max(0, m.first - BACK); k <= m.last + AHEAD && k < doc.tokens.length; k++) {
    if (!inSentence(k) || (k >= m.first && k <= m.last)) continue;
    const w = doc.tokens[k]!.norm;
    if (w === 'unless' || (w === 'else' && doc.tokens[k - 1]?.norm === 'or')) return true;
    // "pay me back by Friday or I'll share the screenshots"
    if (w === 'or' && /^(ill|im|well|were|i|we)$/.test(doc.tokens[k + 1]?.norm ?? '') && inSentence(k + 1)) return true;
    if (w === 'if' || w === 'or') {
      for (let j = k + 1; j <= k + 4 && inSentence(j); j++) if (NEGATORS.has(doc.tokens[j]!.norm) || /^(dont|doesnt|didnt|wont|cant|isnt|arent)$/.test(doc.tokens[j]!.norm)) return true;
    }
  }
  return false;
}

/** A condition in the sentence besides the match and "if I were him": "If the governors vote this through, I'd ...". */
function condition(doc: Doc, m: PhraseMatch): boolean {
  if (ultimatum(doc, m)) return true;
  const s = doc.tokens[m.first]!.sentence;
  for (let k = Math.max(0, m.first - BACK); k <= m.last + AHEAD && k < doc.tokens.length; k++) {
    const t = doc.tokens[k]!;
    if (t.sentence !== s || (k >= m.first && k <= m.last)) continue;
    if (!/^(if|unless|once|when|after)$/.test(t.norm)) continue;
    const n = doc.tokens[k + 1]?.norm;
    const n2 = doc.tokens[k + 2]?.norm;
    if (n === 'i' && (n2 === 'were' || n2 === 'was')) continue;
    return true;
  }
  return false;
}

/**
 * An open ultimatum's action: between "I'll" and the person there is one verb (with a particle or
 * an adverb), not a sanction, kindness or word ('ring', 'move', 'give', 'marry'...), and after
 * the person the clause ends or goes on with a place. "I'll bin him", "I'll flatten her", "I'm gonna
 * glue him to his chair"; not "I'll ring his mum", "I'll give him a detention", "I'll be proud of him".
 */
const leadCache = new WeakMap<Doc, Map<number, number>>();
/** Where each "I'll", "I'm gonna"... that opens an open ultimatum ends, by its first token (one match per draft). */
function leads(doc: Doc): Map<number, number> {
  let l = leadCache.get(doc);
  if (!l) {
    l = new Map();
    for (const x of I_WILL_OPEN.match(doc, 'deobView')) l.set(x.first, Math.max(l.get(x.first) ?? -1, x.last));
    leadCache.set(doc, l);
  }
  return l;
}

/** "I'm" or "we're" opening a plan said in the progressive: "... and I'm stapling him to the board". */
function progressiveLead(doc: Doc, first: number): number {
  const t = doc.tokens[first]!;
  if (t.norm === 'im' || t.norm === 'were') return first;
  const n = doc.tokens[first + 1];
  if ((t.norm === 'i' || t.norm === 'we') && n && n.sentence === t.sentence && (n.norm === 'am' || n.norm === 'are')) return first + 1;
  return -1;
}

/** The verb of "I'm ...ing" as the lists hold it: stapling → staple, binning → bin, telling → tell. */
function ingBases(v: string): string[] {
  const stem = v.slice(0, -3);
  const out = [stem, `${stem}e`];
  if (/(.)\1$/.test(stem)) out.push(stem.slice(0, -1));
  return out;
}

function openAction(doc: Doc, m: PhraseMatch): boolean {
  let lead = leads(doc).get(m.first) ?? -1;
  let progressive = false;
  if (lead < 0) {
    lead = progressiveLead(doc, m.first);
    progressive = lead >= 0;
  }
  if (lead < 0) return false;
  let obj = -1;
  // the verb's object ends before it: "him", or "his" of "his tie"
  let objStart = -1;
  for (let k = m.last; k > lead; k--) {
    const w = doc.tokens[k]!.norm;
    if (OBJ_PRON.has(w)) obj = objStart = k;
    else if (WORN_PART.has(w) && k - 1 > lead && POSSESSIVE.has(doc.tokens[k - 1]!.norm)) {
      obj = k;
      objStart = k - 1;
    }
  }
  if (obj < 0) return false;
  const verbs: string[] = [];
  for (let k = lead + 1; k < objStart; k++) {
    const w = doc.tokens[k]!.norm;
    if (ADVERB_SKIP.has(w)) continue;
    verbs.push(w);
  }
  if (verbs.length === 0 || verbs.length > 2) return false;
  // a verb and its particle ("sort out", "do in"), never two verbs
  if (verbs.length === 2 && !/^(up|out|off|in|down|over|round|about)$/.test(verbs[1]!)) return false;
  const v = verbs[0]!;
  if (progressive) {
    // "I'm stapling him to the board": only an -ing verb that is not a sanction, a kindness or a word
    if (!/ing$/.test(v) || ingBases(v).some((b) => NOT_HARM.has(b))) return false;
    const n = doc.tokens[obj + 1];
    // the plan needs where it lands him ("to the board", "into the sun"), not "I'm seeing him tomorrow"
    return !!n && n.sentence === doc.tokens[obj]!.sentence && OPEN_AFTER.has(n.norm) && !/^(and|so|like|i|ill|mate|lol|swear|till|until|myself|with)$/.test(n.norm);
  }
  if (NOT_HARM.has(v) || NOT_HARM.has(doc.tokens[lead + 1]!.base) || /^(to|a|an|the|it|that|this|be|been|being)$/.test(v)) return false;
  // "-ing", "-ed" forms and adjectives are not the verb of "I'll ... him"
  if (/(ing|ed|ly|ful|ous|able)$/.test(v) && !/^(bed|shed|shred|wed|sled|feed|speed|need)$/.test(v)) return false;
  const n = doc.tokens[obj + 1];
  return !n || n.sentence !== doc.tokens[obj]!.sentence || n.clause !== doc.tokens[obj]!.clause || OPEN_AFTER.has(n.norm);
}

/**
 * Is the span's consequence a school sanction and nothing else? Every "I'll", "I'm gonna"... in it
 * is followed by a verb of the school's own sanctions, telling or moving someone (class
 * sanction-verb: 'ring', 'report', 'move', 'detain'...): "If he does that again I'll ring his mum",
 * "one more time and I'll move her to the front". The learned backstop reads such an ultimatum's
 * shape as a threat; this says what it lays down is not harm. The class is narrow on purpose: a
 * broader one ('give', 'get', 'find', 'make', 'take') silenced threats written by people outside
 * the team ("I'll make sure he...", "I'll find out where he lives").
 */
export function sanctionOnly(doc: Doc, start: number, end: number): boolean {
  let seen = false;
  for (const [first, last] of leads(doc)) {
    const t = doc.tokens[first]!;
    if (t.start < start || t.end > end) continue;
    let k = last + 1;
    while (k < doc.tokens.length && ADVERB_SKIP.has(doc.tokens[k]!.norm)) k++;
    const v = doc.tokens[k];
    // "I'll have a word with his form tutor": telling, as a teacher does
    const word = v?.norm === 'have' && doc.tokens[k + 1]?.norm === 'a' && doc.tokens[k + 2]?.norm === 'word';
    if (!v || v.sentence !== t.sentence || !(word || SANCTION.has(v.norm) || SANCTION.has(v.base))) return false;
    seen = true;
  }
  return seen;
}

/** Would-words that make the clause after a lawless condition what the writer would do: "I'd", "half of them would be...". */
const WOULD = new Set(['would', 'id', 'wed', 'hed', 'shed', 'theyd', 'itd', 'wd', 'whod']);
/**
 * After a condition that sets the law or conscience aside ("if it wasn't illegal", "if I had no
 * conscience"), the rest of the sentence says what would happen, and names a person it would happen to
 * (a pronoun other than the writer, a person word, a name): "half of them would be spending the
 * afternoon in it", "I'd have him". "If it wasn't illegal I'd sleep in the staffroom" names nobody.
 */
function lawlessConsequence(doc: Doc, m: PhraseMatch, names: Set<number>): boolean {
  const s = doc.tokens[m.first]!.sentence;
  let would = false;
  let person = false;
  for (let k = m.last + 1; k < doc.tokens.length && doc.tokens[k]!.sentence === s; k++) {
    const t = doc.tokens[k]!;
    if (WOULD.has(t.norm) && !would) {
      would = true;
      // what would be done is not telling, giving or another kindness ("I'd tell the kids there's no homework")
      let v = k + 1;
      while (v < doc.tokens.length && /^(be|have|just|happily|gladly|so|definitely|probably|really|quite|all)$/.test(doc.tokens[v]!.norm)) v++;
      const verb = doc.tokens[v];
      if (verb && verb.sentence === s && (NOT_HARM.has(verb.norm) || NOT_HARM.has(verb.base) || (/ing$/.test(verb.norm) && ingBases(verb.norm).some((b) => NOT_HARM.has(b))))) return false;
    }
    // people, not capitalised days or places ("I'd take every Friday off")
    if (!FIRST_PERSON.has(t.norm) && (names.has(k) || PERSON_PRONOUNS.has(t.norm) || PERSON_NOUNS.has(t.norm) || PERSON_NOUNS.has(t.base)) && !/^(it|its)$/.test(t.norm)) person = true;
  }
  return would && person;
}

/** A weapon emoji in the sentence: "Can someone take that kid out please 🔫". */
const WEAPON_EMOJI = /[\u{1F52A}\u{1F5E1}\u{1F52B}\u{1FA93}\u{1F4A3}\u{2694}]/u;

/** Does the phrase open its sentence or clause: an address ("To the mum who ..."), an order ("Watch yourself, ...")? */
function opensClause(doc: Doc, first: number): boolean {
  const t = doc.tokens[first]!;
  return t.sentenceStart || doc.tokens[first - 1]?.clause !== t.clause;
}

function endsSentence(doc: Doc, last: number): boolean {
  const t = doc.tokens[last]!;
  const n = doc.tokens[last + 1];
  if (!n || n.sentence !== t.sentence || n.clause !== t.clause || FINAL_OK.has(n.norm)) return true;
  // the person it is said to, last: "Watch your back Darren."
  const n2 = doc.tokens[last + 2];
  return n.cap && !n.sentenceStart && (!n2 || n2.sentence !== n.sentence) && (FIRST_NAMES.has(n.base) || isTitleToken(n));
}

/**
 * How far an object pattern reaches before and after its person, in tokens: the widest shapes in
 * threat.json ("@id-would @security-verb *2 @security-advice *4 if i were him" runs 18 before).
 */
const REACH = (() => {
  const classes = LEX.classes ?? {};
  // the longest member of a class, once per element as written (the same @class parts recur in
  // hundreds of patterns; measuring the class members again for each was most of this rule's import time in the cold-start profile)
  const widths = new Map<string, number>();
  const width = (el: string): number => {
    let w = widths.get(el);
    if (w === undefined) widths.set(el, (w = measure(el)));
    return w;
  };
  const measure = (el: string): number => {
    const s = el.replace(/\?$/, '');
    const gap = /^\*(\d+)$/.exec(s);
    if (gap) return Number(gap[1]);
    if (s === ',') return 0;
    let w = 1;
    for (const alt of s.split('|')) for (const m of alt.startsWith('@') ? (classes[alt.slice(1)] ?? []) : [alt]) w = Math.max(w, m.split(/[\s-]+/).filter(Boolean).length);
    return w;
  };
  let before = 0;
  let after = 0;
  for (const e of OBJECT_ENTRIES) {
    for (const p of e.patterns) {
      const els = p.trim().split(/\s+/);
      els.forEach((el, i) => {
        if (!/@obj-pron|^him$|\|him\b|\bhim\|/.test(el)) return;
        before = Math.max(before, els.slice(0, i).reduce((x, y) => x + width(y), 0));
        after = Math.max(after, els.slice(i + 1).reduce((x, y) => x + width(y), 0));
      });
    }
  }
  return { before, after };
})();

/**
 * People's names read as "him", so every pattern written with a pronoun object ("@violent
 * @obj-pron", "chuck @obj-pron off the roof") also reads "I could strangle Darren", "someone lock
 * Mr Metcalfe in the stock cupboard". A name is a roster name another rule found, a title and what
 * follows it, or a capitalised first name mid-sentence (not a brand or place word).
 *
 * Only the words around such names are matched again: a window of each name's sentence as far as an
 * object pattern can reach (REACH), for names with a word before them that stands before a person in
 * some pattern (OBJECT_LEAD). The windows are one small view, kept apart by a token of no sentence
 * so no pattern runs from one into the next. Returns the view, the draft token behind each view token, and per name
 * start (in the draft) the token its name runs to, so the finding covers the whole name.
 */
function nameObjectView(doc: Doc, rosterNames: Set<number>): { view: Doc; at: number[]; runsTo: Map<number, number> } | null {
  const runsTo = new Map<number, number>();
  const ts = doc.tokens;
  const capName = (k: number) => {
    const t = ts[k];
    return !!t && t.cap && !t.allCaps && t.tag === 0;
  };
  for (let k = 0; k < ts.length; k++) {
    const t = ts[k]!;
    let end = -1;
    if (rosterNames.has(k)) {
      end = k;
      while (rosterNames.has(end + 1) && ts[end + 1]!.sentence === t.sentence) end++;
    } else if (!t.cap) continue;
    else if (isTitleToken(t) && capName(k + 1) && ts[k + 1]!.sentence === t.sentence) end = k + 1;
    else if (!t.sentenceStart && capName(k) && FIRST_NAMES.has(t.norm) && nameClass(t.norm) !== 'proper') {
      end = k;
      if (capName(k + 1) && ts[k + 1]!.sentence === t.sentence && !FIRST_NAMES.has(ts[k + 1]!.norm)) end = k + 1;
    }
    if (end < 0) continue;
    let lead = false;
    for (let j = Math.max(0, k - 5); j < k && !lead; j++) if (ts[j]!.sentence === t.sentence && OBJECT_LEAD.has(ts[j]!.deob)) lead = true;
    if (lead) runsTo.set(k, end);
    k = end;
  }
  if (runsTo.size === 0) return null;
  // the windows, merged where they meet, in draft order
  const windows: Array<[number, number]> = [];
  for (const [a, b] of runsTo) {
    const s = ts[a]!.sentence;
    let from = a;
    while (from > 0 && from > a - REACH.before && ts[from - 1]!.sentence === s) from--;
    let to = b;
    while (to + 1 < ts.length && to < b + REACH.after && ts[to + 1]!.sentence === s) to++;
    const last = windows[windows.length - 1];
    if (last && from <= last[1] + 1 && ts[last[1]]!.sentence === s) last[1] = Math.max(last[1], to);
    else windows.push([from, to]);
  }
  const tokens: Doc['tokens'] = [];
  const at: number[] = [];
  for (const [from, to] of windows) {
    // between windows, a token of no sentence that no word matches: no pattern or gap runs across it
    if (tokens.length > 0) {
      tokens.push({ ...ts[from]!, sentence: -1, clause: -1, norm: '', deob: '', base: '' });
      at.push(from);
    }
    for (let k = from; k <= to; k++) {
      const b = runsTo.get(k);
      if (b === undefined) {
        tokens.push(ts[k]!);
        at.push(k);
        continue;
      }
      tokens.push({ ...ts[k]!, norm: 'him', deob: 'him', base: 'him' });
      at.push(k);
      // the rest of the name is the object's tail: "Mr Metcalfe" reads "him", then a word no pattern starts with
      for (let j = k + 1; j <= b; j++) {
        tokens.push({ ...ts[j]!, deob: '' });
        at.push(j);
      }
      k = b;
    }
  }
  const view = Object.create(doc) as Doc;
  Object.defineProperty(view, 'tokens', { value: tokens });
  return { view, at, runsTo };
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
    let matches = MATCHER.match(doc, 'deobView');
    let names: Set<number> | undefined;
    const nameTokens = () => (names ??= tokensOfHits(doc, env.hits, ['pupil-name', 'staff-name', 'pupil-reference']));
    // names as objects: matches the plain draft does not have, ending on a name, run to the name's end
    const named = nameObjectView(doc, tokensOfHits(doc, env.hits, ['pupil-name', 'staff-name']));
    if (named) {
      const seen = new Set(matches.map((m) => `${m.id}:${m.first}:${m.last}`));
      for (const v of OBJECT_MATCHER.match(named.view, 'deobView')) {
        const m = { ...v, first: named.at[v.first]!, last: named.at[v.last]! };
        if (seen.has(`${m.id}:${m.first}:${m.last}`)) continue;
        let last = m.last;
        let hasName = false;
        for (let k = m.first; k <= m.last; k++) {
          const b = named.runsTo.get(k);
          if (b !== undefined) {
            hasName = true;
            last = Math.max(last, b);
          }
        }
        if (hasName) matches.push({ ...m, last, end: doc.tokens[last]!.end });
      }
      matches = matches.sort((a, b) => a.first - b.first);
    }
    if (matches.length === 0) return [];
    const kept: PhraseMatch[] = [];
    const weak: PhraseMatch[] = [];
    const taken = new TokenMask(doc.tokens.length);
    for (const m of matches) {
      const tags = ENTRIES.get(m.id)!.tags ?? [];
      if (negatedBefore(doc, m.first, 4) || reported(doc, m.first)) continue;
      if (tags.includes('no-negation-inside')) {
        let neg = false;
        for (let k = m.first; k <= m.last; k++) if (negatorAt(doc, k)) neg = true;
        if (neg) continue;
      }
      if (tags.includes('intent') && !intent(doc, m)) continue;
      if (tags.includes('final') && !endsSentence(doc, m.last)) continue;
      if (tags.includes('opens-sentence') && !opensClause(doc, m.first)) continue;
      if (tags.includes('person-before') && !personBefore(doc, m, nameTokens())) continue;
      if (tags.includes('thing-before') && !thingBefore(doc, m)) continue;
      if (tags.includes('sufferer') && !sufferer(doc, m, nameTokens())) continue;
      if (tags.includes('not-self') && !notSelf(doc, m, nameTokens())) continue;
      if ((tags.includes('ultimatum') || tags.includes('coerce')) && !ultimatum(doc, m)) continue;
      if (tags.includes('unless') && !unlessCondition(doc, m)) continue;
      if (tags.includes('condition') && !condition(doc, m)) continue;
      if (tags.includes('open') && !openAction(doc, m)) continue;
      if (tags.includes('lawless') && !lawlessConsequence(doc, m, nameTokens())) continue;
      if (tags.includes('weapon-emoji') && !sentenceMatches(doc, doc.tokens[m.first]!.sentence, WEAPON_EMOJI)) continue;
      if (tags.includes('intent-or-sufferer') && !intent(doc, m) && !sufferer(doc, m, nameTokens())) continue;
      if (taken.overlaps(m.first, m.last)) continue;
      if (tags.includes('weak')) {
        weak.push(m);
        continue;
      }
      taken.mark(m.first, m.last);
      kept.push(m);
    }
    // a menace that is only menacing beside another: a threat, or a second menace that is not a mere
    // tag-along ("we know who you are ... you'll be getting a visit"), within two sentences
    const sentenceOf = (x: PhraseMatch) => doc.tokens[x.first]!.sentence;
    const tagAlong = (x: PhraseMatch) => (ENTRIES.get(x.id)!.tags ?? []).includes('tag-along');
    const strongSentences = new Set(kept.map(sentenceOf));
    const menaces = weak.filter((x) => !tagAlong(x)).sort((a, b) => a.first - b.first);
    const menaceSentences = new Map<number, PhraseMatch[]>();
    for (const x of menaces) {
      const list = menaceSentences.get(sentenceOf(x));
      if (list) list.push(x);
      else menaceSentences.set(sentenceOf(x), [x]);
    }
    const nearBy = (s: number, test: (s: number) => boolean) => {
      for (let d = -2; d <= 2; d++) if (test(s + d)) return true;
      return false;
    };
    for (const w of weak) {
      const s = sentenceOf(w);
      const beside = nearBy(s, (x) => strongSentences.has(x));
      // another menace, apart from w (first or second of each sentence suffices to find one)
      const other = !tagAlong(w) && nearBy(s, (x) => (menaceSentences.get(x) ?? []).slice(0, 2).some((o) => o !== w && (o.first > w.last || o.last < w.first)));
      if ((beside || other) && !taken.overlaps(w.first, w.last)) {
        // two menaces over the same words ("I got your reg", "got your reg") are one finding
        taken.mark(w.first, w.last);
        kept.push(w);
      }
    }
    return kept
      .sort((a, b) => a.first - b.first)
      .map((m): Hit => ({ start: m.start, end: m.end, messageId: 'threat' }));
  },
});
