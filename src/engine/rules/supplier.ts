// supplier: one of the school's configured suppliers is endorsed or criticised. A supplier counts
// when evaluative language (rules/lexicons/supplier.json) sits in the same sentence, or in a short
// sentence straight after it ("Swiftline Buses left us stranded. Never again."). Neutral mentions
// ("ParentPay payments are due Friday") stay quiet.
import supplierJson from '../../../rules/lexicons/supplier.json';
import { parseLexicon } from '../../data/lexicons.js';
import { inTag, keysAt, nameParts, prefixSet, tagSpan, tagText, tagTokens, type PrefixLookup } from '../names.js';
import type { SchoolConfig } from '../../config/schema.js';
import { tokenIndexAt } from '../context.js';
import { defineRule, type Hit } from '../rule.js';
import type { Doc } from '../text/doc.js';
import { PhraseMatcher } from '../text/pattern.js';
import { ByFirst } from '../text/spans.js';

const LEX = parseLexicon(supplierJson, 'rules/lexicons/supplier.json');
const evaluative = new PhraseMatcher(LEX.entries, LEX.classes ?? {});
/** What a company's name ends with and people leave off: "Blackbrook IT Solutions" is "Blackbrook IT" too. */
const CORPORATE_SUFFIX = new Set(LEX.classes?.['corporate-suffix'] ?? []);

interface Supplier {
  display: string;
  key: string;
  /** one ordinary-looking word ("Arbor"): must be capitalised to count; "ParentPay" or "Tapestry2" need not be */
  needsCap: boolean;
}

/** A supplier's name, and the same name without the corporate words it ends with, as keys. */
function supplierKeys(raw: string, parts: string[]): Array<{ key: string; oneWord: boolean; head: string }> {
  const out = [{ key: parts.join(''), oneWord: parts.length === 1, head: raw }];
  const words = raw.trim().split(/\s+/);
  // the parts and the written words line up when the name has no punctuation inside its words
  const aligned = words.length === parts.length;
  for (let n = parts.length - 1; n >= 1 && CORPORATE_SUFFIX.has(parts[n]!); n--) {
    out.push({ key: parts.slice(0, n).join(''), oneWord: n === 1, head: aligned ? words.slice(0, n).join(' ') : raw });
  }
  return out;
}

export interface Compiled {
  byKey: Map<string, Supplier>;
  maxTokens: number;
  prefixes: PrefixLookup;
}

/** A short sentence of its own can carry the verdict on the sentence before: "Never again." */
const SHORT_SENTENCE = 6;

export interface Mention {
  start: number;
  end: number;
  sentence: number;
  first: number;
  last: number;
}

/** Where the draft names one of the configured suppliers (derogatory reads these as targets too). */
export function mentions(doc: Doc, c: Compiled, anyCase = false): Mention[] {
  const out: Mention[] = [];
  const toks = doc.tokens;
  for (let i = 0; i < toks.length; ) {
    const t = toks[i]!;
    if (t.numeric) {
      i++;
      continue;
    }
    const keys = keysAt(doc, i, c.maxTokens, false, c.prefixes);
    let k = keys.length;
    for (; k >= 1; k--) {
      const key = keys[k - 1]!;
      const s = key ? c.byKey.get(key) : undefined;
      if (!s) continue;
      if (k === 1 && s.needsCap && !t.cap && !inTag(t) && !anyCase) continue;
      break;
    }
    if (k >= 1) {
      out.push({ start: t.start, end: toks[i + k - 1]!.end, sentence: t.sentence, first: i, last: i + k - 1 });
      i += k;
    } else i++;
  }
  // inside lowercase hashtag and handle bodies: "#tallypayfail", "@swiftlinebuses"
  // (the mentions found so far are in order and apart: the first starting in a tag is the one that may lie inside it)
  const inText = out.length;
  const mentionInside = (start: number, end: number) => {
    let lo = 0;
    let hi = inText;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (out[mid]!.start < start) lo = mid + 1;
      else hi = mid;
    }
    return lo < inText && out[lo]!.end <= end;
  };
  doc.tags.forEach((tag, tagId) => {
    if (mentionInside(tag.start, tag.end)) return;
    const tt = tagText(doc, tag);
    for (const s of c.byKey.values()) {
      if (s.key.length < 5) continue;
      const at = tt.text.indexOf(s.key);
      if (at < 0) continue;
      const span = tagSpan(tt, at, at + s.key.length);
      // the tag's tokens the name covers, so the rest of the tag can judge it ("#TallyPayFail")
      const [tagFirst, tagLast] = tagTokens(doc, tagId);
      let first = tagFirst;
      while (first + 1 < tagLast && toks[first]!.end <= span.start) first++;
      let last = first;
      while (last + 1 < tagLast && toks[last + 1]!.start < span.end) last++;
      out.push({ ...span, sentence: toks[first]?.sentence ?? 0, first, last });
      break;
    }
  });
  return out;
}

export function compileSuppliers(config: SchoolConfig): Compiled {
  const byKey = new Map<string, Supplier>();
  let maxTokens = 1;
  const add = (raw: string, { key, oneWord, head }: { key: string; oneWord: boolean; head: string }) => {
    if (byKey.has(key)) return;
    // CamelCase or digits make a one-word name unmistakable; a plain word needs its capital
    const distinctive = /[a-z][A-Z]/.test(head) || /\d/.test(head) || /^[A-Z0-9]{2,}$/.test(head.trim());
    byKey.set(key, { display: raw, key, needsCap: oneWord && !distinctive });
  };
  const named = (config.suppliers ?? []).map((raw) => ({ raw, parts: nameParts(raw) })).filter((f) => f.parts.length > 0);
  const keys = named.map(({ raw, parts }) => supplierKeys(raw, parts));
  // every supplier's own name first, then the shorter forms: a shorter form never takes another's own name
  named.forEach(({ raw }, i) => add(raw, keys[i]![0]!));
  named.forEach(({ raw }, i) => keys[i]!.slice(1).forEach((k) => add(raw, k)));
  for (const { parts } of named) maxTokens = Math.max(maxTokens, parts.length + 2);
  return { byKey, maxTokens, prefixes: prefixSet(byKey.keys()) };
}

export default defineRule<Compiled>({
  meta: {
    id: 'supplier',
    description: "Endorsing or criticising one of the school's suppliers or service providers.",
    messages: {
      endorse: { text: "Praises or criticises one of your school's suppliers.", policy: "say staff must not endorse or criticise the school's service providers" },
    },
    lexical: true,
  },
  compile: compileSuppliers,
  check(doc, { compiled: c, hits }) {
    if (c.byKey.size === 0) return [];
    const insulted = hits.get('derogatory') ?? [];
    // a lower-case name counts where an insult is attached to it ("pocketbell is run by muppets")
    const found = mentions(doc, c, insulted.length > 0).filter(
      (m) => doc.tokens[m.first]!.cap || m.last > m.first || inTag(doc.tokens[m.first]!) || !c.byKey.get(doc.tokens[m.first]!.norm)?.needsCap || insulted.some((h) => h.start <= m.start && h.end >= m.end),
    );
    if (found.length === 0) return [];
    const verdicts = evaluative.match(doc);
    // an insult aimed at the supplier (derogatory read it as the target) is criticism too: "Threadwell are a bunch of cowboys"
    for (const h of insulted) {
      const a = tokenIndexAt(doc, h.start);
      let b = a;
      while (b + 1 < doc.tokens.length && doc.tokens[b + 1]!.start < h.end) b++;
      if (a < doc.tokens.length) verdicts.push({ id: 'derogatory', first: a, last: b, start: h.start, end: h.end });
    }
    if (verdicts.length === 0) return [];
    const sentenceLength = new Map<number, number>();
    for (const t of doc.tokens) sentenceLength.set(t.sentence, (sentenceLength.get(t.sentence) ?? 0) + 1);
    const supplierSentences = new Set(found.map((m) => m.sentence));
    // verdicts counted by sentence, less those inside the supplier's own name, so each mention costs a look-up
    const verdictsIn = new Map<number, number>();
    for (const v of verdicts) {
      const s = doc.tokens[v.first]!.sentence;
      verdictsIn.set(s, (verdictsIn.get(s) ?? 0) + 1);
    }
    const byFirst = new ByFirst(verdicts);
    const out: Hit[] = [];
    for (const m of found) {
      const inName = byFirst.startingIn(m.first, m.last).filter((v) => v.last <= m.last).length; // a word inside the supplier's own name
      const next = m.sentence + 1;
      const judged =
        (verdictsIn.get(m.sentence) ?? 0) - inName > 0 || ((verdictsIn.get(next) ?? 0) > 0 && !supplierSentences.has(next) && (sentenceLength.get(next) ?? 99) <= SHORT_SENTENCE);
      if (judged) out.push({ start: m.start, end: m.end, messageId: 'endorse' });
    }
    return out;
  },
});
