// represents-school: speaking for the school or trust, presenting personal views as the school's,
// or committing it ("On behalf of St Aidan's...", "the school's position is...", "we will give every
// family a free..."). Phrases that only speak for the school when the school follows them ("on
// behalf of", "from all at") need the school itself next: a school-identity hit or a capitalised
// name ending in School, Academy, Trust... A negated phrase ("I'm not speaking on behalf of my
// school") is a disclaimer, not a claim.
import representsJson from '../../../rules/lexicons/represents-school.json';
import { aboutWork, negatedInClause, tokenIndexAt } from '../context.js';
import { parseLexicon } from '../../data/lexicons.js';
import { defineRule, type Hit } from '../rule.js';
import type { Doc } from '../text/doc.js';
import { foldWord, PhraseMatcher, type PhraseMatch } from '../text/pattern.js';
import type { RuleId } from '../types.js';

const LEXICON = parseLexicon(representsJson, 'rules/lexicons/represents-school.json');
const classes = LEXICON.classes ?? {};
const MATCHER = new PhraseMatcher(LEXICON.entries, classes);
const TAGS = new Map(LEXICON.entries.map((e) => [e.id, e.tags ?? []]));
const INSTITUTION = new Set((classes['institution'] ?? []).map(foldWord));
/** How many words may sit between "on behalf of" and the school ("on behalf of all the staff at"). */
const ANCHOR_REACH = 5;
const WORK_RULES: readonly RuleId[] = ['school-identity', 'staff-name', 'pupil-name', 'pupil-reference'];

/** The school named right after an anchor: returns the last token of the name, or -1. */
function schoolAfter(doc: Doc, m: PhraseMatch, identityStarts: number[]): number {
  const sentence = doc.tokens[m.last]!.sentence;
  for (const k of identityStarts) {
    if (k > m.last && k - m.last <= ANCHOR_REACH && doc.tokens[k]!.sentence === sentence) return k;
  }
  // an unconfigured school: a capitalised run ending in an institution word ("Hollins Park Primary")
  let found = -1;
  for (let k = m.last + 1; k < doc.tokens.length && k - m.last <= ANCHOR_REACH + 3; k++) {
    const t = doc.tokens[k]!;
    if (t.sentence !== sentence || !(t.cap || t.allCaps) || t.tag) break;
    if (INSTITUTION.has(t.base) && k > m.last + 1) found = k;
  }
  return found;
}

/**
 * Drops a hit inside another (or equal to an earlier one). One sort: sorted by start, longest
 * first, then as found, a hit is inside another exactly when one before it reaches as far.
 */
function dropContainedHits(hits: Hit[]): Hit[] {
  const order = hits.map((h, k) => k).sort((a, b) => hits[a]!.start - hits[b]!.start || hits[b]!.end - hits[a]!.end || a - b);
  const drop = new Set<number>();
  let maxEnd = -Infinity;
  for (const k of order) {
    if (maxEnd >= hits[k]!.end) drop.add(k);
    maxEnd = Math.max(maxEnd, hits[k]!.end);
  }
  return hits.filter((_, k) => !drop.has(k));
}

export default defineRule({
  meta: {
    id: 'represents-school',
    description: "Speaks for the school or trust, presents personal views as the school's, or commits it to something.",
    lexical: true,
    messages: {
      speaks: { text: 'Speaks for the school.', policy: "say staff must not present personal posts as the school's view or commit the school to anything" },
    },
  },
  check(doc, env) {
    const matches = MATCHER.match(doc);
    if (matches.length === 0) return [];
    let work: boolean | undefined;
    const isWork = () => (work ??= WORK_RULES.some((id) => (env.hits.get(id)?.length ?? 0) > 0) || aboutWork(doc));
    const identityStarts = (env.hits.get('school-identity') ?? []).map((h) => tokenIndexAt(doc, h.start)).filter((k) => k < doc.tokens.length);
    const identityEnd = new Map<number, number>();
    for (const h of env.hits.get('school-identity') ?? []) identityEnd.set(tokenIndexAt(doc, h.start), h.end);
    // the school's name right before a phrase: the first such hit that ends where the space before the phrase begins
    const identityByEnd = new Map<number, Hit>();
    for (const h of env.hits.get('school-identity') ?? []) if (!identityByEnd.has(h.end)) identityByEnd.set(h.end, h);
    const order = new Map((env.hits.get('school-identity') ?? []).map((h, k) => [h, k]));
    const identityEndingAt = (at: number): Hit | undefined => {
      let best: Hit | undefined;
      for (let k = at; k >= 0; k--) {
        const h = identityByEnd.get(k);
        if (h && (!best || order.get(h)! < order.get(best)!)) best = h;
        if (k === 0 || /\S/.test(doc.draft[k - 1]!)) break;
      }
      return best;
    };
    const out: Hit[] = [];
    for (const m of matches) {
      if (negatedInClause(doc, m.first)) continue;
      const tags = TAGS.get(m.id) ?? [];
      if (tags.includes('anchor')) {
        const k = schoolAfter(doc, m, identityStarts);
        if (k < 0) continue;
        const end = Math.max(identityEnd.get(k) ?? 0, doc.tokens[k]!.end);
        out.push({ start: m.start, end, messageId: 'speaks' });
        continue;
      }
      if (tags.includes('after-school')) {
        // the school's name right before: "St Aidan's would like to thank..."
        const named = identityEndingAt(m.start);
        if (!named || doc.tokens[m.first]!.sentenceStart) continue;
        out.push({ start: named.start, end: m.end, messageId: 'speaks' });
        continue;
      }
      if (tags.includes('needs-work') && !isWork()) continue;
      out.push({ start: m.start, end: m.end, messageId: 'speaks' });
    }
    // one finding per place: an anchor and a phrase over the same words are the same claim
    return dropContainedHits(out);
  },
});
