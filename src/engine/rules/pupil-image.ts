// pupil-image: a photo or video is attached and the draft is about pupils, a class, a trip, an
// event or the school. Strong signals fire alone (a pupil or the school named, "my class", "Year 6",
// "sports day"); words that are only school words beside others ("the kids", "concert", "trip")
// need a second one, and none in family time ("half term trip to Legoland, the kids were
// buzzing"). A parent's own children ("my daughter's nativity") are not pupils. With no
// school context at all, a photo is still worth a warning on the school's own account.
import pupilImageJson from '../../../rules/lexicons/pupil-image.json';
import { baseView, schoolGroupTokens, workSignals } from '../context.js';
import { parseLexicon } from '../../data/lexicons.js';
import { defineRule } from '../rule.js';
import type { Doc } from '../text/doc.js';
import { PhraseMatcher } from '../text/pattern.js';
import type { RuleId } from '../types.js';

const LEXICON = parseLexicon(pupilImageJson, 'rules/lexicons/pupil-image.json');
const MATCHER = new PhraseMatcher(LEXICON.entries, LEXICON.classes ?? {});
const TAGS = new Map(LEXICON.entries.map((e) => [e.id, e.tags ?? []]));

/** Hits that put pupils or the school in the draft. */
const CONTEXT_RULES: readonly RuleId[] = ['pupil-name', 'pupil-reference', 'school-identity'];

/** Hits that are school context only beside another sign of it. */
const WEAK_RULES: readonly RuleId[] = ['supplier', 'staff-name'];

function hasGroupCode(doc: Doc): boolean {
  return schoolGroupTokens(doc).length > 0;
}

/** Is the draft about pupils or the school? */
function aboutPupils(doc: Doc, hits: ReadonlyMap<RuleId, readonly unknown[]>): boolean {
  if (CONTEXT_RULES.some((id) => (hits.get(id)?.length ?? 0) > 0)) return true;
  const signals = workSignals(doc);
  // "my son is so settled in Year 3": a parent's child's year group is not the writer's class
  if (!signals.ownFamily && hasGroupCode(doc)) return true;
  const weak = new Set<string>();
  let eventOrChildren = false;
  let familyTime = false;
  // "my form's Christmas jumpers": a possessive is the word it is built on
  for (const m of MATCHER.match(baseView(doc))) {
    const tags = TAGS.get(m.id) ?? [];
    if (m.id === 'pupils') return true;
    if (tags.includes('strong')) {
      if (!signals.ownFamily) return true;
      continue;
    }
    if (tags.includes('family-time')) {
      familyTime = true;
      continue;
    }
    eventOrChildren = true;
    weak.add(doc.tokens[m.first]!.norm);
  }
  if (signals.ownFamily || familyTime || !eventOrChildren) return false;
  for (const m of [...signals.edu, ...signals.strong]) weak.add(doc.tokens[m.first]!.norm);
  // the school's own supplier or a colleague named is one more sign of school ("the coach driver
  // sang all the way, kids loved him" about the school's coach firm)
  for (const id of WEAK_RULES) if ((hits.get(id)?.length ?? 0) > 0) weak.add(`#${id}`);
  return weak.size >= 2;
}

export default defineRule({
  meta: {
    id: 'pupil-image',
    description: 'A photo or video is attached to a post about pupils, a class, a trip, an event or the school.',
    messages: {
      image: { text: 'Attaches a photo or video to a post about pupils or school.', policy: 'say images of pupils must not be posted on personal accounts' },
      schoolAccountPupils: 'Attaches a photo or video of pupils or a school event. Check that every pupil in it has photo consent and that it shows no faces or names it should not.',
      schoolAccount: 'Attaches a photo or video on the school account. Check that every pupil in it has photo consent before posting.',
    },
  },
  check(doc, env) {
    if (!env.ctx.media) return [];
    if (aboutPupils(doc, env.hits)) return [{ start: 0, end: 0, messageId: env.ctx.schoolAccount ? 'schoolAccountPupils' : 'image' }];
    if (env.ctx.schoolAccount) return [{ start: 0, end: 0, messageId: 'schoolAccount', cap: 'warn' }];
    return [];
  },
});
