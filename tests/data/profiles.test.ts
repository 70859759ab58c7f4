import { readFileSync, readdirSync } from 'node:fs';
import { describe, it, expect } from 'vitest';
import { RULE_IDS, SEVERITIES, severityRank, type RuleId, type Severity } from '../../src/engine/types.js';
import { combinedProfileSchema, policyProfileSchema } from '../../src/data/schema.js';
import { POLICY_IDS, PROFILES, profileTitle, resolveProfile } from '../../src/data/profiles.js';

const DOCS = new URL('../../docs/', import.meta.url);
const POLICIES_DIR = new URL('policies/', DOCS);
const PROFILES_DIR = new URL('../../rules/profiles/', import.meta.url);

/** Whitespace collapsed, `**`/`*` emphasis removed, curly quotes straightened — and nothing else. */
function normalise(text: string): string {
  return text
    .replace(/\*\*/g, '')
    .replace(/\*/g, '')
    .replace(/[\u2018\u2019\u201A\u201B]/g, "'")
    .replace(/[\u201C\u201D\u201E\u201F]/g, '"')
    .replace(/\s+/g, ' ')
    .trim();
}

function readJson(file: string): unknown {
  return JSON.parse(readFileSync(new URL(file, PROFILES_DIR), 'utf8'));
}

function policyText(id: string): string {
  return normalise(readFileSync(new URL(`${id}.txt`, POLICIES_DIR), 'utf8'));
}

/** The "default severity" column of docs/rules.md's rules table (first word of the cell). */
function defaultSeverities(): Record<string, Severity> {
  const rulesMd = readFileSync(new URL('rules.md', DOCS), 'utf8');
  const out: Record<string, Severity> = {};
  for (const line of rulesMd.split('\n')) {
    const m = /^\|\s*`([a-z-]+)`\s*\|\s*([a-z]+)/.exec(line);
    if (m && (SEVERITIES as readonly string[]).includes(m[2]!)) out[m[1]!] = m[2] as Severity;
  }
  return out;
}

const DEFAULTS = defaultSeverities();
const singlePolicies = POLICY_IDS.map((id) => policyProfileSchema.parse(readJson(`${id}.json`)));

describe('policy profile data', () => {
  it('docs/rules.md gives a default severity for every rule id', () => {
    expect(Object.keys(DEFAULTS).sort()).toEqual([...RULE_IDS].sort());
    expect(DEFAULTS['profanity']).toBe('warn');
  });

  it('holds exactly the five policy profiles and combined', () => {
    const files = readdirSync(PROFILES_DIR).filter((f) => f.endsWith('.json')).sort();
    expect(files).toEqual([...POLICY_IDS.map((id) => `${id}.json`), 'combined.json'].sort());
  });

  it.each(POLICY_IDS)('%s.json parses with policyProfileSchema and its id matches its file', (id) => {
    const parsed = policyProfileSchema.safeParse(readJson(`${id}.json`));
    expect(parsed.success, parsed.success ? '' : JSON.stringify(parsed.error.issues)).toBe(true);
    expect(parsed.data!.id).toBe(id);
    expect(PROFILES[id]).toEqual(parsed.data);
  });

  it('combined.json parses with combinedProfileSchema and combines the five', () => {
    const parsed = combinedProfileSchema.safeParse(readJson('combined.json'));
    expect(parsed.success, parsed.success ? '' : JSON.stringify(parsed.error.issues)).toBe(true);
    expect([...parsed.data!.combines].sort()).toEqual([...POLICY_IDS].sort());
    for (const [rule, fb] of Object.entries(parsed.data!.fallback ?? {})) {
      // A fallback is only for a rule none of the five speaks to.
      expect(singlePolicies.some((p) => p.rules[rule as RuleId]), `fallback for ${rule}`).toBe(false);
      expect(POLICY_IDS as readonly string[]).toContain(fb!.policy);
    }
  });

  const quotes = singlePolicies.flatMap((p) =>
    Object.entries(p.rules).map(([rule, r]) => ({ policy: p.id, rule, section: r!.section, quote: r!.quote })),
  );
  const fallbackQuotes = Object.entries(PROFILES.combined.fallback ?? {}).map(([rule, fb]) => ({
    policy: fb!.policy,
    rule,
    section: fb!.section,
    quote: fb!.quote,
  }));

  it.each([...quotes, ...fallbackQuotes])('$policy / $rule: quote is verbatim from the policy text', ({ policy, quote }) => {
    expect(quote).not.toMatch(/\*/);
    expect(policyText(policy)).toContain(normalise(quote));
  });

  it('no single-policy profile exceeds the docs/rules.md default severity', () => {
    for (const p of singlePolicies) {
      for (const [rule, r] of Object.entries(p.rules)) {
        const def = DEFAULTS[rule]!;
        expect(severityRank(r!.severity), `${p.id} / ${rule}: ${r!.severity} > ${def}`).toBeLessThanOrEqual(severityRank(def));
      }
    }
  });
});

describe('resolveProfile', () => {
  it.each(POLICY_IDS)('%s resolves to exactly its own rules, citing itself', (id) => {
    const profile = resolveProfile(id);
    const data = PROFILES[id];
    expect(profile.id).toBe(id);
    expect(profile.title).toBe(data.title);
    expect(profileTitle(id)).toBe(data.title);
    expect(Object.keys(profile.rules).sort()).toEqual(Object.keys(data.rules).sort());
    for (const [rule, r] of Object.entries(profile.rules)) {
      const entry = data.rules[rule as RuleId]!;
      expect(r!.severity).toBe(entry.severity);
      expect(r!.citations).toEqual([{ id, title: data.title, section: entry.section, quote: entry.quote }]);
    }
  });

  it('combined turns on every rule at the docs/rules.md default severity', () => {
    const combined = resolveProfile('combined');
    expect(combined.id).toBe('combined');
    expect(profileTitle('combined')).toBe(PROFILES.combined.title);
    for (const rule of RULE_IDS) {
      expect(combined.rules[rule], rule).toBeDefined();
      expect(combined.rules[rule]!.severity, rule).toBe(DEFAULTS[rule]);
    }
  });

  it('combined cites every policy that has the rule, the strictest first, then in combines order', () => {
    const combined = resolveProfile('combined');
    const order = PROFILES.combined.combines;
    for (const rule of RULE_IDS) {
      const resolved = combined.rules[rule]!;
      const having = order.filter((id) => PROFILES[id as (typeof POLICY_IDS)[number]].rules[rule]);
      if (having.length === 0) {
        const fb = PROFILES.combined.fallback?.[rule];
        expect(fb, `${rule} needs a fallback`).toBeDefined();
        expect(resolved.citations).toEqual([{ id: fb!.policy, title: profileTitle(fb!.policy), section: fb!.section, quote: fb!.quote }]);
        continue;
      }
      expect(resolved.citations.map((c) => c.id).sort(), rule).toEqual([...having].sort());
      const primary = resolved.citations[0]!;
      const primaryEntry = PROFILES[primary.id as (typeof POLICY_IDS)[number]].rules[rule]!;
      expect(primaryEntry.severity, `${rule} primary citation`).toBe(resolved.severity);
      expect(primary).toEqual({ id: primary.id, title: profileTitle(primary.id), section: primaryEntry.section, quote: primaryEntry.quote });
      const expectedRest = having.filter((id) => id !== primary.id);
      expect(resolved.citations.slice(1).map((c) => c.id), rule).toEqual(expectedRest);
      expect(having.find((id) => PROFILES[id as (typeof POLICY_IDS)[number]].rules[rule]!.severity === resolved.severity)).toBe(
        primary.id,
      );
    }
  });

  it('unknown ids throw', () => {
    expect(() => resolveProfile('x')).toThrow('unknown policy profile "x"');
    expect(() => profileTitle('x')).toThrow('unknown policy profile "x"');
  });

  it('callers cannot change the resolved profile for others', () => {
    const first = resolveProfile('combined');
    first.rules['pupil-name']!.severity = 'info';
    expect(resolveProfile('combined').rules['pupil-name']!.severity).toBe('block');
  });
});
