// discriminatory: slurs and demeaning remarks about a protected characteristic of the Equality Act
// 2010 (age, disability, gender reassignment, marriage/civil partnership, pregnancy/maternity, race,
// religion/belief, sex, sexual orientation).
//
// - Slurs (rules/lexicons/slurs.json) are reported wherever they are typed, even negated or quoted:
//   "I would never call anyone a ..." still puts the slur in front of every reader.
// - Stereotypes and generalisations (rules/lexicons/discriminatory.json): a group + a negative
//   trait ("immigrants are all scroungers"), a deficit ("women can't ..."), "Typical Christian.",
//   "that's so gay", "you people". These are judged in context: quiet when negated ("women are NOT
//   too emotional"), challenged ("tackling the myth that girls can't do physics"), reported as
//   someone else's words, about a specific group of pupils ("my boys are feral today" is not a
//   generalisation about boys) or a description rather than a verdict ("a typical Christian
//   festival" vs "Typical Christian.").
import discJson from '../../../rules/lexicons/discriminatory.json';
import slursJson from '../../../rules/lexicons/slurs.json';
import { parseLexicon } from '../../data/lexicons.js';
import type { LexiconEntry } from '../../data/schema.js';
import { classWords, entryMap, lexiconMatcher, sentenceMatches, TokenMask, tokensInSpan, withoutLeadingArticle, writtenAsName } from '../abuse.js';
import { isClassCode, negatedBefore, negatorAt, ownFamilyMentions, reportedBefore, tokenIndexAt, yearGroupAt } from '../context.js';
import { defineRule, type Hit } from '../rule.js';
import { analyse, type Doc } from '../text/doc.js';
import { PhraseMatcher, type PhraseMatch } from '../text/pattern.js';

const SLURS = parseLexicon(slursJson, 'rules/lexicons/slurs.json');
const DISC = parseLexicon(discJson, 'rules/lexicons/discriminatory.json');
// entries tagged masked-only ("h*ns") are slurs only when the writer stars letters out: typed out they are everyday words
const SLUR_MATCHER = lexiconMatcher(SLURS, SLURS.entries.filter((e) => !e.tags?.includes('masked-only')));
/**
 * Every one-word slur as typed, by length, for words with letters starred out ("p*ki", "sp*stic"): the
 * single-word alternatives of one-element patterns (a prefix pattern such as "spaz*" has no length).
 */
const MASKABLE: ReadonlyMap<number, ReadonlyArray<{ word: string; id: string }>> = (() => {
  const m = new Map<number, Array<{ word: string; id: string }>>();
  for (const e of SLURS.entries) {
    for (const p of e.patterns) {
      if (p.includes(' ') || p.includes('*') || p.includes('@')) continue;
      for (const alt of p.split('|')) {
        if (!/^[a-z]{4,}$/.test(alt)) continue;
        const l = m.get(alt.length) ?? [];
        l.push({ word: alt, id: e.id });
        m.set(alt.length, l);
      }
    }
  }
  return m;
})();
const DISC_MATCHER = lexiconMatcher(DISC);
const SLUR_ENTRIES = entryMap(SLURS);
const DISC_ENTRIES = entryMap(DISC);

const TAIL = classWords(DISC, 'tail');
const PRAISE_NEWS = new PhraseMatcher([{ id: 'praise', patterns: ['@praise-news'] }], DISC.classes ?? {});
const COUNTER = new PhraseMatcher([{ id: 'counter', patterns: ['@counter'] }], DISC.classes ?? {});
/**
 * The groups a `group-near` entry ("it's in their DNA", "it's a phase", "made-up excuse") needs named
 * near it, by characteristic: the lexicon's group classes, matched once per draft and only when such an
 * entry matched.
 */
const GROUP_CLASSES: Record<string, string[]> = {
  race: ['@grp-race', '@grp-race-one', '@nat-adj'],
  religion: ['@grp-religion', '@grp-religion-one', '@adj-religion', '@religious-observance'],
  sex: ['@grp-sex', '@grp-sex-one', '@adj-sex'],
  'sexual-orientation': ['@grp-orientation', '@grp-orientation-one', '@adj-orientation', '@orientation-cue'],
  // "asked to be called "they" now": the quote mark between is a clause mark the pattern may cross
  'gender-reassignment': ['@grp-gender', '@adj-gender', '@gender-cue', 'asked|asks|wants|want|wanting|decided|insists|demands to be called|known ,? as? ,? they|them|xe|ze|he|him|she|her'],
  disability: ['@grp-disability', '@adj-disability'],
  pregnancy: ['@grp-pregnancy', 'pregnant', 'on maternity|mat-leave|maternity-leave', 'shes|she-is|already expecting'],
  // an age said of someone ("is 62", "but 58", "a 29 year old", "in her sixties"); only forty or more, and not the writer's own, counts (see ageGroupOk)
  age: ['@grp-age', '# year|yr old|olds', 'is|s|hes|shes|aged|turned|turning|nearly|pushing|but|now #', 'at # shed|hed|theyd|she|he|they|shes|hes', 'sixty|fifty|seventy odd|something|plus', 'in her|his|their forties|fifties|sixties|seventies|40s|50s|60s|70s'],
};
const GROUPS = new PhraseMatcher(Object.entries(GROUP_CLASSES).map(([id, patterns]) => ({ id, patterns })), DISC.classes ?? {});
/** One-word groups that name a festival, a language or a practice rather than people: not enough for a `group-sentence` entry. */
const NOT_PEOPLE = new Set([...classWords(DISC, 'religious-observance')].filter((w) => !/\s/.test(w)));
/** Sentences before a `group-near` phrase in which its group may be named (and its own). */
const GROUP_REACH = 2;
const AGE_WORDS = classWords(DISC, 'age-num');
/** People a put-down like "a bit special" can be about: "he's a bit special", "the new teacher is a bit special". */
const SPECIAL_PERSON = classWords(DISC, 'special-person');

/** Words that make a group specific (a set of pupils, not a sex): "my boys", "the girls in 9X". */
const SPECIFIC = new Set(['my', 'our', 'your', 'his', 'her', 'their', 'the', 'these', 'those', 'this', 'that', 'some', 'two', 'three', 'four', 'five', 'six', 'few', 'both', 'form', 'class', 'set', 'group', 'year', 'team', 'tutor']);
/** Words that open a group phrase without making it specific. */
const OPENERS = new Set(['all', 'typical', 'bloody', 'flipping', 'fucking', 'most']);
const FIRST_PERSON = new Set(['i', 'im', 'am', 'ive', 'id', 'we', 'were', 'us', 'me', 'myself', 'iam']);
/** Reporting and quoting words beyond context.json's `reporting` ("kids keep saying 'that's so gay'"). */
const QUOTING = new Set(['saying', 'using', 'use', 'used', 'uses', 'phrase', 'phrases', 'word', 'words', 'term', 'terms', 'comment', 'comments', 'remark', 'remarks', 'chanting', 'shouting', 'calling', 'repeat', 'repeating', 'hear', 'hearing', 'overheard', 'banter']);

const LABELS: Record<string, string> = {
  race: 'race, nationality or ethnic origin',
  religion: 'religion or belief',
  sex: 'sex',
  'sexual-orientation': 'sexual orientation',
  'gender-reassignment': 'gender reassignment',
  disability: 'disability',
  age: 'age',
  pregnancy: 'pregnancy or maternity',
  marriage: 'marriage or civil partnership',
};

/**
 * Sentences that challenge a stereotype ("tackling the myth that girls can't do physics"). A counter
 * word denied just before it is the opposite: "that's not a stereotype, it's biology" affirms one
 * ("not just challenging stereotypes but..." still challenges).
 */
const DENY = new Set(['not', 'isnt', 'arent', 'wasnt', 'werent', 'aint']);
function counters(doc: Doc): Set<number> {
  const out = new Set<number>();
  for (const c of COUNTER.match(doc, 'deobView')) {
    let denied = false;
    for (let k = c.first - 1; k >= c.first - 2 && k >= 0; k--) {
      if (doc.tokens[k]!.sentence !== doc.tokens[c.first]!.sentence) break;
      const n = doc.tokens[k + 1]!.norm;
      if (DENY.has(doc.tokens[k]!.norm) && n !== 'just' && n !== 'only') denied = true;
    }
    if (!denied) out.add(doc.tokens[c.first]!.sentence);
  }
  return out;
}

function characteristic(e: LexiconEntry): string {
  return e.tags?.find((t) => t in LABELS) ?? 'generic';
}

/** Does the phrase end its clause ("Typical Christian." / "that's so gay lol"), rather than describe a noun ("a typical Christian festival")? */
function endsClause(doc: Doc, last: number): boolean {
  const t = doc.tokens[last]!;
  const n = doc.tokens[last + 1];
  if (!n || n.sentence !== t.sentence || n.clause !== t.clause) return true;
  return TAIL.has(n.norm);
}

/** Is a reporting or quoting word shortly before? ("a parent said ...", "kids keep saying ...") */
/** Reporting verbs that, after "I" or opening the writer's sentence ("Told the lads to..."), give the writer's own words. */
const OWN_WORDS = new Set(['told', 'said', 'asked', 'tell', 'say', 'telling', 'saying', 'shouted', 'yelled']);

function reported(doc: Doc, first: number): boolean {
  const s = doc.tokens[first]!.sentence;
  // "I said fine, stop being so gay about it", "Told the lads to stop being such girls": the writer's
  // own words are theirs to answer for, not someone else's reported
  for (let k = first - 1; k >= 0 && k >= first - 8; k--) {
    const p = doc.tokens[k]!;
    if (p.sentence !== s) break;
    if (!OWN_WORDS.has(p.norm)) continue;
    const before = doc.tokens[k - 1];
    if (p.sentenceStart || (before && before.sentence === s && FIRST_PERSON.has(before.norm))) return false;
    break;
  }
  if (reportedBefore(doc, first, 6)) return true;
  for (let k = first - 1; k >= 0 && k >= first - 6; k--) {
    const p = doc.tokens[k]!;
    if (p.sentence !== s) break;
    // "hearing aids", "hearing impaired": the noun's modifier, not someone hearing words said
    if (QUOTING.has(p.norm) && !(p.norm === 'hearing' && HEARING_NOUN.has(doc.tokens[k + 1]?.norm ?? ''))) return true;
  }
  return false;
}
const HEARING_NOUN = new Set(['aid', 'aids', 'impaired', 'impairment', 'loss', 'dog', 'test', 'problems', 'difficulties']);

const LEET: Record<string, string> = { '0': 'o', '1': 'i', '3': 'e', '4': 'a', '5': 's', '7': 't', $: 's' };

function slurHits(doc: Doc): Array<{ m: PhraseMatch; group: string }> {
  const out: Array<{ m: PhraseMatch; group: string }> = [];
  for (const m of SLUR_MATCHER.match(doc, 'deobView')) {
    const e = SLUR_ENTRIES.get(m.id)!;
    if (m.first === m.last) {
      const t = doc.tokens[m.first]!;
      if (t.contraction) continue;
      if (e.tags?.includes('name') && writtenAsName(doc, m.first)) continue;
    }
    out.push({ m, group: characteristic(e) });
  }
  // "what a r.e.t.a.r.d": the tokenizer glued the article on (see withoutLeadingArticle)
  const found = new TokenMask(doc.tokens.length);
  for (const o of out) found.mark(o.m.first, o.m.last);
  for (const t of doc.tokens) {
    const rest = withoutLeadingArticle(doc, t);
    if (!rest || found.overlaps(t.i, t.i)) continue;
    const inner = SLUR_MATCHER.match(analyse(rest.word), 'deobView')[0];
    if (inner) out.push({ m: { id: inner.id, first: t.i, last: t.i, start: rest.start, end: t.end }, group: characteristic(SLUR_ENTRIES.get(inner.id)!) });
  }
  // "an absolute sp@z", "m@ng": an @ inside a word splits it (handles start with @), so the halves
  // around it are read again as one word with the @ as an "a"
  for (let i = 0; i + 1 < doc.tokens.length; i++) {
    const t = doc.tokens[i]!;
    const n = doc.tokens[i + 1]!;
    if (n.start !== t.end + 1 || doc.draft[t.end] !== '@' || n.sentence !== t.sentence || found.overlaps(i, i + 1)) continue;
    // not an e-mail address ("sp@zone.com")
    if (/^\.[a-z]/i.test(doc.draft.slice(n.end, n.end + 2))) continue;
    // and the digits a person reads as letters ("p@k1", "f@gg0t")
    const word = doc.draft.slice(t.start, n.end).replace('@', 'a').replace(/[013457$]/g, (d) => LEET[d]!);
    if (!/^[a-z]+$/i.test(word)) continue;
    const inner = SLUR_MATCHER.match(analyse(word), 'deobView')[0];
    if (inner) {
      found.mark(i, i + 1);
      out.push({ m: { id: inner.id, first: i, last: i + 1, start: t.start, end: n.end }, group: characteristic(SLUR_ENTRIES.get(inner.id)!) });
    }
  }
  for (const h of maskedSlurs(doc)) if (!found.overlaps(h.m.first, h.m.last)) out.push(h);
  return out;
}

/**
 * Slurs with letters starred out, as a writer masks them ("some p*ki shop", "bunch of h*ns"): read from the raw
 * draft (the tokenizer cuts at a star), a word of letters and stars that keeps its first letter, at least two
 * letters and at most half stars, is the one slur of its length it spells. Linear in the draft.
 */
function maskedSlurs(doc: Doc): Array<{ m: PhraseMatch; group: string }> {
  const out: Array<{ m: PhraseMatch; group: string }> = [];
  if (!doc.draft.includes('*')) return out;
  const re = /[A-Za-z*]+/g;
  for (let r = re.exec(doc.draft); r; r = re.exec(doc.draft)) {
    const raw = r[0].toLowerCase();
    if (!raw.includes('*') || raw[0] === '*' || raw.length > 20) continue;
    const stars = raw.split('*').length - 1;
    if (raw.length - stars < 2 || stars * 2 > raw.length) continue;
    const candidates = (MASKABLE.get(raw.length) ?? []).filter((c) => [...raw].every((ch, k) => ch === '*' || ch === c.word[k]));
    // one reading only: "f*g" could be more than one word, and is profanity's call
    if (new Set(candidates.map((c) => c.id)).size !== 1) continue;
    const start = r.index;
    const end = start + r[0].length;
    const span = tokensInSpan(doc, start, end);
    if (!span) continue;
    out.push({ m: { id: candidates[0]!.id, first: span[0], last: span[1], start, end }, group: characteristic(SLUR_ENTRIES.get(candidates[0]!.id)!) });
  }
  return out;
}

/** The characteristic of the group named nearest before m (its sentence or the GROUP_REACH before), or after it in its sentence, among `allowed`. */
function groupNear(doc: Doc, m: PhraseMatch, groups: readonly PhraseMatch[], allowed: ReadonlySet<string>, inside = false, sameSentence = false, overlap = false, after = false): string | undefined {
  const s = doc.tokens[m.first]!.sentence;
  let best: PhraseMatch | undefined;
  for (const g of groups) {
    if (!allowed.has(g.id)) continue;
    if (g.id === 'age' && !ageGroupOk(doc, g)) continue;
    // `group-sentence`: people named in the phrase's own sentence, not a subject, a language or a festival
    if (sameSentence) {
      if (doc.tokens[g.first]!.sentence !== s) continue;
      const w = doc.tokens[g.first]!.norm;
      if (g.first === g.last && (GENERAL_GROUP.has(w) || NOT_PEOPLE.has(w))) continue;
    }
    // `group-inside` ("one of those they/them types"): only a group inside the phrase's gap counts
    if (inside ? !(g.first > m.first && g.last < m.last) : !overlap && g.first <= m.last && m.first <= g.last) continue;
    const gs = doc.tokens[g.first]!.sentence;
    if ((after ? gs > s + GROUP_REACH : gs > s) || gs < s - GROUP_REACH) continue;
    // the nearest; of two at the same place the longer ("Muslim families" is religion, "Muslim" alone race too)
    const d = Math.abs(g.first - m.first) - Math.abs((best?.first ?? Infinity) - m.first);
    if (!best || d < 0 || (d === 0 && g.last - g.first > best.last - best.first)) best = g;
  }
  return best?.id;
}

/** A laugh in sentence s or the one before ("... the site manager job 😂 what's he going to do"): the question is mockery, not planning. */
const LAUGH = /[\u{1F602}\u{1F923}\u{1F606}\u{1F639}]|\b(lol|lmao|haha+|hahaha+|pmsl)\b/iu;
function mocking(doc: Doc, s: number): boolean {
  return sentenceMatches(doc, s, LAUGH) || sentenceMatches(doc, s - 1, LAUGH);
}

/**
 * Scare quotes beside a protected group: the writer holds a word at arm's length to sneer at what the
 * group is or does ("The 'interesting' boys with Asperger's are all in my set", "our new TAs will be
 * 'fasting' and useless all through Ramadan", "Another pair who'll be 'back in Poland' every Easter").
 * The quoted words are lower case and short (a title, "'Still I Rise'", or a greeting, "'Eid
 * Mubarak'", is capitalised), the group is named in the quote's sentence or the one before or after,
 * and nobody else's words are being reported ("Mate at the gym reckons autistic kids are 'just
 * spoilt'") or challenged.
 */
const SCARE_QUOTE = /(?<=^|[\s(\[])['\u2018]([a-z][a-zA-Z /-]{1,30}?)['\u2019](?=[\s,.!?;:)\]]|$)/g;
/** Praise in the quote's sentence: the quotes name a thing ("loved the 'signing choir'", "the 'sensory' room finished at last, lovely"). */
const QUOTE_PRAISE = new Set(['lovely', 'loved', 'love', 'loves', 'proud', 'great', 'amazing', 'brilliant', 'fantastic', 'wonderful', 'thanks', 'thank', 'congrats', 'congratulations', 'celebrate', 'celebrating', 'celebrated', 'welcome', 'welcomed', 'enjoyed', 'delighted', 'fab', 'excellent', 'beautiful', 'superb', 'thrilled', 'grateful', 'joy', 'kind', 'inspiring']);
/** A word of praise in the sentence of tokens [first, last], outside them. */
function praisedAround(doc: Doc, first: number, last: number): boolean {
  const s = doc.tokens[first]!.sentence;
  for (let k = first - 1; k >= 0 && doc.tokens[k]!.sentence === s; k--) if (QUOTE_PRAISE.has(doc.tokens[k]!.norm)) return true;
  for (let k = last + 1; k < doc.tokens.length && doc.tokens[k]!.sentence === s; k++) if (QUOTE_PRAISE.has(doc.tokens[k]!.norm)) return true;
  return false;
}
const HEART = /[\u2764\u{1F495}-\u{1F49F}\u{1F970}\u{1F60D}\u{1F64C}\u{1F44F}]/u;
const NOT_SCARE = /^(em|n|cause|cos|til|till|bout|ere|owt|nowt)\b/;
/** Words that report or name others' words before a quote: the quote is theirs, not a sneer. A word signed, spelt or learnt is a word used as a word: "a child signs 'more'", "learn more than 'biscuit'". */
const QUOTE_REPORTED = new Set(['said', 'says', 'say', 'saying', 'called', 'calls', 'calling', 'reckons', 'reckon', 'claims', 'claimed', 'told', 'tells', 'wrote', 'writes', 'described', 'describes', 'labelled', 'labeled', 'shouted', 'accused', 'word', 'words', 'term', 'phrase', 'apparently', 'asked', 'heard', 'overheard', 'thinks', 'think', 'insists', 'according', 'ask', 'asks', 'asking', 'explain', 'explaining', 'explained', 'challenge', 'challenged', 'challenging', 'correct', 'corrected', 'correcting', 'question', 'questioned', 'sign', 'signs', 'signed', 'signing', 'spell', 'spells', 'spelled', 'spelt', 'type', 'types', 'typed', 'learn', 'learns', 'learnt', 'learned', 'means', 'meant', 'shouts', 'yelled', 'yells', 'whispered', 'whispers', 'mouthed', 'mouths', 'screamed', 'screams', 'repeated', 'repeats', 'chanted', 'chants']);
/** Words before a quote of two or more words that make it the name of a thing: "meets in the 'quiet room'". */
const NAMING = new Set(['the', 'our', 'my', 'their', 'in', 'at', 'to', 'this', 'a', 'an', 'new']);
/** Group words too general to carry a sneer on their own: subjects, languages, faith as a word. */
const GENERAL_GROUP = new Set(['english', 'welsh', 'scottish', 'irish', 'british', 'french', 'spanish', 'german', 'italian', 'faith', 'beliefs', 'religion', 'religious', 'pray', 'praying', 'prayer', 'prayers', 'temple', 'new']);
/** A person's sex word that with a definite article is one person: "the man", "that woman". */
const ONE_PERSON = new Set(['man', 'woman', 'lady', 'bloke', 'guy', 'gentleman', 'fella', 'fellow', 'lad', 'lass', 'girl', 'boy']);
const DEFINITE = new Set(['the', 'this', 'that']);
function scareQuoteHits(doc: Doc, groups: readonly PhraseMatch[], counterSentences: Set<number>): Array<{ first: number; last: number; group: string }> {
  const out: Array<{ first: number; last: number; group: string }> = [];
  for (const q of doc.draft.matchAll(SCARE_QUOTE)) {
    // a sneer is a word or three; more is someone's speech quoted
    const words = q[1]!.split(/\s+/).length;
    if (NOT_SCARE.test(q[1]!) || words > 3) continue;
    const first = tokenIndexAt(doc, q.index! + 1);
    const t = doc.tokens[first];
    if (!t || t.start >= q.index! + q[0].length) continue;
    let last = first;
    while (last + 1 < doc.tokens.length && doc.tokens[last + 1]!.end <= q.index! + q[0].length) last++;
    const s = t.sentence;
    if (counterSentences.has(s)) continue;
    const before = doc.tokens[first - 1];
    if (words > 1 && before && before.sentence === s && NAMING.has(before.norm)) continue;
    let reported = false;
    for (let k = first - 1; k >= 0 && doc.tokens[k]!.sentence === s; k--) if (QUOTE_REPORTED.has(doc.tokens[k]!.norm)) reported = true;
    if (reported || sentenceMatches(doc, s, HEART)) continue;
    if (praisedAround(doc, first, last)) continue;
    let group: PhraseMatch | undefined;
    for (const g of groups) {
      const gs = doc.tokens[g.first]!.sentence;
      if (gs < s - GROUP_REACH || gs > s + 1 || (g.first <= last && first <= g.last)) continue;
      if (g.first === g.last && GENERAL_GROUP.has(doc.tokens[g.first]!.norm)) continue;
      // "the man", "this woman": one person, not a group ("The man loves the sound of his own voice")
      if (g.first === g.last && ONE_PERSON.has(doc.tokens[g.first]!.norm) && DEFINITE.has(doc.tokens[g.first - 1]?.norm ?? '')) continue;
      if (!group || Math.abs(g.first - first) < Math.abs(group.first - first)) group = g;
    }
    if (group) out.push({ first, last, group: group.id });
  }
  return out;
}

/** An age named near a `group-near` entry: forty or more (a phrase with no number, "older staff", "in her sixties", is) and not the writer's own ("I'm 62", "I turned 50"). */
function ageGroupOk(doc: Doc, g: PhraseMatch): boolean {
  const p = doc.tokens[g.first - 1];
  if (p && p.sentence === doc.tokens[g.first]!.sentence && FIRST_PERSON.has(p.norm)) return false;
  if (FIRST_PERSON.has(doc.tokens[g.first]!.norm)) return false;
  let number = false;
  for (let k = g.first; k <= g.last; k++) if (/^\d+$/.test(doc.tokens[k]!.norm)) number = true;
  return !number || olderAge(doc, g);
}

/** Is an age in m an adult's under forty ("a 25 year old in charge")? */
function youngerAdultAge(doc: Doc, m: PhraseMatch): boolean {
  for (let k = m.first; k <= m.last; k++) {
    const w = doc.tokens[k]!.norm;
    if (/^\d+$/.test(w) && Number(w) >= 16 && Number(w) <= 39) return true;
  }
  return false;
}

/** Is an age in m forty or more ("she's 58, so...")? An age word ("fifty", "a certain age") always is. */
/** Words with an 's that is no person's: "it's 45", "that's 60", "there's 50 of them". */
const NOT_A_PERSON_S = classWords(DISC, 'not-a-person-s');

function olderAge(doc: Doc, m: PhraseMatch): boolean {
  for (let k = m.first; k <= m.last; k++) {
    const w = doc.tokens[k]!.norm;
    if (/^\d+$/.test(w)) {
      const n = Number(w);
      if (n >= 40 && n <= 110) return true;
    } else if (AGE_WORDS.has(w)) return true;
  }
  return false;
}

/**
 * Is the match's subject the writer or the writer's own people ("I'm pregnant again", "we're
 * expecting again", "my sister is", "our Jess is")? Read from the words just before it: a few soft
 * adverbs, then a contracted subject ("I'm", "we're") or a copula and the subject's head word.
 * Anyone else, or a subject this cannot read ("the TA we hired is"), is not the writer's own.
 */
const OWN_MERGED = new Set(['im', 'iam', 'were', 'weve', 'ive']);
const COPULA = new Set(['is', 's', 'am', 'are', 'was', 'has', 'have', 'been', 'is-now']);
const SOFT_ADVERBS = new Set(['already', 'now', 'just', 'finally', 'officially', 'actually', 'only', 'so', 'also', 'too', 'both', 'all']);
const OWN_KIN = classWords(DISC, 'own-kin');
function ownSubjectBefore(doc: Doc, m: PhraseMatch): boolean {
  const t0 = doc.tokens[m.first]!;
  const at = (k: number) => {
    const t = k >= 0 ? doc.tokens[k] : undefined;
    return t && t.sentence === t0.sentence && t.clause === t0.clause ? t : undefined;
  };
  let k = m.first - 1;
  while (at(k) && SOFT_ADVERBS.has(at(k)!.norm)) k--;
  const v = at(k);
  if (!v) return false;
  if (OWN_MERGED.has(v.norm)) return true;
  // "my wife's expecting again": the subject carries the verb; else the word before the copula
  if (!v.possessive) {
    if (!COPULA.has(v.norm)) return false;
    k--;
  }
  const subj = at(k);
  if (!subj) return false;
  const head = subj.possessive ? subj.base : subj.norm;
  if (head === 'i' || head === 'we') return true;
  const det = at(k - 1)?.norm;
  if (OWN_KIN.has(head) && (det === 'my' || det === 'our')) return true;
  return ownFamilyMentions(doc).some((f) => f.last === k);
}

function stereotypeOk(doc: Doc, m: PhraseMatch, e: LexiconEntry, counterSentences: Set<number>): boolean {
  const tags = e.tags ?? [];
  const sentence = doc.tokens[m.first]!.sentence;
  if (counterSentences.has(sentence)) return false;
  if (negatedBefore(doc, m.first, 3)) return false;
  if (reported(doc, m.first)) return false;
  if (tags.includes('final') && !endsClause(doc, m.last)) return false;
  if (tags.includes('no-negation-inside')) {
    for (let k = m.first; k <= m.last; k++) if (negatorAt(doc, k)) return false;
  }
  const before = (k: number) => (k >= 0 && doc.tokens[k]!.sentence === sentence ? doc.tokens[k]! : undefined);
  if (tags.includes('generic-only')) {
    const g = OPENERS.has(doc.tokens[m.first]!.norm) ? m.first + 1 : m.first;
    const p = before(g - 1);
    if (p && (SPECIFIC.has(p.norm) || /^\d/.test(p.norm) || isClassCode(doc, p) || yearGroupAt(doc, p.i - 1) >= 0)) return false;
  }
  if (tags.includes('third-person')) {
    for (let k = m.first - 1; k >= m.first - 2; k--) {
      const p = before(k);
      if (p && FIRST_PERSON.has(p.norm)) return false;
    }
    // or the writer inside a phrase with a gap for its subject: "at 45 I should be on a bowling green"
    for (let k = m.first; k <= m.last; k++) if (FIRST_PERSON.has(doc.tokens[k]!.norm)) return false;
  }
  if (tags.includes('person-before')) {
    // "this view is a bit special" is praise: only a person (a pronoun, a person word, a name) just before
    let person = false;
    for (let k = m.first - 1; k >= m.first - 6 && !person; k--) {
      const p = before(k);
      if (!p) break;
      if (SPECIAL_PERSON.has(p.norm) || SPECIAL_PERSON.has(p.base) || (p.cap && !p.sentenceStart && !p.allCaps)) person = true;
    }
    if (!person) return false;
  }
  // the writer's own news or their family's: "I'm pregnant again", "my sister is expecting again"
  if (tags.includes('not-own') && ownSubjectBefore(doc, m)) return false;
  if (tags.includes('older-age') && !olderAge(doc, m)) return false;
  // "like all the Polish families I've taught, they were lovely": a generalisation that praises
  if (tags.includes('praise-quiet') && praisedAround(doc, m.first, m.last)) return false;
  // a person's age: "Lynne's 63", "governor's 74", "she's 58" (not "it's 45", "that's 60")
  if (tags.includes('age-of')) {
    const p = before(m.first - 1);
    if (!p || !(p.possessive || p.norm === 'hes' || p.norm === 'shes') || NOT_A_PERSON_S.has(p.norm)) return false;
  }
  if (tags.includes('younger-age') && !youngerAdultAge(doc, m)) return false;
  if (tags.includes('gay-insult')) {
    // "I'm so gay", "I'm being so gay today" is the writer speaking of themself
    for (let k = m.first - 1; k >= m.first - 2; k--) {
      const p = before(k);
      if (p && FIRST_PERSON.has(p.norm)) return false;
      if (!p || !/^(being|be|acting|feeling|looking)$/.test(p.norm)) break;
    }
  }
  return true;
}

export default defineRule({
  meta: {
    id: 'discriminatory',
    description: 'Slurs, stereotypes and demeaning remarks about a protected characteristic (Equality Act 2010), including ableist insults.',
    messages: {
      slur: { text: 'Uses a slur about {group}.', policy: 'forbid discriminatory language about any protected characteristic' },
      stereotype: { text: 'Stereotypes or demeans people by {group}.', policy: 'forbid discriminatory remarks about protected characteristics' },
      gayInsult: { text: 'Uses "gay" as an insult, which demeans people for their sexual orientation.', policy: 'forbid discriminatory language about any protected characteristic' },
      othering: { text: 'Sums people up as a group ("you people", "typical of that lot"). Readers will take it as discriminatory.', policy: 'forbid discriminatory remarks about protected characteristics' },
    },
    lexical: true,
  },
  check(doc) {
    if (doc.tokens.length === 0) return [];
    const hits: Array<{ first: number; last: number; hit: Hit }> = [];
    const taken = new TokenMask(doc.tokens.length);
    for (const { m, group } of slurHits(doc)) {
      taken.mark(m.first, m.last);
      hits.push({ first: m.first, last: m.last, hit: { start: m.start, end: m.end, messageId: 'slur', data: { group: LABELS[group] ?? 'a protected characteristic' } } });
    }
    const matches = DISC_MATCHER.match(doc, 'deobView');
    if (matches.length) {
      const counterSentences = counters(doc);
      let praised: Set<number> | undefined;
      let groups: PhraseMatch[] | undefined;
      for (const m of matches) {
        const e = DISC_ENTRIES.get(m.id)!;
        const tags = e.tags ?? [];
        // "it's in their DNA", "it's a phase", "a made-up excuse": about a group only where one is named near
        let nearGroup: string | undefined;
        if (tags.includes('group-near')) {
          const allowed = new Set([characteristic(e), ...tags.filter((t) => t.startsWith('near-')).map((t) => t.slice(5))]);
          nearGroup = groupNear(doc, m, (groups ??= GROUPS.match(doc, 'deobView')), allowed, tags.includes('group-inside'), tags.includes('group-sentence'), tags.includes('group-overlap'), tags.includes('group-after'));
          if (!nearGroup) continue;
        }
        // news with congratulations in its sentence ("third one off on maternity, congrats Jo!") is not a grievance
        if (tags.includes('news-quiet')) {
          praised ??= new Set(PRAISE_NEWS.match(doc, 'deobView').map((x) => doc.tokens[x.first]!.sentence));
          const ms = doc.tokens[m.first]!.sentence;
          if (praised.has(ms)) continue;
          // "Eid Mubarak! Alright for some 😂": a greeting just before makes the aside a joke among friends
          if (tags.includes('news-quiet-before') && praised.has(ms - 1)) continue;
        }
        if (tags.includes('mocking') && !mocking(doc, doc.tokens[m.first]!.sentence)) continue;
        if (!stereotypeOk(doc, m, e, counterSentences)) continue;
        if (taken.overlaps(m.first, m.last)) continue;
        taken.mark(m.first, m.last);
        const group = nearGroup ?? characteristic(e);
        const messageId = e.tags?.includes('gay-insult') ? 'gayInsult' : group === 'generic' ? 'othering' : 'stereotype';
        const hit: Hit = { start: m.start, end: m.end, messageId };
        if (messageId === 'stereotype') hit.data = { group: LABELS[group]! };
        // a stereotype that may be praise ("top of the class, it's in their DNA") is no insult for the derogatory rule
        if (tags.includes('not-insult')) hit.data = { ...hit.data, insult: 'no' };
        hits.push({ first: m.first, last: m.last, hit });
      }
    }
    // scare quotes beside a protected group: only where the draft has a quoted word at all
    if (/['\u2018][a-z]/.test(doc.draft)) {
      const counterSentences = counters(doc);
      // an age is a group for the entries that ask for one, not for a scare quote
      for (const q of scareQuoteHits(doc, GROUPS.match(doc, 'deobView').filter((g) => g.id !== 'age'), counterSentences)) {
        // the sneer is at the group; the quoted word is no insult of its own for the derogatory rule
        if (taken.overlaps(q.first, q.last) || hits.some((h) => doc.tokens[h.first]!.sentence === doc.tokens[q.first]!.sentence)) continue;
        taken.mark(q.first, q.last);
        hits.push({ first: q.first, last: q.last, hit: { start: doc.tokens[q.first]!.start, end: doc.tokens[q.last]!.end, messageId: 'stereotype', data: { group: LABELS[q.group]!, insult: 'no' } } });
      }
    }
    return hits.sort((a, b) => a.first - b.first).map((h) => h.hit);
  },
});
