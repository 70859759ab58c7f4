// The school configuration (docs/configuration.md). One zod schema serves the CLI's --config file, the options
// page, the built-in demo school and the managed policy school IT pushes; the managed-storage JSON
// schema in the extension is generated from it at build time, so the two cannot drift.
import * as z from 'zod';
import { RULE_IDS } from '../engine/types.js';

/** The five school policies, in the order `combined` cites them. Each is a file in docs/policies. */
export const POLICY_IDS = [
  'scholars-academy-trust-2022',
  'trust-networking-protocol',
  'glazebury-ce-primary-2019',
  'luton-hr-2024',
  'liverpool-schools-2023',
] as const;
export const PROFILE_IDS = ['combined', ...POLICY_IDS] as const;
export type ProfileId = (typeof PROFILE_IDS)[number];

export const CONFIG_SITES = ['facebook', 'x', 'instagram', 'linkedin', 'threads', 'bluesky', 'youtube', 'reddit'] as const;
export type ConfigSite = (typeof CONFIG_SITES)[number];

export const ENFORCEMENTS = ['advise', 'confirm', 'block'] as const;
export type Enforcement = (typeof ENFORCEMENTS)[number];

const DAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
const time = z
  .string()
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/, { message: 'expected a time as "HH:MM" (24-hour), e.g. "08:30"' })
  .describe('A time of day, "HH:MM" (24-hour).');
const name = z.string().trim().min(1, { message: 'expected a non-empty name' });
const names = (what: string) => z.array(name).max(20000).describe(what);
const severityOrOff = z.enum(['off', 'info', 'warn', 'block']);

export const schoolSchema = z
  .strictObject({
    name: z.string().trim().min(1).describe("The school's full name, e.g. \"St Aidan's CE Primary School\"."),
    aliases: names('Short names, hashtags and handles, e.g. "St Aidan\'s", "SAPS", "#StAidansPride", "@StAidansPri".').optional(),
    trust: z.string().trim().min(1).describe('The multi-academy trust or diocese the school belongs to.').optional(),
    trustAliases: names("Short names, hashtags and handles of the trust.").optional(),
    classes: names('Class, form and house names ("Kestrels", "Oak Class", "6H", "10JT"): a child mentioned with one is identifiable.').optional(),
  })
  .partial({ name: true })
  .describe('Who the school is, so posts that name it can be flagged.');

const httpsUrl = z
  .string()
  .trim()
  .max(2000)
  .regex(/^https?:\/\/[^\s]+$/, { message: 'expected a web address starting https://' })
  .describe('A web address, https://...');

/** A clause of the school's own policy. Quotes are shown to staff beside a finding, so they are kept short. */
export const clauseSchema = z
  .strictObject({
    section: z.string().trim().max(120, { message: 'expected a section name of at most 120 characters' }).describe('Section or paragraph, e.g. "4.2" or "Content of posts".').optional(),
    quote: z
      .string()
      .trim()
      .min(10, { message: 'expected the policy\'s own words, at least 10 characters' })
      .max(600, { message: 'expected a short quote, at most 600 characters: quote the one sentence that applies' })
      .describe("The policy's own words, verbatim: one or two sentences."),
    url: httpsUrl.optional(),
  })
  .describe("One clause of the school's own policy.");

export const policyClausesSchema = z
  .strictObject({
    title: z.string().trim().min(1).max(200).describe('The policy\'s title, e.g. "St Aidan\'s Social Media Policy (2025)".').optional(),
    url: httpsUrl.describe("Where staff can read the school's policy.").optional(),
    rules: z.partialRecord(z.enum(RULE_IDS), clauseSchema).describe('The clause each rule cites, by rule id.'),
  })
  .describe("The school's own policy clauses, cited instead of the model policies' words.");

export const configSchema = z
  .strictObject({
    policy: z.enum(PROFILE_IDS).describe('Which policy profile to apply. "combined" applies all five at their strictest.').optional(),
    school: schoolSchema.optional(),
    pupils: names('Pupils on roll, "First Last" or "First". May be thousands.').optional(),
    staff: names('Staff, titles optional ("Mrs Anita Patel", "Tom Hill").').optional(),
    suppliers: names("The school's suppliers and service providers.").optional(),
    terms: z
      .strictObject({
        confidential: names('School-specific confidential words, e.g. a project code name.').optional(),
        blocked: names('Words and phrases that are always blocked.').optional(),
        allowed: names('Words and phrases never flagged by word-list rules (the escape hatch for a false alarm).').optional(),
      })
      .describe('School-specific word lists.')
      .optional(),
    policyClauses: policyClausesSchema.optional(),
    disclaimer: z.string().trim().min(1).max(200).describe('The personal-views disclaimer the fix appends, e.g. "Views are my own."').optional(),
    enforcement: z.enum(ENFORCEMENTS).describe('What happens at Post: advise (never interrupt), confirm (ask), block (refuse on block-level findings).').optional(),
    rules: z
      .partialRecord(z.enum(RULE_IDS), severityOrOff)
      .describe('Per-rule severity override: off, info, warn or block.')
      .optional(),
    sites: z.partialRecord(z.enum(CONFIG_SITES), z.boolean()).describe('Which sites are checked.').optional(),
    schoolHours: z
      .strictObject({
        days: z.array(z.enum(DAYS)).describe('School days, e.g. ["mon","tue","wed","thu","fri"].').optional(),
        start: time.describe('Start of the school day, "HH:MM".'),
        end: time.describe('End of the school day, "HH:MM".'),
        breaks: z.array(z.tuple([time, time])).describe('Breaks, each ["HH:MM","HH:MM"].').optional(),
      })
      .describe('School hours, for the work-hours rule. Off when not set.')
      .optional(),
    locked: z.boolean().describe('Staff cannot change the settings IT has set.').optional(),
    statistics: z.boolean().describe('Keep local counts (never text) of checks and findings, for the school to see whether warnings work.').optional(),
  })
  .describe('PostCheck school configuration.');

export type SchoolConfig = z.infer<typeof configSchema>;

/** One problem with a configuration, naming the field. */
export interface ConfigProblem {
  path: string;
  message: string;
}

export type ParseResult = { ok: true; config: SchoolConfig } | { ok: false; problems: ConfigProblem[] };

function describeValue(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'a list';
  return typeof v === 'object' ? 'an object' : `${typeof v} ${JSON.stringify(v)}`.slice(0, 60);
}

function pathOf(path: PropertyKey[]): string {
  let out = '';
  for (const p of path) out += typeof p === 'number' ? `[${p}]` : out ? `.${String(p)}` : String(p);
  return out || '(top level)';
}

function valueAt(root: unknown, path: PropertyKey[]): unknown {
  let v: unknown = root;
  for (const p of path) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<PropertyKey, unknown>)[p];
  }
  return v;
}

/** Parses a configuration; every problem names its field and says what was expected. */
export function parseConfig(input: unknown): ParseResult {
  const r = configSchema.safeParse(input);
  if (r.success) return { ok: true, config: r.data };
  const problems: ConfigProblem[] = [];
  for (const issue of r.error.issues) {
    if (issue.code === 'unrecognized_keys') {
      for (const k of issue.keys) {
        problems.push({ path: pathOf([...issue.path, k]), message: `unknown field "${k}"` });
      }
      continue;
    }
    const got = valueAt(input, issue.path);
    let message = issue.message;
    if (issue.code === 'invalid_type') message = `expected ${issue.expected}, got ${describeValue(got)}`;
    else if (issue.code === 'invalid_value' && 'values' in issue)
      message = `expected one of ${(issue.values as unknown[]).map((x) => JSON.stringify(x)).join(', ')}, got ${describeValue(got)}`;
    problems.push({ path: pathOf(issue.path), message });
  }
  return { ok: false, problems };
}

export function formatProblems(problems: ConfigProblem[]): string {
  return problems.map((p) => `${p.path}: ${p.message}`).join('\n');
}
