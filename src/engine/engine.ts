// The engine: a pure function from (draft, context, compiled configuration) to findings.
// The configuration is compiled once (roster maps, lexicons, profile) and reused for every check.
import type { SchoolConfig } from '../config/schema.js';
import { resolveProfile, type ResolvedRule } from '../data/profiles.js';
import { citationsFor, wordMessage } from './citation.js';
import { bindClasses, type SchoolClasses } from './context.js';
import { compileClassNames } from './name-data.js';
import type { Hit, RuleModule } from './rule.js';
import { RULES } from './rules/index.js';
import { analyse } from './text/doc.js';
import { PhraseMatcher } from './text/pattern.js';
import { SpanIndex } from './text/spans.js';
import { minSeverity, RULE_IDS, type CheckContext, type Citation, type Finding, type RuleId, type Severity } from './types.js';

export const DEFAULT_DISCLAIMER = 'Views are my own.';

/** Drafts longer than this are checked up to this length (a post on any supported site is far shorter). */
export const MAX_DRAFT = 200_000;

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
}

function literalPhrases(id: string, terms: readonly string[] | undefined) {
  const patterns = (terms ?? [])
    .map((t) => t.replace(/[#@]/g, ' ').replace(/[^\p{L}\p{N}'’\s-]/gu, ' ').trim())
    .filter(Boolean);
  return patterns.length ? [{ id, patterns }] : [];
}

export function compileConfig(config: SchoolConfig): CompiledConfig {
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
  for (const rule of RULES) if (rule.compile) compiled.set(rule.meta.id, rule.compile(config));
  const allowedSources = literalPhrases('allowed', config.terms?.allowed);
  return {
    config,
    profile: { id: profile.id, title: profile.title },
    rules,
    disclaimer: config.disclaimer ?? DEFAULT_DISCLAIMER,
    allowed: allowedSources.length ? new PhraseMatcher(allowedSources) : null,
    compiled,
    classes: compileClassNames(config),
  };
}

const EMPTY_CITATION: Citation = { id: 'none', section: '', quote: '' };

export function check(draftIn: string, ctx: CheckContext, cfg: CompiledConfig): Finding[] {
  const draft = draftIn.length > MAX_DRAFT ? draftIn.slice(0, MAX_DRAFT) : draftIn;
  if (!/\S/.test(draft) && !ctx.media && !ctx.at) return [];
  const doc = analyse(draft);
  bindClasses(doc, cfg.classes);
  const hits = new Map<RuleId, Hit[]>();
  const allowedSpans = new SpanIndex(cfg.allowed ? cfg.allowed.match(doc) : []);
  const findings: Finding[] = [];
  for (const rule of RULES as ReadonlyArray<RuleModule>) {
    const id = rule.meta.id;
    let out = rule.check(doc, {
      ctx,
      config: cfg.config,
      compiled: cfg.compiled.get(id),
      hits,
      disclaimer: cfg.disclaimer,
    });
    if (rule.meta.lexical && allowedSpans.size) out = out.filter((h) => !allowedSpans.overlaps(h.start, h.end));
    hits.set(id, out);
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
