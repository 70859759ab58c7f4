// disclaimer-missing: a draft about work that does not say the views in it are the writer's own.
// "About work" is what the other rules found (a pupil, a colleague, the school, a grievance...) or
// the draft's own work vocabulary (context.ts aboutWork). The fix appends the school's disclaimer.
import disclaimerJson from '../../../rules/lexicons/disclaimer.json';
import { aboutWork, workSignals } from '../context.js';
import { learnedReading } from '../learned.js';
import { parseLexicon } from '../../data/lexicons.js';
import { defineRule } from '../rule.js';
import { analyse, type Doc } from '../text/doc.js';
import { PhraseMatcher } from '../text/pattern.js';
import type { RuleId } from '../types.js';

const LEXICON = parseLexicon(disclaimerJson, 'rules/lexicons/disclaimer.json');
const DISCLAIMERS = new PhraseMatcher(LEXICON.entries, LEXICON.classes ?? {});

/** Rules whose hits make a draft about work (RULES.md: "any of the above fired"). */
const WORK_RULES: readonly RuleId[] = [
  'pupil-name',
  'pupil-reference',
  'staff-name',
  'school-identity',
  'confidential',
  'derogatory',
  'work-grievance',
  'gossip',
  'represents-school',
  'supplier',
  'pupil-contact',
];

/** The configured disclaimer as a run of words (" views are my own "), matched against the draft's view. */
const needleCache = new Map<string, string>();
function needle(disclaimer: string): string {
  let n = needleCache.get(disclaimer);
  if (n === undefined) {
    n = analyse(disclaimer)
      .view.text.replace(/[|,]/g, ' ')
      .replace(/\s+/g, ' ')
      .trim();
    if (needleCache.size > 32) needleCache.clear();
    needleCache.set(disclaimer, n);
  }
  return n;
}

function hasDisclaimer(doc: Doc, configured: string): boolean {
  if (DISCLAIMERS.match(doc).length > 0) return true;
  const n = needle(configured);
  if (!n) return false;
  return ` ${doc.view.text.replace(/[|,]/g, ' ').replace(/\s+/g, ' ')} `.includes(` ${n} `);
}

/** The draft's school words were all someone else's: the news, a quoted report, a TV drama, the writer's own child's school. */
function elsewhere(doc: Doc): boolean {
  const s = workSignals(doc);
  return s.setAside.length > 0 || (s.ownFamily && s.strong.length + s.edu.length + s.life.length > 0);
}

export default defineRule({
  meta: {
    id: 'disclaimer-missing',
    description: 'A post about work carries no personal-views disclaimer ("Views are my own").',
    messages: {
      missing: { text: 'Talks about work without saying the views are your own.', policy: 'ask staff to make clear they are not speaking for the school' },
    },
  },
  check(doc, env) {
    // a photo of pupils or a school event is about work too; the school account's bare photo check is not
    const image = (env.hits.get('pupil-image') ?? []).some((h) => h.messageId !== 'schoolAccount');
    const work =
      image ||
      WORK_RULES.some((id) => (env.hits.get(id)?.length ?? 0) > 0) ||
      aboutWork(doc) ||
      // the learned reading of "about work" (src/engine/learned.ts) where the vocabulary says nothing; not
      // where it spoke and was set aside as someone else's school (the news, a report, the writer's own child)
      (env.ctx.learned !== false && !elsewhere(doc) && learnedReading('about-work', doc, env.hits) !== null);
    if (!work || hasDisclaimer(doc, env.disclaimer)) return [];
    const draft = doc.draft;
    const sep = draft.length === 0 || /\s$/.test(draft) ? '' : draft.includes('\n') ? '\n\n' : ' ';
    return [
      {
        start: 0,
        end: 0,
        messageId: 'missing',
        fix: { label: `Add "${env.disclaimer}"`, start: draft.length, end: draft.length, replacement: sep + env.disclaimer },
      },
    ];
  },
});
