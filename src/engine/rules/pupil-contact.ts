// pupil-contact: the writer invites pupils or parents to contact or connect with their own account
// or number ("Year 11s, add me on Snapchat", "Parents, my mobile is..."). An invitation counts only
// with a pupil or parent addressee in the same or a neighbouring sentence; "contact the school
// office" is not an invitation, and "don't add me on Snapchat" is the opposite of one.
import contactJson from '../../../rules/lexicons/pupil-contact.json';
import { aboutWork, contextMatches, familyMentions, negatedInClause, pupilMentions, schoolGroupTokens, tokenIndexAt, workSignals } from '../context.js';
import { parseLexicon } from '../../data/lexicons.js';
import { defineRule, type Hit } from '../rule.js';
import type { Doc } from '../text/doc.js';
import { foldWord, PhraseMatcher, type PhraseMatch } from '../text/pattern.js';
import { TagKind } from '../text/tokenize.js';
import type { RuleId } from '../types.js';

const LEXICON = parseLexicon(contactJson, 'rules/lexicons/pupil-contact.json');
const MATCHER = new PhraseMatcher(LEXICON.entries, LEXICON.classes ?? {});
/** Lexicon entries that mark who is addressed rather than an invitation. */
const ADDRESSEE = new Set(LEXICON.entries.filter((e) => e.tags?.includes('addressee')).map((e) => e.id));
/** Lexicon entries where the writer says an account is their own ("it's me"): not invitations by themselves. */
const SELF = new Set(LEXICON.entries.filter((e) => e.tags?.includes('self')).map((e) => e.id));
/** Staff titles a teacher's own handle starts with: "@MrsBiology_HP", "@missd_reads", "@SirMaths". */
const HANDLE_TITLES = (LEXICON.classes?.title ?? []).map(foldWord);
/** A sale or a wanted ad ("Selling the kids' old trampoline, DM me", "Anyone selling a kids' bike?"): its children are the writer's, its readers buyers. */
const SALE = new PhraseMatcher([{ id: 'sale', patterns: ['@sale-frame'] }], LEXICON.classes ?? {});
/** Verbs that, right before a handle, ask the reader to connect with it: "follow @mrsbiology_hp". */
const FOLLOW = new Set(['follow', 'add', 'friend', 'sub', 'subscribe', 'dm', 'message', 'snap']);
/** "parents asked me to set up a WhatsApp group": someone else's request, reported. */
const ASKED = new Set((LEXICON.classes?.['asked-verb'] ?? []).filter((w) => !/\s/.test(w)).map(foldWord));

/** "X asked me to ..." right before the invitation. */
function askedOf(doc: Doc, first: number): boolean {
  const s = doc.tokens[first]!.sentence;
  for (let k = first - 1; k >= 2 && k >= first - 3; k--) {
    const t = doc.tokens[k]!;
    if (t.sentence !== s) break;
    if (t.norm === 'to' && doc.tokens[k - 1]!.norm === 'me' && ASKED.has(doc.tokens[k - 2]!.norm)) return true;
  }
  return false;
}

/** Words for parents as a group: addressing them is addressing the families of pupils. */
const PARENTS_AS_GROUP = new Set(['parents', 'parent', 'carers', 'carer', 'families', 'guardians']);
/** "Mums, DM me if you want my old buggy" is friends; "mums and dads" is a class's families. */
const MUMS = new Set(['mums', 'dads', 'mams', 'moms']);
const OWNERS = new Set(['my', 'our', 'his', 'her', 'their']);
/** Children who might be the writer's own: not pupils when the writer speaks of "my kids". */
const MAYBE_OWN = new Set(['kid', 'kids', 'child', 'children', 'boy', 'boys', 'girl', 'girls', 'little', 'toddler', 'toddlers', 'teen', 'teens', 'teenager', 'teenagers', 'kiddo', 'kiddos']);
const PERSON_RULES: readonly RuleId[] = ['pupil-name', 'pupil-reference'];
/** "don't hesitate to text me" is an invitation, not a refusal. */
const NOT_A_REFUSAL = new Set(['hesitate', 'afraid', 'shy', 'forget', 'worry', 'wait']);

function refused(doc: Doc, first: number): boolean {
  // a negator in the clause itself: "haven't come home, email me" is not a refusal to be emailed
  if (!negatedInClause(doc, first)) return false;
  for (let k = first - 1; k >= 0 && k >= first - 4; k--) if (NOT_A_REFUSAL.has(doc.tokens[k]!.norm)) return false;
  return true;
}

/** Sentences that name or address pupils or parents. */
function addresseeSentences(doc: Doc, hits: ReadonlyMap<RuleId, readonly Hit[]>): Set<number> {
  const out = new Set<number>();
  const sentenceAt = (offset: number) => doc.tokens[tokenIndexAt(doc, offset)]?.sentence ?? -1;
  for (const id of PERSON_RULES) for (const h of hits.get(id) ?? []) out.add(sentenceAt(h.start));
  const own = workSignals(doc).ownFamily || SALE.match(doc).length > 0;
  for (const m of pupilMentions(doc)) {
    const t = doc.tokens[m.first]!;
    if (own && MAYBE_OWN.has(t.base)) continue;
    if (m.first > 0 && OWNERS.has(doc.tokens[m.first - 1]!.norm) && MAYBE_OWN.has(t.base)) continue;
    out.add(t.sentence);
  }
  for (const i of schoolGroupTokens(doc)) out.add(doc.tokens[i]!.sentence);
  const work = () => aboutWork(doc) || (hits.get('school-identity')?.length ?? 0) > 0 || (hits.get('staff-name')?.length ?? 0) > 0;
  const groupEnds = new Set([...contextMatches(doc).schoolGroup.map((g) => g.last), ...schoolGroupTokens(doc)]);
  for (const m of familyMentions(doc)) {
    const t = doc.tokens[m.first]!;
    const before = m.first > 0 ? doc.tokens[m.first - 1]!.norm : '';
    // "me form's mams", "Year 6 mums", "Owls parents": the families of a class
    if (groupEnds.has(m.first - 1) || (m.first >= 2 && groupEnds.has(m.first - 2) && /^\d/.test(before))) {
      out.add(t.sentence);
      continue;
    }
    const next2 = doc.tokens[m.first + 2];
    const mumsAndDads = MUMS.has(t.base) && doc.tokens[m.first + 1]?.norm === 'and' && next2 !== undefined && MUMS.has(next2.base);
    if (before === 'your' || mumsAndDads || (PARENTS_AS_GROUP.has(t.base) && !OWNERS.has(before)) || (!OWNERS.has(before) && work())) out.add(t.sentence);
  }
  // a reply that opens with someone's handle, in a draft about school work: "@kenzie.w_x message me about the revision booklet"
  const first = doc.tokens[0];
  if (first && first.tag === TagKind.Handle && doc.draft.trimStart().startsWith('@')) {
    const w = workSignals(doc);
    if (!w.ownFamily && w.strong.length + w.edu.length > 0) out.add(first.sentence);
  }
  return out;
}

/** "follow @mrsbiology_hp": a follow of a handle that is a teacher's ("@MrsX", "@missd_reads") or said to be the writer's ("it's me"). */
function handleInvitations(doc: Doc, self: PhraseMatch[], hits: ReadonlyMap<RuleId, readonly Hit[]>): PhraseMatch[] {
  const out: PhraseMatch[] = [];
  const school = hits.get('school-identity') ?? [];
  for (let i = 0; i + 1 < doc.tokens.length; i++) {
    const v = doc.tokens[i]!;
    const h = doc.tokens[i + 1]!;
    if (!FOLLOW.has(v.norm) || v.tag !== TagKind.None || h.tag !== TagKind.Handle || h.sentence !== v.sentence) continue;
    const tag = doc.tags[h.tagId];
    if (!tag || school.some((x) => x.start < tag.end && x.end > tag.start)) continue;
    const teacher = HANDLE_TITLES.some((t) => tag.body.startsWith(t) && tag.body.length > t.length + 2);
    const own = self.some((m) => doc.tokens[m.first]!.sentence === v.sentence);
    if (teacher || own) out.push({ id: 'follow-handle', first: i, last: i + 1, start: v.start, end: tag.end });
  }
  return out;
}

export default defineRule({
  meta: {
    id: 'pupil-contact',
    description: "Invites pupils or parents to contact or connect with the writer's personal account or number.",
    lexical: true,
    messages: {
      invite: { text: 'Invites pupils or parents to contact you on a personal account or number.', policy: 'say contact with pupils and families must go through school channels' },
    },
  },
  check(doc, env) {
    const all = MATCHER.match(doc);
    const self = all.filter((m) => SELF.has(m.id));
    const invitations = [...all.filter((m) => !ADDRESSEE.has(m.id) && !SELF.has(m.id)), ...handleInvitations(doc, self, env.hits)].filter((m) => !refused(doc, m.first) && !askedOf(doc, m.first));
    if (invitations.length === 0) return [];
    const addressed = addresseeSentences(doc, env.hits);
    for (const m of all) if (ADDRESSEE.has(m.id)) addressed.add(doc.tokens[m.first]!.sentence);
    if (addressed.size === 0) return [];
    const out: Hit[] = [];
    for (const m of invitations) {
      const s = doc.tokens[m.first]!.sentence;
      if (addressed.has(s) || addressed.has(s - 1) || addressed.has(s + 1)) out.push({ start: m.start, end: m.end, messageId: 'invite' });
    }
    return out;
  },
});
