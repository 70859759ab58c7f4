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
/** The most names one list takes (a large secondary has under 2,500 on roll; a trust's staff list more). */
export const MAX_NAMES = 20000;
// A name or term with no letter or digit ("'", "-", "- -") matches nothing and cannot be compiled.
const name = z
  .string()
  .trim()
  .refine((s) => /[\p{L}\p{N}]/u.test(s), { error: (iss) => (iss.input === '' ? 'empty name' : 'has no letter or digit in it') });
const names = (what: string) => z.array(name).max(MAX_NAMES).describe(what);
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
    rules: z.partialRecord(z.enum(RULE_IDS), clauseSchema).describe('The clause each rule cites, by rule id.').optional(),
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
  /** one entry of a list (or one rule's clause) was left out alone; the rest of the field applies */
  entry?: true;
}

/**
 * `ok` with `warnings`: the configuration is usable once the entries the warnings name are left out
 * (a blank roster line, a term with no word in it, names past the 20,000th). Not `ok`: a field as a
 * whole is wrong (a list given as a string, an unknown field), and `problems` names each.
 */
export type ParseResult = { ok: true; config: SchoolConfig; warnings: ConfigProblem[] } | { ok: false; problems: ConfigProblem[] };

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

function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let v: unknown = root;
  for (const p of path) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<PropertyKey, unknown>)[p];
  }
  return v;
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** The name lists, whose entries are independent: a bad one is left out alone. */
const LISTS = new Set(['pupils', 'staff', 'suppliers', 'school.aliases', 'school.trustAliases', 'school.classes', 'terms.confidential', 'terms.blocked', 'terms.allowed']);

type Issue = z.core.$ZodIssue;

function describe(issue: Issue, input: unknown): string {
  const got = valueAt(input, issue.path);
  if (issue.code === 'invalid_type') return `expected ${issue.expected}, got ${describeValue(got)}`;
  if (issue.code === 'invalid_value' && 'values' in issue)
    return `expected one of ${(issue.values as unknown[]).map((x) => JSON.stringify(x)).join(', ')}, got ${describeValue(got)}`;
  if (issue.code === 'custom' && typeof got === 'string' && got.trim()) return `${JSON.stringify(got.trim()).slice(0, 60)} ${issue.message}`;
  return issue.message;
}

function problemsOf(issues: readonly Issue[], input: unknown): ConfigProblem[] {
  const out: ConfigProblem[] = [];
  for (const issue of issues) {
    if (issue.code === 'unrecognized_keys') {
      for (const k of issue.keys) out.push({ path: pathOf([...issue.path, k]), message: `unknown field "${k}"` });
    } else out.push({ path: pathOf(issue.path), message: describe(issue, input) });
  }
  return out;
}

/** How an issue can be mended by leaving out the one entry it is about, if it can. */
type Repair = { kind: 'drop'; list: PropertyKey[]; index: number } | { kind: 'truncate'; list: PropertyKey[]; max: number } | { kind: 'unset'; at: PropertyKey[] };

function repairFor(issue: Issue): Repair | null {
  const path = issue.path;
  // an entry of a name list: pupils[3], school.aliases[0]
  for (let i = 1; i < path.length; i++) {
    if (typeof path[i] === 'number' && LISTS.has(path.slice(0, i).join('.'))) return { kind: 'drop', list: path.slice(0, i), index: path[i] as number };
  }
  if (issue.code === 'too_big' && issue.origin === 'array' && LISTS.has(path.join('.'))) return { kind: 'truncate', list: [...path], max: Number(issue.maximum) };
  // one rule's clause of the school's policy: policyClauses.rules.pupil-name.quote
  if (path[0] === 'policyClauses' && path[1] === 'rules' && path.length >= 3 && issue.code !== 'unrecognized_keys') return { kind: 'unset', at: path.slice(0, 3) };
  return null;
}

function entryProblem(issue: Issue, repair: Repair, input: unknown): ConfigProblem {
  if (repair.kind === 'truncate') {
    const n = (valueAt(input, repair.list) as unknown[]).filter((v) => name.safeParse(v).success).length;
    return { path: pathOf(repair.list), message: `${n} names, more than the ${repair.max} PostCheck takes: the last ${n - repair.max} ignored`, entry: true };
  }
  const note = repair.kind === 'unset' ? ' (this clause is ignored)' : ' (ignored)';
  return { path: pathOf(issue.path), message: `${describe(issue, input)}${note}`, entry: true };
}

/** Entries of a list past its limit: its invalid entries go first, so they never take a valid one's place. */
function invalidEntries(list: unknown, at: PropertyKey[]): Issue[] {
  if (!Array.isArray(list)) return [];
  const out: Issue[] = [];
  list.forEach((v, i) => {
    const r = name.safeParse(v);
    if (!r.success) for (const issue of r.error.issues) out.push({ ...issue, path: [...at, i, ...issue.path] } as Issue);
  });
  return out;
}

function applyRepairs(input: Record<string, unknown>, repairs: readonly Repair[]): Record<string, unknown> {
  const out = structuredClone(input);
  const drops = new Map<string, { list: PropertyKey[]; indexes: Set<number> }>();
  for (const r of repairs) {
    if (r.kind === 'drop') {
      const key = r.list.join('.');
      const d = drops.get(key) ?? { list: r.list, indexes: new Set<number>() };
      d.indexes.add(r.index);
      drops.set(key, d);
    } else if (r.kind === 'unset') {
      const parent = valueAt(out, r.at.slice(0, -1));
      if (isPlainObject(parent)) delete parent[r.at[r.at.length - 1] as string];
    }
  }
  const setAt = (at: PropertyKey[], v: unknown) => {
    const parent = valueAt(out, at.slice(0, -1));
    if (isPlainObject(parent)) parent[at[at.length - 1] as string] = v;
  };
  for (const { list, indexes } of drops.values()) {
    const arr = valueAt(out, list);
    if (Array.isArray(arr)) setAt(list, arr.filter((_, i) => !indexes.has(i)));
  }
  for (const r of repairs) {
    if (r.kind !== 'truncate') continue;
    const arr = valueAt(out, r.list);
    if (Array.isArray(arr)) setAt(r.list, arr.slice(0, r.max));
  }
  return out;
}

interface Validated {
  config: SchoolConfig | null;
  /** entries left out alone (each names its entry and says why) */
  dropped: ConfigProblem[];
  /** problems no single entry explains: the field named is wrong as a whole */
  problems: ConfigProblem[];
}

function validate(input: unknown): Validated {
  let r = configSchema.safeParse(input);
  if (r.success) return { config: r.data, dropped: [], problems: [] };
  if (!isPlainObject(input)) return { config: null, dropped: [], problems: problemsOf(r.error.issues, input) };
  let value: Record<string, unknown> = input;
  const dropped: ConfigProblem[] = [];
  // a repair can uncover another issue (a list past its limit once a bad entry is gone): a few passes
  for (let pass = 0; pass < 3; pass++) {
    const repairs: Repair[] = [];
    const whole: Issue[] = [];
    const issues = [...r.error.issues];
    for (const issue of r.error.issues) {
      if (issue.code === 'too_big' && repairFor(issue)?.kind === 'truncate') issues.push(...invalidEntries(valueAt(value, issue.path), [...issue.path]));
    }
    const seen = new Set<string>();
    for (const issue of issues) {
      const key = `${pathOf(issue.path)}:${issue.code}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const repair = repairFor(issue);
      if (repair) {
        repairs.push(repair);
        dropped.push(entryProblem(issue, repair, value));
      } else whole.push(issue);
    }
    if (whole.length) return { config: null, dropped, problems: problemsOf(whole, value) };
    value = applyRepairs(value, repairs);
    r = configSchema.safeParse(value);
    if (r.success) return { config: r.data, dropped, problems: [] };
  }
  return { config: null, dropped, problems: problemsOf(r.error.issues, value) };
}

/**
 * Parses a configuration; every problem names its field and says what was expected. A bad entry of
 * a list is left out alone (a warning), so one blank roster line never costs the whole roster.
 */
export function parseConfig(input: unknown): ParseResult {
  const v = validate(input);
  if (v.config && !v.problems.length) return { ok: true, config: v.config, warnings: v.dropped };
  return { ok: false, problems: [...v.problems, ...v.dropped] };
}

export function formatProblems(problems: ConfigProblem[]): string {
  return problems.map((p) => `${p.path}: ${p.message}`).join('\n');
}
