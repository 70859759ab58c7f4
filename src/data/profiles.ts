// The policy profiles under rules/profiles/: each school policy as data (which rules it speaks to, at
// what severity, citing which clause), plus `combined`, the default profile that turns every rule on
// at the strictest severity any of the five policies gives it. Validated when this module loads, so
// a bad edit to the JSON fails loudly and early rather than as a wrong finding.
import * as z from 'zod';
import { POLICY_IDS } from '../config/schema.js';
import { RULE_IDS, maxSeverity, severityRank, type Citation, type RuleId, type Severity } from '../engine/types.js';
import { combinedProfileSchema, policyProfileSchema, type CombinedProfile, type PolicyProfile } from './schema.js';
import scholarsJson from '../../rules/profiles/scholars-academy-trust-2022.json';
import trustNetworkingJson from '../../rules/profiles/trust-networking-protocol.json';
import glazeburyJson from '../../rules/profiles/glazebury-ce-primary-2019.json';
import lutonJson from '../../rules/profiles/luton-hr-2024.json';
import liverpoolJson from '../../rules/profiles/liverpool-schools-2023.json';
import combinedJson from '../../rules/profiles/combined.json';

export { POLICY_IDS };
export type PolicyId = (typeof POLICY_IDS)[number];
export type ProfileId = PolicyId | 'combined';

/** One rule as a profile resolves it: its severity and the clauses it cites, the primary one first. */
export type ResolvedRule = { severity: Severity; citations: Citation[] };

export interface ResolvedProfile {
  id: string;
  title: string;
  /** A rule absent here is off in this profile. */
  rules: Partial<Record<RuleId, ResolvedRule>>;
}

function describeIssues(error: z.ZodError): string {
  return error.issues
    .map((issue) => `${issue.path.length ? issue.path.map(String).join('.') : '(root)'}: ${issue.message}`)
    .join('; ');
}

function parseProfile<T>(file: string, schema: z.ZodType<T>, data: unknown): T {
  const result = schema.safeParse(data);
  if (!result.success) {
    throw new Error(`rules/profiles/${file} is not a valid policy profile: ${describeIssues(result.error)}`);
  }
  return result.data;
}

function parsePolicy(expectedId: PolicyId, data: unknown): PolicyProfile {
  const file = `${expectedId}.json`;
  const profile = parseProfile(file, policyProfileSchema, data);
  if (profile.id !== expectedId) {
    throw new Error(`rules/profiles/${file}: field "id" is "${profile.id}", expected "${expectedId}" (the file name)`);
  }
  return profile;
}

const policies: Record<PolicyId, PolicyProfile> = {
  'scholars-academy-trust-2022': parsePolicy('scholars-academy-trust-2022', scholarsJson),
  'trust-networking-protocol': parsePolicy('trust-networking-protocol', trustNetworkingJson),
  'glazebury-ce-primary-2019': parsePolicy('glazebury-ce-primary-2019', glazeburyJson),
  'luton-hr-2024': parsePolicy('luton-hr-2024', lutonJson),
  'liverpool-schools-2023': parsePolicy('liverpool-schools-2023', liverpoolJson),
};

const combined: CombinedProfile = parseProfile('combined.json', combinedProfileSchema, combinedJson);

function isPolicyId(id: string): id is PolicyId {
  return (POLICY_IDS as readonly string[]).includes(id);
}

combined.combines.forEach((id, i) => {
  if (!isPolicyId(id)) {
    throw new Error(`rules/profiles/combined.json: field "combines.${i}" names unknown policy "${id}"`);
  }
});
for (const [rule, entry] of Object.entries(combined.fallback ?? {})) {
  if (entry && !isPolicyId(entry.policy)) {
    throw new Error(`rules/profiles/combined.json: field "fallback.${rule}.policy" names unknown policy "${entry.policy}"`);
  }
}

/** Every profile, parsed and validated. */
export const PROFILES: Readonly<Record<PolicyId, PolicyProfile> & { combined: CombinedProfile }> = Object.freeze({
  ...policies,
  combined,
});

function resolvePolicy(profile: PolicyProfile): ResolvedProfile {
  const rules: Partial<Record<RuleId, ResolvedRule>> = {};
  for (const rule of RULE_IDS) {
    const entry = profile.rules[rule];
    if (entry) {
      rules[rule] = {
        severity: entry.severity,
        citations: [{ id: profile.id, title: profile.title, section: entry.section, quote: entry.quote }],
      };
    }
  }
  return { id: profile.id, title: profile.title, rules };
}

function resolveCombined(): ResolvedProfile {
  const members = combined.combines.filter(isPolicyId).map((id) => policies[id]);
  const rules: Partial<Record<RuleId, ResolvedRule>> = {};
  for (const rule of RULE_IDS) {
    const having = members.flatMap((p) => {
      const entry = p.rules[rule];
      return entry ? [{ severity: entry.severity, citation: { id: p.id, title: p.title, section: entry.section, quote: entry.quote } }] : [];
    });
    if (having.length > 0) {
      const severity = having.map((h) => h.severity).reduce((a, b) => maxSeverity(a, b));
      // Primary citation: the first policy (in `combines` order) that sets the strictest severity.
      const primary = having.find((h) => severityRank(h.severity) === severityRank(severity))!;
      rules[rule] = {
        severity,
        citations: [primary.citation, ...having.filter((h) => h !== primary).map((h) => h.citation)],
      };
      continue;
    }
    const fallback = combined.fallback?.[rule];
    if (fallback) {
      rules[rule] = {
        severity: fallback.severity,
        citations: [{ id: fallback.policy, title: profileTitle(fallback.policy), section: fallback.section, quote: fallback.quote }],
      };
    }
  }
  return { id: combined.id, title: combined.title, rules };
}

const resolved = new Map<string, ResolvedProfile>();

/**
 * The rules a profile turns on, each with its severity and citations. For a single policy, the
 * rules it speaks to. For `combined`, every rule any of its policies (or its fallback) speaks to,
 * at the strictest severity, citing every policy that has the clause. Unknown ids throw.
 */
export function resolveProfile(id: string): ResolvedProfile {
  const cached = resolved.get(id);
  if (cached) return structuredClone(cached);
  let profile: ResolvedProfile;
  if (id === 'combined') profile = resolveCombined();
  else if (isPolicyId(id)) profile = resolvePolicy(policies[id]);
  else throw new Error(`unknown policy profile "${id}"`);
  resolved.set(id, profile);
  return structuredClone(profile);
}

/** The human title of a profile. Unknown ids throw. */
export function profileTitle(id: string): string {
  if (id === 'combined') return combined.title;
  if (isPolicyId(id)) return policies[id].title;
  throw new Error(`unknown policy profile "${id}"`);
}
