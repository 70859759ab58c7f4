// school-identity: the school, its aliases, its trust, or its hashtags and handles are named, or the
// writer says where they work ("I teach at…", "I work at Oakfield Academy"). Names match across
// case, accents, apostrophes, "St"/"Saint", zero-width characters and inside hashtag or handle
// bodies ("#KVHSproud"). Short acronyms that are also words ("RET", "SAPS") count only written as
// the acronym (capitals) or inside a hashtag or handle.
import type { SchoolConfig } from '../../config/schema.js';
import schoolIdentityJson from '../../../rules/lexicons/school-identity.json';
import { parseLexicon } from '../../data/lexicons.js';
import { adjacent, after, hasVowel, inTag, keysAt, nameParts, prefixSet, tagSpan, tagText, tagUpper, type PrefixLookup, type TagText } from '../names.js';
import { defineRule, type Hit } from '../rule.js';
import type { Doc } from '../text/doc.js';
import { foldWord, PhraseMatcher } from '../text/pattern.js';
import { ByFirst } from '../text/spans.js';

const LEX = parseLexicon(schoolIdentityJson, 'rules/lexicons/school-identity.json');
const classes = LEX.classes ?? {};
const SCHOOL_TYPE = new Set((classes['school-type'] ?? []).filter((w) => !/\s/.test(w)).map(foldWord));
const GENERIC = new Set((classes['generic-name'] ?? []).map(foldWord));
const STREET_WORD = new Set((classes['street-word'] ?? []).filter((w) => !/\s/.test(w)).map(foldWord));
const PLACE_WORD = new Set((classes['place-word'] ?? []).map(foldWord));
const statements = new PhraseMatcher(LEX.entries, classes);

/** A capitalised street or place word straight after token `last` ("Suspension Bridge", "Care Lane"): the words before name a place. */
export function placeNameAfter(doc: Doc, last: number): boolean {
  const t = doc.tokens[last];
  const next = doc.tokens[last + 1];
  return !!t && !!next && t.cap && next.cap && next.sentence === t.sentence && STREET_WORD.has(next.norm);
}

type Who = 'school' | 'trust';

interface Alias {
  who: Who;
  key: string;
  /** written in capitals in the configuration ("KVHS", "RET"): the text must write it so too, or it must have no vowel */
  acronym: boolean;
  /** a one-word short form derived from the full name ("Riverstone"): counts only with a school word after it */
  needsType: boolean;
  /** derived from the full name rather than configured: counts only capitalised ("Park View", not "a park view") */
  derived?: boolean;
}

interface Compiled {
  byKey: Map<string, Alias>;
  maxTokens: number;
  prefixes: PrefixLookup;
  /** hashtag and handle bodies, and long keys, searched inside tag bodies */
  tagKeys: Alias[];
}

const isAcronym = (s: string) => /^[A-Z][A-Z0-9&]{1,6}$/.test(s.trim());

function variants(parts: string[]): string[][] {
  const out: string[][] = [parts];
  // "St Aidan's" / "Saint Aidan's"
  const i = parts.findIndex((p) => p === 'st' || p === 'saint');
  if (i >= 0) out.push(parts.map((p, k) => (k === i ? (p === 'st' ? 'saint' : 'st') : p)));
  return out;
}

function compileAliases(config: SchoolConfig): Compiled {
  const byKey = new Map<string, Alias>();
  const tagKeys: Alias[] = [];
  let maxTokens = 1;
  const add = (a: Alias, tokens: number) => {
    if (a.key.length < 2) return;
    const prev = byKey.get(a.key);
    // a configured name wins over a derived one
    if (!prev || (prev.derived && !a.derived)) byKey.set(a.key, a);
    maxTokens = Math.max(maxTokens, tokens + 2);
    if (!a.acronym && !a.needsType && a.key.length >= 5) tagKeys.push(a);
  };
  const addName = (raw: string, who: Who, derived: boolean) => {
    const s = raw.trim();
    if (!s) return;
    if (s.startsWith('#') || s.startsWith('@')) {
      const key = nameParts(s).join('');
      if (key.length >= 3) tagKeys.push({ who, key, acronym: false, needsType: false });
      return;
    }
    const acronym = isAcronym(s);
    const possessive = /['’]s\b/i.test(s);
    for (const parts of variants(nameParts(s))) {
      const key = parts.join('');
      add({ who, key, acronym, needsType: false }, parts.length);
      // "St Aidan's" is also read as "St Aidan" (the draft's possessive is stripped from a name's last word)
      if (possessive && key.endsWith('s')) add({ who, key: key.slice(0, -1), acronym, needsType: false }, parts.length);
    }
    if (!derived) return;
    // the short form of a full name: "Kingsmead Valley High School" -> "Kingsmead Valley"
    const parts = nameParts(s);
    let a = 0;
    let b = parts.length;
    while (a < b && GENERIC.has(parts[a]!)) a++;
    while (b > a && GENERIC.has(parts[b - 1]!)) b--;
    const core = parts.slice(a, b);
    if (core.length >= 1 && core.length < parts.length) {
      for (const v of variants(core)) {
        add({ who, key: v.join(''), acronym: false, needsType: v.length === 1, derived: true }, v.length);
      }
    }
    // its initials, as an acronym: "KVHS", "RET"
    const initials = nameParts(s.replace(/['’]s\b/gi, ''))
      .filter((p) => !['of', 'the', 'and'].includes(p))
      .map((p) => p[0])
      .join('');
    if (initials.length >= 3 && parts.length >= 3) add({ who, key: initials, acronym: true, needsType: false }, 1);
  };
  const school = config.school;
  if (school?.name) addName(school.name, 'school', true);
  for (const a of school?.aliases ?? []) addName(a, 'school', false);
  if (school?.trust) addName(school.trust, 'trust', true);
  for (const a of school?.trustAliases ?? []) addName(a, 'trust', false);
  return { byKey, maxTokens, tagKeys, prefixes: prefixSet(byKey.keys()) };
}

/** Does this acronym read as the acronym here: capitals, or no vowel so it cannot be a word ("kvhs")? */
function acronymOk(doc: Doc, a: number, b: number, key: string): boolean {
  let caps = true;
  for (let k = a; k <= b; k++) if (!doc.tokens[k]!.allCaps && !(doc.tokens[k]!.cap && doc.tokens[k]!.norm.length === 1)) caps = false;
  if (caps) return true;
  return key.length >= 3 && !hasVowel(key);
}

interface NameSpan {
  first: number;
  last: number;
  who: Who;
}

function textNames(doc: Doc, c: Compiled): NameSpan[] {
  const out: NameSpan[] = [];
  const toks = doc.tokens;
  for (let i = 0; i < toks.length; ) {
    const t = toks[i]!;
    if (inTag(t) || t.numeric) {
      i++;
      continue;
    }
    const keys = keysAt(doc, i, c.maxTokens, true, c.prefixes);
    let found: NameSpan | null = null;
    for (let k = keys.length; k >= 1 && !found; k--) {
      const key = keys[k - 1]!;
      const alias = key ? c.byKey.get(key) : undefined;
      if (!alias) continue;
      const last = i + k - 1;
      if (alias.acronym && !acronymOk(doc, i, last, alias.key)) continue;
      // a one-word name that is not an acronym: only capitalised ("Oakfield", not "oakfield" the word)
      if (!alias.acronym && (k === 1 || alias.derived) && !t.cap) continue;
      let end = last;
      // extend over school words after it: "Kingsmead Valley High School", "Riverstone Trust"
      while (toks[end + 1] && SCHOOL_TYPE.has(toks[end + 1]!.base) && toks[end + 1]!.cap === t.cap && adjacent(doc, toks[end]!, toks[end + 1]!) && !toks[end]!.possessive) end++;
      if (alias.needsType && end === last) continue;
      // a road or station named like the school: "Eastgate Park Road", "Oakfield station" (typed as the name is)
      const next = toks[last + 1];
      if (end === last && alias.who === 'school' && next && next.sentence === t.sentence && STREET_WORD.has(next.norm) && (next.cap === t.cap || PLACE_WORD.has(next.norm)) && adjacent(doc, toks[last]!, next)) continue;
      found = { first: i, last: end, who: alias.who };
    }
    if (found) {
      out.push(found);
      i = found.last + 1;
    } else i++;
  }
  return out;
}

function tagNames(doc: Doc, c: Compiled): Array<{ start: number; end: number; who: Who }> {
  const out: Array<{ start: number; end: number; who: Who }> = [];
  if (doc.tags.length === 0) return out;
  const acronyms = [...c.byKey.values()].filter((a) => a.acronym);
  for (const tag of doc.tags) {
    const tt: TagText = tagText(doc, tag);
    let hit: { a: number; b: number; who: Who } | null = null;
    for (const alias of c.tagKeys) {
      const at = tt.text.indexOf(alias.key);
      if (at >= 0 && (!hit || alias.key.length > hit.b - hit.a)) hit = { a: at, b: at + alias.key.length, who: alias.who };
    }
    if (!hit) {
      for (const alias of acronyms) {
        for (let at = tt.text.indexOf(alias.key); at >= 0; at = tt.text.indexOf(alias.key, at + 1)) {
          const b = at + alias.key.length;
          const whole = at === 0 && b === tt.text.length;
          const edge = (at === 0 || b === tt.text.length || /\d/.test(tt.text[b] ?? '')) && !hasVowel(alias.key);
          if (whole || tagUpper(tt, at, b) || edge) {
            hit = { a: at, b, who: alias.who };
            break;
          }
        }
        if (hit) break;
      }
    }
    if (hit) out.push({ ...tagSpan(tt, hit.a, hit.b), who: hit.who });
  }
  return out;
}

/** "I teach at Oakfield Primary": the capitalised name after a statement of where the writer works. */
function statementHits(doc: Doc, names: NameSpan[]): Array<{ start: number; end: number; covers: NameSpan[] }> {
  const out: Array<{ start: number; end: number; covers: NameSpan[] }> = [];
  const byFirst = new ByFirst(names);
  for (const m of statements.match(doc)) {
    const toks = doc.tokens;
    const s = toks[m.first]!.sentence;
    if (m.id === 'my-school' && !/^\s*[,(:–-]/.test(after(doc, m.last))) continue;
    // the configured school or trust named within the next few words
    const named = byFirst.startingIn(m.last + 1, m.last + 6).filter((n) => toks[n.first]!.sentence === s);
    if (named.length) {
      const n = named[0]!;
      out.push({ start: toks[m.first]!.start, end: toks[n.last]!.end, covers: [n] });
      continue;
    }
    // otherwise a capitalised name within three words ("at the Priory", "in Bolton")
    let k = m.last + 1;
    while (k <= m.last + 3 && toks[k] && toks[k]!.sentence === s && !toks[k]!.cap) k++;
    const first = toks[k];
    if (!first || first.sentence !== s || !first.cap || first.numeric || k > m.last + 3 || first.norm === 'i') continue;
    let end = k;
    while (toks[end + 1] && toks[end + 1]!.sentence === s && toks[end + 1]!.norm !== 'i' && (toks[end + 1]!.cap || /^(of|the|and)$/.test(toks[end + 1]!.norm)) && adjacent(doc, toks[end]!, toks[end + 1]!) && !toks[end]!.possessive) end++;
    while (end > k && !toks[end]!.cap) end--;
    let typed = false;
    for (let x = k; x <= end; x++) if (SCHOOL_TYPE.has(toks[x]!.base)) typed = true;
    if (m.id === 'work' && !typed) continue;
    out.push({ start: toks[m.first]!.start, end: toks[end]!.end, covers: [] });
  }
  return out;
}

const rule = defineRule<Compiled>({
  meta: {
    id: 'school-identity',
    description: 'The school, its trust, their short names, hashtags or handles are named, or the writer says where they work.',
    messages: {
      school: { text: 'Names your school, which ties this post to your workplace.', policy: 'ask staff to take care not to identify where they work' },
      trust: { text: "Names your school's trust, which ties this post to your workplace.", policy: 'ask staff to take care not to identify where they work' },
      workplace: { text: 'Says where you work.', policy: 'ask staff to take care not to identify their school on a personal account' },
    },
  },
  compile: compileAliases,
  check(doc, { compiled: c }) {
    const names = c.byKey.size ? textNames(doc, c) : [];
    const out: Hit[] = [];
    const stated = statementHits(doc, names);
    const covered = new Set<NameSpan>(stated.flatMap((s) => s.covers));
    for (const s of stated) out.push({ start: s.start, end: s.end, messageId: 'workplace' });
    for (const n of names) {
      if (covered.has(n)) continue;
      out.push({ start: doc.tokens[n.first]!.start, end: doc.tokens[n.last]!.end, messageId: n.who });
    }
    for (const t of tagNames(doc, c)) out.push({ start: t.start, end: t.end, messageId: t.who });
    return out;
  },
});

export default rule;
