// personal-info: personal data of the writer or anyone. Shapes that are unmistakable on their own
// are found by (linear, bounded) regular expressions over the draft: UK phone numbers, e-mail
// addresses, postcodes, house number + street, card numbers (Luhn), IBANs (mod 97), National
// Insurance numbers, sort codes written 12-34-56. Shapes that are ordinary without a cue (a date, eight
// digits, a street name) count only after a cue from rules/lexicons/personal-info.json ("my DOB is",
// "account number", "I live at"). Dates, years, money, scores and times are not personal data.
import personalInfoJson from '../../../rules/lexicons/personal-info.json';
import { parseLexicon } from '../../data/lexicons.js';
import { defineRule, type Hit } from '../rule.js';
import type { Doc } from '../text/doc.js';
import { PhraseMatcher, type PhraseMatch } from '../text/pattern.js';
import { SpanMask } from '../text/spans.js';

const LEX = parseLexicon(personalInfoJson, 'rules/lexicons/personal-info.json');
const cues = new PhraseMatcher(LEX.entries, LEX.classes ?? {});
const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const STREET_TYPES = [...new Set(LEX.classes?.['street-type'] ?? [])].sort((a, b) => b.length - a.length).map(escapeRe).join('|');

type Kind = 'phone' | 'email' | 'postcode' | 'address' | 'dob' | 'bank' | 'card' | 'ni';

const EMAIL = /(?<![A-Za-z0-9._%+-])[A-Za-z0-9][A-Za-z0-9._%+-]{0,63}@[A-Za-z0-9][A-Za-z0-9-]{0,62}(?:\.[A-Za-z0-9-]{1,63}){0,5}\.[A-Za-z]{2,24}(?![A-Za-z0-9-])/g;
const EMAIL_SPELT = /(?<![\w.])[A-Za-z0-9][\w.]{0,63} ?(?:\[at\]|\(at\)| at ) ?[A-Za-z0-9][\w-]{0,62}(?: ?(?:\[dot\]|\(dot\)| dot ) ?[A-Za-z0-9][\w-]{0,62}){1,4}(?![\w-])/gi;
const TLD = /(?:com|org|net|uk|co|sch|gov|ac|edu|io|me|info|biz)$/i;
const PHONE = /(?<![\w+])(?:\+|00)?\(?\d[\d ().-]{8,18}\d(?![\d])/g;
const POSTCODE = /(?<![A-Za-z0-9])(?:[A-Z]{1,2}\d[A-Z\d]?|GIR) ?\d[ABD-HJLNP-UW-Z]{2}(?![A-Za-z0-9])/g;
const POSTCODE_AT = /[A-Za-z]{1,2}\d[A-Za-z\d]? ?\d[A-Za-z]{2}(?![A-Za-z0-9])/y;
const HOUSE = new RegExp(`(?<![\\w£$.,:/-])\\d{1,4}[A-Za-z]?,? (?:[A-Z][a-z'’-]{1,20} ){1,3}(?:${STREET_TYPES.replace(/(^|\|)([a-z])/g, (_m, p: string, c: string) => `${p}[${c.toUpperCase()}${c}]`)})\\b`, 'g');
const STREET_AT = new RegExp(`(?:(?:flat|apartment|apt|unit) \\d{1,4}[A-Za-z]?,? )?(?:\\d{1,4}[A-Za-z]?,? )?(?!(?:the|a|an|my|our|this|that|your|his|her|their)\\b)(?:[A-Za-z][A-Za-z'’-]{1,20} ){1,3}(?:${STREET_TYPES})\\b`, 'iy');
const MONTHS = 'jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?';
const DATE_AT = new RegExp(
  `\\d{1,2}[/.-]\\d{1,2}[/.-]\\d{2,4}|\\d{1,2}(?:st|nd|rd|th)?(?: of)? (?:${MONTHS})\\b(?:,? \\d{4})?|(?:${MONTHS}) \\d{1,2}(?:st|nd|rd|th)?\\b(?:,? \\d{4})?`,
  'iy',
);
const SORT_DASHED = /(?<![\d-])\d{2}-\d{2}-\d{2}(?![\d-])/g;
const SORT_AT = /(?:\d{2}[ -]\d{2}[ -]\d{2}|\d{6})(?!\d)/y;
const ACCOUNT_AT = /\d{8}(?!\d)/y;
const CARD = /(?<![\d])\d(?:[ -]?\d){12,18}(?![\d])/g;
const IBAN = /(?<![A-Za-z0-9])[A-Z]{2}\d{2}(?: ?[A-Z0-9]{4}){2,7}(?: ?[A-Z0-9]{1,3})?(?![A-Za-z0-9])/g;
const NI = /(?<![A-Za-z0-9])(?!BG|GB|NK|KN|TN|NT|ZZ)[A-CEGHJ-PR-TW-Z][A-CEGHJ-NPR-TW-Z] ?\d{2} ?\d{2} ?\d{2} ?[A-D](?![A-Za-z0-9])/gi;

function* all(re: RegExp, s: string): Generator<RegExpExecArray> {
  re.lastIndex = 0;
  for (let m = re.exec(s); m; m = re.exec(s)) {
    yield m;
    if (m[0].length === 0) re.lastIndex++;
  }
}

function luhn(digits: string): boolean {
  let sum = 0;
  let dbl = false;
  for (let i = digits.length - 1; i >= 0; i--) {
    let d = digits.charCodeAt(i) - 48;
    if (dbl) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
    dbl = !dbl;
  }
  return sum % 10 === 0;
}

function ibanValid(s: string): boolean {
  const v = s.replace(/ /g, '');
  if (v.length < 15 || v.length > 34) return false;
  const r = v.slice(4) + v.slice(0, 4);
  let rem = 0;
  for (const ch of r) {
    const n = ch >= 'A' && ch <= 'Z' ? String(ch.charCodeAt(0) - 55) : ch;
    for (const d of n) rem = (rem * 10 + (d.charCodeAt(0) - 48)) % 97;
  }
  return rem === 1;
}

/** A UK phone number: 10 or 11 digits starting 0 (or +44 / 0044), grouped however. */
function ukPhone(raw: string): boolean {
  let d = raw.replace(/\D/g, '');
  const intl = raw.startsWith('+') || raw.startsWith('00');
  if (raw.startsWith('00')) d = d.slice(2);
  if (intl) {
    if (!d.startsWith('44')) return false;
    d = d.slice(2);
    if (!d.startsWith('0')) d = '0' + d;
  }
  if (!/^0[1-9]/.test(d)) return false;
  if (d.startsWith('07')) return d.length === 11;
  // freephone, non-geographic and premium numbers (0800, 0808, 0300, 0345, 0845, 09...) belong to charities,
  // councils and companies: "Lifeline is 0808 808 8000" shares a helpline, not a person's number
  if (/^0(8|9|3|500)/.test(d)) return false;
  if (!(d.length === 10 || d.length === 11)) return false;
  // brackets and separators must look like phone grouping, not a date or a score
  return !/^\d{1,2}[./-]\d{1,2}[./-]\d{2,4}$/.test(raw.trim());
}

/** Does dd-mm-yy read as a date? Then 01-09-24 is a date, not a sort code. */
function readsAsDate(s: string): boolean {
  const [a, b] = s.split(/[ -]/).map(Number) as [number, number];
  return a >= 1 && a <= 31 && b >= 1 && b <= 12;
}

interface Span {
  start: number;
  end: number;
  kind: Kind;
}

/** Cue matches of one id, sorted by where they end, so a value looks back at only the cues just before it. */
type CueEnds = Map<string, PhraseMatch[]>;

function cueEnds(found: PhraseMatch[]): CueEnds {
  const m: CueEnds = new Map();
  for (const c of found) {
    const l = m.get(c.id);
    if (l) l.push(c);
    else m.set(c.id, [c]);
  }
  for (const l of m.values()) l.sort((a, b) => a.end - b.end);
  return m;
}

/** Is there a cue phrase ending within `gap` characters before offset `at`, with only linking words between ("is", "number", ":")? */
function cueBefore(doc: Doc, found: CueEnds, id: string, at: number, gap: number): boolean {
  const list = found.get(id);
  if (!list) return false;
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid]!.end < at - gap) lo = mid + 1;
    else hi = mid;
  }
  for (let k = lo; k < list.length && list[k]!.end <= at; k++) if (LINK.test(doc.draft.slice(list[k]!.end, at))) return true;
  return false;
}

/** What may sit between a cue and its value: "my DOB is: 3/4/85", "account number - 12345678", "born on the 3rd". */
const LINK = /^[\s:,'’=#-]*(?:(?:is|was|are|on|at|in|of|the|number|no)\b[\s:,.'’=#-]*)*$/i;
const LINK_AT = /[\s:,'’=#-]*(?:(?:is|was|are|on|at|in|of|the|number|no)\b[\s:,.'’=#-]*)*/y;

/** The value right after a cue: `re` (sticky) run where the linking words after the cue end. */
function valueAfter(doc: Doc, cue: PhraseMatch, re: RegExp): { start: number; end: number } | null {
  LINK_AT.lastIndex = cue.end;
  const link = LINK_AT.exec(doc.draft);
  const at = cue.end + (link ? link[0].length : 0);
  re.lastIndex = at;
  const m = re.exec(doc.draft);
  return m && m[0].length ? { start: at, end: at + m[0].replace(/\s+$/, '').length } : null;
}

function findSpans(doc: Doc): Span[] {
  const s = doc.draft;
  const out: Span[] = [];
  // the first shape found keeps its characters: a later one overlapping it is the same data
  const taken = new SpanMask(s.length);
  const add = (start: number, end: number, kind: Kind) => {
    if (end <= start || taken.overlaps(start, end)) return;
    taken.add(start, end);
    out.push({ start, end, kind });
  };
  let cueMatches: PhraseMatch[] | null = null;
  const cueList = () => (cueMatches ??= cues.match(doc));
  let ends: CueEnds | null = null;
  const cueEndList = () => (ends ??= cueEnds(cueList()));

  if (s.includes('@')) for (const m of all(EMAIL, s)) add(m.index, m.index + m[0].length, 'email');
  if (/(?: dot |\[dot\]|\(dot\))/i.test(s)) {
    for (const m of all(EMAIL_SPELT, s)) if (/(?:\[dot\]|\(dot\)| dot )/i.test(m[0]) && TLD.test(m[0])) add(m.index, m.index + m[0].length, 'email');
  }
  for (const m of all(IBAN, s)) if (ibanValid(m[0])) add(m.index, m.index + m[0].length, 'bank');
  for (const m of all(NI, s)) add(m.index, m.index + m[0].length, 'ni');
  for (const m of all(CARD, s)) {
    const d = m[0].replace(/\D/g, '');
    if (d.length < 13 || d.length > 19 || !luhn(d)) continue;
    if (/^[3-6]/.test(d) || cueBefore(doc, cueEndList(), 'card', m.index, 20)) add(m.index, m.index + m[0].length, 'card');
  }
  for (const m of all(PHONE, s)) {
    // trim a closing bracket or dot the candidate swallowed
    const raw = m[0].replace(/[\s.(-]+$/, '');
    if (ukPhone(raw)) add(m.index, m.index + raw.length, 'phone');
  }
  for (const m of all(SORT_DASHED, s)) {
    if (!readsAsDate(m[0]) || cueBefore(doc, cueEndList(), 'sort-code', m.index, 16)) add(m.index, m.index + m[0].length, 'bank');
  }
  const list = cueList();
  for (const cue of list) {
    let v: { start: number; end: number } | null = null;
    if (cue.id === 'sort-code' && (v = valueAfter(doc, cue, SORT_AT))) add(v.start, v.end, 'bank');
    else if (cue.id === 'account' && (v = valueAfter(doc, cue, ACCOUNT_AT))) add(v.start, v.end, 'bank');
    else if (cue.id === 'dob' && (v = valueAfter(doc, cue, DATE_AT))) add(v.start, v.end, 'dob');
    else if (cue.id === 'address') {
      if ((v = valueAfter(doc, cue, STREET_AT))) add(v.start, v.end, 'address');
      else if ((v = valueAfter(doc, cue, POSTCODE_AT))) add(v.start, v.end, 'postcode');
    }
  }
  for (const m of all(POSTCODE, s)) add(m.index, m.index + m[0].length, 'postcode');
  for (const m of all(HOUSE, s)) add(m.index, m.index + m[0].length, 'address');
  return out;
}

export default defineRule({
  meta: {
    id: 'personal-info',
    description: 'Personal data: phone numbers, e-mail addresses, home address or postcode, date of birth, bank or card details, National Insurance numbers.',
    messages: {
      phone: { text: 'Shares a phone number.', policy: 'say personal details must not be posted online' },
      email: { text: 'Shares an e-mail address.', policy: 'say personal details must not be posted online' },
      postcode: { text: 'Shares a postcode, which can locate a home.', policy: 'say personal details must not be posted online' },
      address: { text: 'Shares a home address.', policy: 'say personal details must not be posted online' },
      dob: { text: 'Shares a date of birth.', policy: 'say personal details must not be posted online' },
      bank: { text: 'Shares bank details.', policy: 'say personal details must not be posted online' },
      card: { text: 'Shares a payment card number.', policy: 'say personal details must not be posted online' },
      ni: { text: 'Shares a National Insurance number.', policy: 'say personal details must not be posted online' },
    },
  },
  check(doc) {
    return findSpans(doc).map((sp): Hit => ({
      start: sp.start,
      end: sp.end,
      messageId: sp.kind,
      fix: { label: 'Remove this', start: sp.start, end: sp.end, replacement: '' },
    }));
  },
});
