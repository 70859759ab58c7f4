// The engine's public contract. Rule ids are a public contract too (docs/rules.md): they appear in
// the managed-policy schema, the CLI output and the UI, so they are never renamed.

export const RULE_IDS = [
  'pupil-name',
  'pupil-reference',
  'staff-name',
  'school-identity',
  'confidential',
  'derogatory',
  'discriminatory',
  'profanity',
  'threat',
  'work-grievance',
  'gossip',
  'represents-school',
  'personal-info',
  'supplier',
  'pupil-contact',
  'disclaimer-missing',
  'pupil-image',
  'work-hours',
] as const;

export type RuleId = (typeof RULE_IDS)[number];

export const SEVERITIES = ['info', 'warn', 'block'] as const;
export type Severity = (typeof SEVERITIES)[number];
export type SeverityOrOff = Severity | 'off';

export const SITES = ['facebook', 'x', 'instagram', 'linkedin', 'threads', 'bluesky', 'youtube', 'reddit', 'other'] as const;
export type Site = (typeof SITES)[number];

/**
 * A policy clause a finding cites. `quote` is verbatim (whitespace-normalised). Either the school's
 * own clause (`own: true`, from the configuration's `policyClauses`) or one of the model policies
 * in docs/policies, which are other schools' words and are labelled as such wherever they are shown.
 */
export interface Citation {
  /** policy id: the file name in docs/policies without `.txt`, or `school` for the school's own clause */
  id: string;
  /** the policy's title, for people ("Scholars Academy Trust – Social Media Policy 2022") */
  title?: string;
  section: string;
  quote: string;
  /** where staff can read the clause (the school's own policy only) */
  url?: string;
  /** the school's own policy: present and true only then */
  own?: true;
}

/**
 * An action the UI can offer. It is one edit of the draft: replace [start, end) with `replacement`.
 * Appending is start = end = draft.length; removing is replacement ''. Never applied unless the user asks.
 */
export interface Fix {
  label: string;
  start: number;
  end: number;
  replacement: string;
}

export interface Finding {
  rule: RuleId;
  severity: Severity;
  /** UTF-16 offsets into the original draft. Draft-level findings use 0/0 or the span that caused them. */
  start: number;
  end: number;
  excerpt: string;
  /**
   * What the draft does, then whose policy speaks to it: "… Your school's policy (4.2) says: “…”" when
   * the school gave its own clause, "… School social media policies say …" when only model policies do.
   */
  message: string;
  /**
   * The primary clause: the school's own (`own: true`) when it gave one for this rule, else the model
   * policy that sets the severity; `citations` holds it first, then every model policy's.
   */
  policy: Citation;
  citations: Citation[];
  fix?: Fix;
}

/** Where and how the draft is being posted. */
export interface CheckContext {
  site?: Site;
  /** a photo or video is attached */
  media?: boolean;
  /** local wall-clock time of composing, ISO 8601 without zone ("2027-02-17T09:50:00") or a Date */
  at?: string | Date | null;
  /** the account holder said this is the school's own account (see pupil-image) */
  schoolAccount?: boolean;
  /** false: constructions only, no learned backstop (for the training script and measurements) */
  learned?: boolean;
}

export function severityRank(s: SeverityOrOff): number {
  return s === 'off' ? 0 : s === 'info' ? 1 : s === 'warn' ? 2 : 3;
}

export function maxSeverity<T extends SeverityOrOff>(a: T, b: T): T {
  return severityRank(a) >= severityRank(b) ? a : b;
}

export function minSeverity<T extends SeverityOrOff>(a: T, b: T): T {
  return severityRank(a) <= severityRank(b) ? a : b;
}
