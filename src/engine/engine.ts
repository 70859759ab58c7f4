// The engine: a pure function from (draft, context, compiled configuration) to findings.
// The configuration is compiled once (roster maps, lexicons, profile) and reused for every check.
import type { ConfigProblem, SchoolConfig } from '../config/schema.js';
import { resolveProfile, type ResolvedRule } from '../data/profiles.js';
import { citationsFor, wordMessage } from './citation.js';
import { bindClasses, type SchoolClasses } from './context.js';
import { compileClassNames } from './name-data.js';
import type { Hit, RuleModule } from './rule.js';
import { RULES } from './rules/index.js';
import { analyse, type Doc } from './text/doc.js';
import { PhraseMatcher } from './text/pattern.js';
import { SpanIndex } from './text/spans.js';
import { minSeverity, RULE_IDS, type CheckContext, type Citation, type Finding, type RuleId, type Severity } from './types.js';

export const DEFAULT_DISCLAIMER = 'Views are my own.';

/**
 * Drafts up to this length are checked whole; a longer one in windows of at most this length (see
 * draftWindows), so nothing past the cap goes unchecked. A post on any supported site is far shorter.
 */
export const MAX_DRAFT = 200_000;
/** Words a window reads on each side of the part it reports on, so a finding at a cut keeps its context. */
const WINDOW_MARGIN = 2_000;
/** From this length a cooperative check hands the thread back between rules (checkCooperatively). */
const SLICE_FROM = 5_000;

/**
 * Rules that say one thing about the whole draft (a zero-width hit at its start) from whether other
 * rules hit; they run last. In a windowed draft they run once, over the last window (where a
 * disclaimer is signed and a fix appends), with every window's hits.
 */
const DRAFT_RULES: ReadonlySet<RuleId> = new Set<RuleId>(['work-hours', 'pupil-image', 'disclaimer-missing']);

export interface CompiledConfig {
  config: SchoolConfig;
  profile: { id: string; title: string };
  /** Rules that are on, at their effective severity, with the clauses they cite. */
  rules: ReadonlyMap<RuleId, ResolvedRule>;
  disclaimer: string;
  allowed: PhraseMatcher | null;
  compiled: ReadonlyMap<RuleId, unknown>;
  /** the school's class, form and house names, bound to each draft (context.ts reads them as school groups) */
  classes: SchoolClasses | null;
  /** rules whose data could not be compiled even empty: they do not run */
  broken: ReadonlySet<RuleId>;
  /** parts of the configuration that could not be compiled, each naming what was skipped */
  skipped: ConfigProblem[];
}

function literalPhrases(id: string, terms: readonly string[] | undefined) {
  const patterns = (terms ?? [])
    .map((t) => t.replace(/[#@]/g, ' ').replace(/[^\p{L}\p{N}'’\s-]/gu, ' ').trim())
    .filter(Boolean);
  return patterns.length ? [{ id, patterns }] : [];
}

/**
 * A school's term as the pattern language reads it: words only. A stray apostrophe or dash between
 * words ("Project ' Falcon") is not a word and would stop the term compiling; the words still match.
 */
function cleanTerm(t: string): string {
  return t
    .replace(/[#@]/g, ' ')
    .replace(/[^\p{L}\p{N}'’\s-]/gu, ' ')
    .split(/\s+/)
    .filter((w) => /[\p{L}\p{N}]/u.test(w))
    .join(' ');
}

function withCleanTerms(config: SchoolConfig): SchoolConfig {
  if (!config.terms) return config;
  const terms: NonNullable<SchoolConfig['terms']> = {};
  for (const [k, list] of Object.entries(config.terms) as Array<[keyof typeof terms, string[] | undefined]>) {
    if (list) terms[k] = list.map(cleanTerm).filter(Boolean);
  }
  return { ...config, terms };
}

/**
 * Compiles each part (each rule's data, the allowed terms) on its own, so data one part cannot use
 * costs that part alone, never the roster and every other setting: the part runs without the
 * school's data and `skipped` says so (shown with the configuration's problems).
 */
export function compileConfig(configIn: SchoolConfig): CompiledConfig {
  const config = withCleanTerms(configIn);
  const skipped: ConfigProblem[] = [];
  const profileId = config.policy ?? 'combined';
  const profile = resolveProfile(profileId);
  const combined = profileId === 'combined' ? profile : resolveProfile('combined');
  const rules = new Map<RuleId, ResolvedRule>();
  for (const id of RULE_IDS) {
    const base = profile.rules[id];
    const override = config.rules?.[id];
    if (override === 'off') continue;
    if (override) {
      // a school may switch on a rule its policy does not speak to: cite where the other policies do
      const citations = base?.citations ?? combined.rules[id]?.citations ?? [];
      rules.set(id, { severity: override, citations: citationsFor(config, id, citations) });
    } else if (base) rules.set(id, { severity: base.severity, citations: citationsFor(config, id, base.citations) });
  }
  const compiled = new Map<RuleId, unknown>();
  const broken = new Set<RuleId>();
  for (const rule of RULES) {
    if (!rule.compile) continue;
    const id = rule.meta.id;
    try {
      compiled.set(id, rule.compile(config));
    } catch (e) {
      skipped.push({ path: `(rule ${id})`, message: `PostCheck could not use the school's data for this rule (${(e as Error).message}), so it checks without it` });
      try {
        compiled.set(id, rule.compile({}));
      } catch {
        broken.add(id);
      }
    }
  }
  let allowed: PhraseMatcher | null = null;
  const allowedSources = literalPhrases('allowed', config.terms?.allowed);
  try {
    // compiled now, so a phrase it cannot use is reported here, not at the first check
    if (allowedSources.length) allowed = new PhraseMatcher(allowedSources).compileAll();
  } catch (e) {
    skipped.push({ path: 'terms.allowed', message: `could not be used (${(e as Error).message}), so nothing is exempted` });
  }
  let classes: SchoolClasses | null = null;
  try {
    classes = compileClassNames(config);
  } catch (e) {
    skipped.push({ path: 'school.classes', message: `could not be used (${(e as Error).message}), so class names are not checked` });
  }
  return {
    config,
    profile: { id: profile.id, title: profile.title },
    rules,
    disclaimer: config.disclaimer ?? DEFAULT_DISCLAIMER,
    allowed,
    compiled,
    classes,
    broken,
    skipped,
  };
}

const EMPTY_CITATION: Citation = { id: 'none', section: '', quote: '' };

/** A window of a long draft: the text it reads [from, to) and the part it reports on [ownFrom, ownTo). */
export interface DraftWindow {
  from: number;
  to: number;
  ownFrom: number;
  ownTo: number;
}

const isSpace = (c: number) => c === 32 || c === 9 || c === 10 || c === 13 || c === 0xa0 || (c >= 0x2000 && c <= 0x200b) || c === 0x3000;
const isHighSurrogate = (c: number) => c >= 0xd800 && c <= 0xdbff;

/** Where to end a window's own part: the last line or sentence end in (min, at], else the last space, else at. */
function cutBefore(draft: string, at: number, min: number): number {
  let space = -1;
  for (let k = at; k > min; k--) {
    const c = draft.charCodeAt(k - 1);
    if (c === 10) return k;
    if (isSpace(c)) {
      const p = draft.charCodeAt(k - 2);
      if (p === 46 || p === 33 || p === 63) return k; // . ! ?
      if (space < 0) space = k;
    }
  }
  if (space >= 0) return space;
  return isHighSurrogate(draft.charCodeAt(at - 1)) ? at - 1 : at;
}

/** A margin's edge at a space between `near` and `limit` (either direction), else `near`. */
function edgeAt(draft: string, near: number, limit: number): number {
  const dir = limit >= near ? 1 : -1;
  for (let k = near; k !== limit; k += dir) if (isSpace(draft.charCodeAt(k))) return k;
  return isHighSurrogate(draft.charCodeAt(near - 1)) ? near + dir : near;
}

/**
 * The windows a draft is checked in: one for a draft up to `size`, else windows of at most `size`
 * whose own parts tile the draft, cut at a line or sentence end where there is one, each reading
 * `margin` characters of the text either side of its own part.
 */
export function draftWindows(draft: string, size = MAX_DRAFT, margin = WINDOW_MARGIN): DraftWindow[] {
  const n = draft.length;
  if (n <= size) return [{ from: 0, to: n, ownFrom: 0, ownTo: n }];
  const step = size - 2 * margin;
  if (step < 2) throw new Error('draftWindows: the margins leave no room in a window');
  const windows: DraftWindow[] = [];
  for (let own = 0; own < n; ) {
    const ownTo = own + step >= n ? n : cutBefore(draft, own + step, own + (step >> 1));
    const from = own === 0 ? 0 : edgeAt(draft, Math.max(0, own - margin), own);
    const to = ownTo === n ? n : edgeAt(draft, Math.min(n, ownTo + margin), ownTo);
    windows.push({ from, to, ownFrom: own, ownTo });
    own = ownTo;
  }
  return windows;
}

function analysed(text: string, cfg: CompiledConfig): Doc {
  const doc = analyse(text);
  bindClasses(doc, cfg.classes);
  return doc;
}

/**
 * Runs `rules` over one analysed text, adding their hits to `hits`, and yields after each rule when
 * `slice`. `seen` holds what the rules read as other rules' hits (for a draft rule in a windowed
 * draft, every window's, of which it reads only whether there are any).
 */
function* runRules(doc: Doc, ctx: CheckContext, cfg: CompiledConfig, rules: ReadonlyArray<RuleModule>, hits: Map<RuleId, Hit[]>, seen: Map<RuleId, Hit[]> = hits, slice = false): Generator<void, void> {
  const allowedSpans = new SpanIndex(cfg.allowed ? cfg.allowed.match(doc) : []);
  for (const rule of rules) {
    const id = rule.meta.id;
    if (cfg.broken.has(id)) continue;
    let out = rule.check(doc, { ctx, config: cfg.config, compiled: cfg.compiled.get(id), hits: seen, disclaimer: cfg.disclaimer });
    if (rule.meta.lexical && allowedSpans.size) out = out.filter((h) => !allowedSpans.overlaps(h.start, h.end));
    hits.set(id, out);
    seen.set(id, out);
    if (slice) yield;
  }
}

/** Every rule's hits over a draft past the cap, window by window, at their places in the draft. */
function* windowedHits(draft: string, ctx: CheckContext, cfg: CompiledConfig): Generator<void, Map<RuleId, Hit[]>> {
  const all = new Map<RuleId, Hit[]>();
  const spanRules = RULES.filter((r) => !DRAFT_RULES.has(r.meta.id)) as ReadonlyArray<RuleModule>;
  const draftRules = RULES.filter((r) => DRAFT_RULES.has(r.meta.id)) as ReadonlyArray<RuleModule>;
  const windows = draftWindows(draft);
  for (const [k, w] of windows.entries()) {
    const local = new Map<RuleId, Hit[]>();
    const doc = analysed(draft.slice(w.from, w.to), cfg);
    yield* runRules(doc, ctx, cfg, spanRules, local, local, true);
    for (const [id, hs] of local) {
      const list = all.get(id) ?? [];
      for (const h of hs) {
        const start = h.start + w.from;
        if (start < w.ownFrom || start >= w.ownTo) continue;
        const moved: Hit = { ...h, start, end: h.end + w.from };
        if (h.fix) moved.fix = { ...h.fix, start: h.fix.start + w.from, end: h.fix.end + w.from };
        list.push(moved);
      }
      all.set(id, list);
    }
    if (k < windows.length - 1) continue;
    // the draft rules, once: over the last window, reading whether any window hit
    const drafted = new Map<RuleId, Hit[]>();
    const seen = new Map<RuleId, Hit[]>(all);
    yield* runRules(doc, ctx, cfg, draftRules, drafted, seen, true);
    for (const [id, hs] of drafted) {
      all.set(
        id,
        hs.map((h) => (h.fix ? { ...h, fix: { ...h.fix, start: h.fix.start + w.from, end: h.fix.end + w.from } } : h)),
      );
    }
  }
  return all;
}

/** The check as steps: it yields where a long draft may hand the thread back. */
function* checkSteps(draft: string, ctx: CheckContext, cfg: CompiledConfig): Generator<void, Finding[]> {
  if (!/\S/.test(draft) && !ctx.media && !ctx.at) return [];
  let hits: Map<RuleId, Hit[]>;
  if (draft.length <= MAX_DRAFT) {
    hits = new Map();
    yield* runRules(analysed(draft, cfg), ctx, cfg, RULES as ReadonlyArray<RuleModule>, hits, hits, draft.length >= SLICE_FROM);
  } else hits = yield* windowedHits(draft, ctx, cfg);
  const findings: Finding[] = [];
  for (const rule of RULES as ReadonlyArray<RuleModule>) {
    const id = rule.meta.id;
    const out = hits.get(id) ?? [];
    const on = cfg.rules.get(id);
    if (!on && !out.some((h) => h.force)) continue;
    const seen = new Set<string>();
    for (const h of out) {
      const key = `${h.start}:${h.end}:${h.messageId}`;
      if (seen.has(key)) continue;
      seen.add(key);
      let severity: Severity;
      if (h.force) severity = h.force;
      else if (on) severity = h.cap ? minSeverity(on.severity, h.cap) : on.severity;
      else continue;
      const citations = on?.citations ?? cfg.rules.get('confidential')?.citations ?? [];
      const finding: Finding = {
        rule: id,
        severity,
        start: h.start,
        end: h.end,
        excerpt: draft.slice(h.start, h.end),
        message: wordMessage(rule.meta.messages[h.messageId], h.messageId, h.data, citations[0]),
        policy: citations[0] ?? EMPTY_CITATION,
        citations,
      };
      if (h.fix) finding.fix = h.fix;
      findings.push(finding);
    }
  }
  findings.sort((a, b) => a.start - b.start || a.end - b.end || a.rule.localeCompare(b.rule));
  return findings;
}

export function check(draft: string, ctx: CheckContext, cfg: CompiledConfig): Finding[] {
  const steps = checkSteps(draft, ctx, cfg);
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
  }
}

/** Hands the thread back to the event loop: a macrotask, so other messages are read in between. */
const handBack = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

/**
 * The same check, handing the thread back between rules (and windows) of a long draft, so one long
 * draft does not hold up the checks of other tabs: theirs run in between. A short draft runs at once.
 */
export async function checkCooperatively(draft: string, ctx: CheckContext, cfg: CompiledConfig, pause: () => Promise<void> = handBack): Promise<Finding[]> {
  const steps = checkSteps(draft, ctx, cfg);
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
    await pause();
  }
}

/** The severest level among findings, or null for a clean draft. */
export function worst(findings: readonly Finding[]): Severity | null {
  let w: Severity | null = null;
  for (const f of findings) {
    if (f.severity === 'block') return 'block';
    if (f.severity === 'warn') w = 'warn';
    else if (!w) w = 'info';
  }
  return w;
}
