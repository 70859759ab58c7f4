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

/** The clause of a school's own policy that a finding cites. `quote` is verbatim (whitespace-normalised). */
export interface Citation {
  /** policy id: the file name in docs/policies without `.txt` */
  id: string;
  /** the policy's title, for people ("Scholars Academy Trust – Social Media Policy 2022") */
  title?: string;
  section: string;
  quote: string;
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
  message: string;
  /** The primary clause (the policy that sets the severity); under `combined`, `citations` holds every policy's. */
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
