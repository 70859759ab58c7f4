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
    const kept: PhraseMatch[] = [];
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
      if (tags.includes('person-before')) {
        names ??= tokensOfHits(doc, env.hits, ['pupil-name', 'staff-name', 'pupil-reference']);
        if (!personBefore(doc, m, names)) continue;
      }
      if (taken.overlaps(m.first, m.last)) continue;
      taken.mark(m.first, m.last);
      kept.push(m);
    }
    return kept
      .sort((a, b) => a.first - b.first)
      .map((m): Hit => ({ start: m.start, end: m.end, messageId: 'threat' }));
  },
});
