// work-grievance: complaining in public about the job or employer, pay or conditions, leadership
// decisions, or escalating a concern ("they've cut our PPA again", "reporting the head to the
// union"). The phrases are data (rules/lexicons/work-grievance.json). Complaints that could be about
// anything ("nobody will fix them", "the roof is leaking") count only in a draft about work, and a
// negated complaint ("they didn't cut our PPA after all") is not one. Tiredness and pride are not
// grievances, so nothing here matches "long week" or "voice gone".
import grievanceJson from '../../../rules/lexicons/work-grievance.json';
import { aboutWork, negatedBefore, NEGATORS } from '../context.js';
import { parseLexicon } from '../../data/lexicons.js';
import { defineRule, type Hit } from '../rule.js';
import type { Doc } from '../text/doc.js';
import { dropOverlapped, PhraseMatcher } from '../text/pattern.js';
import type { RuleId } from '../types.js';

const LEXICON = parseLexicon(grievanceJson, 'rules/lexicons/work-grievance.json');
const MATCHER = new PhraseMatcher(LEXICON.entries, LEXICON.classes ?? {});
const TAGS = new Map(LEXICON.entries.map((e) => [e.id, e.tags ?? []]));
const WORKPLACE = new PhraseMatcher([{ id: 'workplace', patterns: ['@workplace'] }], LEXICON.classes ?? {});
const WORK_RULES: readonly RuleId[] = ['school-identity', 'staff-name', 'pupil-name', 'pupil-reference', 'supplier'];

// ---- Sarcasm that closes a complaint: "Six posts down to four. Lucky us." ----
const CLOSER_WEAK = new PhraseMatcher([{ id: 'weak', patterns: ['@sarcasm-closer-weak'] }], LEXICON.classes ?? {});
const TOPIC = new PhraseMatcher([{ id: 'topic', patterns: ['@grievance-topic', '@imposition', '@conditions', '@benefit'] }], LEXICON.classes ?? {});
const IMPOSITION = new PhraseMatcher([{ id: 'imposition', patterns: ['@imposition'] }], LEXICON.classes ?? {});
const CUE = new Set((LEXICON.classes?.['grievance-cue'] ?? []).map((w) => w.replace(/['’]/g, '')));
/** Words a closing sentence may hold besides the closer: "Oh, just brilliant.", "Well, lucky me then." */
const CLOSER_FILL = new Set(['oh', 'so', 'just', 'really', 'well', 'honestly', 'absolutely', 'how', 'very', 'truly', 'that', 'thats', 'its', 'it', 's', 'is', 'what', 'a', 'an', 'the', 'then', 'eh', 'innit', 'yeah', 'lol', 'again', 'all', 'round', 'stuff', 'times', 'there', 'we', 'go',
  // what the praise is of: "Brilliant planning.", "Top leadership there."
  ...(LEXICON.classes?.['closer-noun'] ?? []).filter((w) => !/\s/.test(w))]);

/** The sentence before a closing sentence that says something about the job went wrong, as a span. */
function closedComplaint(doc: Doc, first: number, last: number, weak: boolean, topics: ReturnType<PhraseMatcher['match']>): { first: number } | undefined {
  const s = doc.tokens[first]!.sentence;
  for (let k = first - 1; k >= 0 && doc.tokens[k]!.sentence === s; k--) if (!CLOSER_FILL.has(doc.tokens[k]!.norm)) return undefined;
  for (let k = last + 1; k < doc.tokens.length && doc.tokens[k]!.sentence === s; k++) if (!CLOSER_FILL.has(doc.tokens[k]!.norm)) return undefined;
  // the complaint is in one of the two sentences before
  for (const t of topics) {
    const ts = doc.tokens[t.first]!.sentence;
    if (ts >= s || ts < s - 2) continue;
    if (!weak) return { first: t.first };
    // a praise word that could be sincere ("Brilliant.") needs the complaint to say what went wrong
    for (let k = t.first; k >= 0 && doc.tokens[k]!.sentence === ts; k--) if (CUE.has(doc.tokens[k]!.norm)) return { first: t.first };
    for (let k = t.first + 1; k < doc.tokens.length && doc.tokens[k]!.sentence === ts; k++) if (CUE.has(doc.tokens[k]!.norm)) return { first: t.first };
  }
  return undefined;
}

// ---- A management word in scare quotes: "our 'wellbeing' day", "the 'optional' twilight" ----
// management's own words ('wellbeing', 'optional', 'directed time') say the draft is about work; the rest need it said
const SCARE = new PhraseMatcher([{ id: 'scare', patterns: ['@scare-word'] }, { id: 'scare-work', patterns: ['@scare-word-work'] }], LEXICON.classes ?? {});
const OPEN_QUOTE = /['‘"“]/;
const CLOSE_QUOTE = /['’"”]/;
/** Scare-quoted management words: a quote mark right before (after a space or the start) and right after, closing the word. */
function scareQuoted(doc: Doc): Hit[] {
  const d = doc.draft;
  // most drafts have no quote marks beyond apostrophes inside words: look for one that opens a word
  if (!/(^|[\s(])['‘"“]\p{L}/u.test(d)) return [];
  const out: Hit[] = [];
  for (const m of SCARE.match(doc)) {
    const opens = m.start >= 1 && OPEN_QUOTE.test(d[m.start - 1]!) && (m.start === 1 || /[\s(]/.test(d[m.start - 2]!));
    const closes = m.end < d.length && CLOSE_QUOTE.test(d[m.end]!) && !/\p{L}/u.test(d[m.end + 1] ?? '');
    if (opens && closes) out.push({ start: m.start - 1, end: m.end + 1, messageId: 'grievance', data: { work: m.id === 'scare-work' ? 'yes' : '' } });
  }
  return out;
}

// ---- Leaders mocked over what they decided: "SLT clueless as ever" after the observation feedback ----
// An insult aimed at the school's leaders (or the school as employer) in a draft that also names
// something they decide or impose (a data drop, cover, PPA, a policy, a restructure) is a public
// complaint about a leadership decision as well as an insult: "Observation feedback is doing my head
// in. SLT clueless as ever.", "Eirlys couldn't organise a piss-up in a brewery, and yet here we are
// with the hall double-booked". Not an insult with nothing decided ("the head is an idiot"), and not
// the learned backstop's guesses.
const DECIDED = new PhraseMatcher([{ id: 'decided', patterns: ['@imposition', '@conditions', '@benefit'] }], LEXICON.classes ?? {});
const LEADER_GROUPS = new Set(['school leaders', 'the school']);
function leaderMocked(doc: Doc, insults: readonly Hit[], prejudice: readonly Hit[]): Hit[] {
  // a stereotype aimed at a leader ("some bloke in a wheelchair, how's he going to do a duty?") is prejudice, not a complaint about the job
  const aimed = insults.filter((h) => h.messageId === 'insult' && LEADER_GROUPS.has(String(h.data?.who ?? '')) && !prejudice.some((p) => p.start < h.end && h.start < p.end));
  if (aimed.length === 0) return [];
  // the imposition is named outside the insult ("wouldn't know a data drop if it hit him" names none)
  const decided = DECIDED.match(doc);
  return aimed.filter((h) => decided.some((d) => d.end <= h.start || d.start >= h.end)).map((h) => ({ start: h.start, end: h.end, messageId: 'grievance' }));
}

// ---- A sign of complaint in the sentence, for phrasings that are as often neutral ("lunch duty AND cover in the same day") ----
const EMPHASIS_WORDS = new Set(['and', 'again', 'also', 'plus', 'all', 'every', 'still', 'no', 'not', 'one', 'more', 'another', 'same', 'both', 'three', 'four', 'five']);
const COMPLAINT_MARK = /[?\u{1F644}\u{1F643}\u{1F612}\u{1F926}\u{1F62B}\u{1F629}\u{1F624}\u{1F621}\u{1F620}\u{1FAE0}]/u;
/** An emphasised word ("AND", "AGAIN"), a grievance cue ("again", "another", "still") or a complaint mark (?, an eye-roll) in m's sentence. */
function emphasised(doc: Doc, first: number, last: number): boolean {
  const s = doc.tokens[first]!.sentence;
  let a = first;
  let b = last;
  while (a > 0 && doc.tokens[a - 1]!.sentence === s) a--;
  while (b + 1 < doc.tokens.length && doc.tokens[b + 1]!.sentence === s) b++;
  for (let k = a; k <= b; k++) {
    const t = doc.tokens[k]!;
    if (CUE.has(t.norm) || (t.allCaps && EMPHASIS_WORDS.has(t.norm))) return true;
  }
  const end = b + 1 < doc.tokens.length ? doc.tokens[b + 1]!.start : doc.draft.length;
  return COMPLAINT_MARK.test(doc.draft.slice(doc.tokens[a]!.start, end));
}

/** A negator inside the complaint itself ("SLT haven't cut our PPA"). */
function negatedWithin(doc: Doc, first: number, last: number): boolean {
  for (let k = first; k <= last; k++) {
    const n = doc.tokens[k]!.norm;
    if (NEGATORS.has(n) || /^(dont|wont|cant|isnt|arent|wasnt|werent|didnt|doesnt|wouldnt|couldnt|hasnt|havent|hadnt)$/.test(n)) return true;
  }
  return false;
}

/** Two phrasings of one complaint ("fed up with how SLT" + "how SLT treat us") are one finding. */
function mergeOverlapping(hits: Hit[]): Hit[] {
  const sorted = [...hits].sort((a, b) => a.start - b.start || b.end - a.end);
  const out: Hit[] = [];
  for (const h of sorted) {
    const prev = out[out.length - 1];
    if (prev && h.start < prev.end) prev.end = Math.max(prev.end, h.end);
    else out.push({ ...h });
  }
  return out;
}

export default defineRule({
  meta: {
    id: 'work-grievance',
    description: 'Complains publicly about the job, employer, pay, conditions or leadership decisions, or escalates a concern.',
    lexical: true,
    messages: {
      grievance: { text: 'Complains in public about your job, pay, conditions or leadership.', policy: 'say concerns should go through a line manager or the grievance procedure, not social media' },
    },
  },
  check(doc, env) {
    const matches = dropOverlapped(MATCHER.match(doc));
    let work: boolean | undefined;
    const isWork = () =>
      (work ??= WORK_RULES.some((id) => (env.hits.get(id)?.length ?? 0) > 0) || aboutWork(doc) || WORKPLACE.match(doc).length > 0);
    // a scare-quoted word in a draft that mocks a person ("the governors' 'learning walk'... couldn't tell a lesson
    // from a fire drill") is that mockery's sarcasm, which derogatory reports, not a complaint about the job
    const scare = (env.hits.get('derogatory')?.length ?? 0) > 0 ? [] : scareQuoted(doc);
    const mocked = leaderMocked(doc, env.hits.get('derogatory') ?? [], env.hits.get('discriminatory') ?? []);
    if (matches.length === 0 && scare.length === 0 && mocked.length === 0) return [];
    const out: Hit[] = scare.filter((h) => h.data?.work || isWork()).map(({ data: _, ...h }) => h);
    out.push(...mocked);
    let topics: ReturnType<PhraseMatcher['match']> | undefined;
    let weak: ReturnType<PhraseMatcher['match']> | undefined;
    let impositions: ReturnType<PhraseMatcher['match']> | undefined;
    for (const m of matches) {
      const tags = TAGS.get(m.id) ?? [];
      if (tags.includes('closer')) {
        weak ??= CLOSER_WEAK.match(doc);
        const isWeak = weak.some((w) => w.first === m.first && w.last === m.last);
        const c = closedComplaint(doc, m.first, m.last, isWeak, (topics ??= TOPIC.match(doc)));
        // a school's own impositions (a twilight, a data drop) say it is about work; "the meeting" needs the draft to
        if (c && (isWork() || (impositions ??= IMPOSITION.match(doc)).some((x) => x.first === c.first))) out.push({ start: doc.tokens[c.first]!.start, end: m.end, messageId: 'grievance' });
        continue;
      }
      if (!tags.includes('negation-ok') && (negatedBefore(doc, m.first, 3) || negatedWithin(doc, m.first, m.last))) continue;
      if (tags.includes('needs-work') && !isWork()) continue;
      if (tags.includes('emphasis') && !emphasised(doc, m.first, m.last)) continue;
      out.push({ start: m.start, end: m.end, messageId: 'grievance' });
    }
    return mergeOverlapping(out);
  },
});
