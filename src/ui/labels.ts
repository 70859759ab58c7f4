// Plain-English names for rule ids, sites and sources, for the popup and options page. Typed over
// the id lists, so a new rule or site without a label fails the typecheck.
import type { ConfigSite } from '../config/schema.js';
import type { RuleId, Site } from '../engine/types.js';

export const RULE_LABELS: Record<RuleId, { name: string; about: string }> = {
  'pupil-name': { name: 'Pupil named', about: 'A pupil on the roster is named (full name, first name, initials, hashtag).' },
  'pupil-reference': { name: 'Pupil identifiable', about: 'A pupil or a pupil’s family can be identified without a name (“a child in my class”).' },
  'staff-name': { name: 'Colleague named', about: 'A colleague on the staff list is named.' },
  'school-identity': { name: 'School identified', about: 'The school or trust is named, or you say where you work.' },
  confidential: { name: 'Confidential matter', about: 'Safeguarding, SEND, exclusions, staff matters, finances, anything marked confidential.' },
  derogatory: { name: 'Derogatory remark', about: 'Insulting remarks about the school community.' },
  discriminatory: { name: 'Discriminatory language', about: 'Slurs or demeaning remarks about a protected characteristic.' },
  profanity: { name: 'Swearing', about: 'Swearing, obscene or explicit language.' },
  threat: { name: 'Threat or harassment', about: 'Threatening, intimidating or bullying language.' },
  'work-grievance': { name: 'Public grievance', about: 'Complaining publicly about the job, pay, conditions or leadership.' },
  gossip: { name: 'Gossip', about: 'Rumours or hearsay about the school or colleagues.' },
  'represents-school': { name: 'Speaking for the school', about: 'Presenting views as the school’s, or committing it.' },
  'personal-info': { name: 'Personal data', about: 'Addresses, phone numbers, e-mails, dates of birth, bank details.' },
  supplier: { name: 'Supplier', about: 'Endorsing or criticising one of the school’s suppliers.' },
  'pupil-contact': { name: 'Contact with pupils or parents', about: 'Inviting pupils or parents to contact your personal account.' },
  'disclaimer-missing': { name: 'No disclaimer', about: 'About work, without saying the views are your own.' },
  'pupil-image': { name: 'Photo of school life', about: 'A photo or video attached to a post about pupils, a class, a trip or an event.' },
  'work-hours': { name: 'During school hours', about: 'Posting on a personal account during school hours.' },
};

export const SITE_LABELS: Record<Site, string> = {
  facebook: 'Facebook',
  x: 'X (Twitter)',
  instagram: 'Instagram',
  linkedin: 'LinkedIn',
  threads: 'Threads',
  bluesky: 'Bluesky',
  youtube: 'YouTube',
  reddit: 'Reddit',
  other: 'Another site',
};

const { other: _other, ...configSites } = SITE_LABELS;
/** The sites a configuration can switch (every site but "other"); the keys are the list. */
export const CONFIG_SITE_LABELS: Record<ConfigSite, string> = configSites;

export const SEVERITY_LABELS = { info: 'Note', warn: 'Warning', block: 'Must fix', off: 'Off' } as const;

/** "1 must fix", "2 must fix", "1 warning", "2 warnings", "3 notes": a count of findings at one severity. */
export function severityCount(s: keyof typeof SEVERITY_COUNT, n: number): string {
  const [one, many] = SEVERITY_COUNT[s];
  return `${n} ${n === 1 ? one : many}`;
}
const SEVERITY_COUNT = { block: ['must fix', 'must fix'], warn: ['warning', 'warnings'], info: ['note', 'notes'] } as const;

/**
 * The sites PostCheck checks: those with a site adapter (src/content/sites; the README's site table
 * says how each is tested). Written out rather than read from the adapters, which would bring them
 * and zod into the popup and options bundles (100 KB); tests/ui/labels.test.ts keeps the two equal.
 * A configuration may name others, but the settings and the popup offer only these.
 */
export const SUPPORTED_SITES: readonly ConfigSite[] = ['facebook', 'x', 'instagram', 'linkedin', 'threads', 'bluesky', 'youtube', 'reddit'];
