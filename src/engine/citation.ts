// Which clause a finding cites, and whose words the message says they are. A school that gives its
// own clause for a rule (`policyClauses` in the configuration) is cited first, in its own words; a
// school that gives none is shown the model policies' clauses, and the message says what school
// policies say, never "Your policy" over another school's words (docs/configuration.md).
import type { SchoolConfig } from '../config/schema.js';
import type { RuleMessage } from './rule.js';
import type { Citation, RuleId } from './types.js';

/** The id an own clause carries in place of a docs/policies file name. */
export const OWN_POLICY_ID = 'school';

/** The school's own clause for a rule, or null when its configuration gives none. */
export function ownCitation(config: SchoolConfig, rule: RuleId): Citation | null {
  const clauses = config.policyClauses;
  const clause = clauses?.rules?.[rule];
  if (!clause) return null;
  const c: Citation = { id: OWN_POLICY_ID, title: clauses.title ?? "Your school's policy", section: clause.section ?? '', quote: clause.quote, own: true };
  const url = clause.url ?? clauses.url;
  if (url) c.url = url;
  return c;
}

/** A rule's citations: the school's own clause first when it has one, then the model policies'. */
export function citationsFor(config: SchoolConfig, rule: RuleId, model: readonly Citation[]): Citation[] {
  const own = ownCitation(config, rule);
  return own ? [own, ...model] : [...model];
}

function fill(template: string, data: Record<string, string> | undefined): string {
  if (!data) return template;
  return template.replace(/\{(\w+)\}/g, (m, k: string) => data[k] ?? m);
}

/**
 * The finding's message: what the draft does, then the attribution chosen by whose clause is cited.
 * The school's own clause is quoted verbatim; a model policy's gist is said of school policies in
 * general, and the clause itself is shown under a "Model policy" label by each UI.
 */
export function wordMessage(template: string | RuleMessage | undefined, fallback: string, data: Record<string, string> | undefined, primary: Citation | undefined): string {
  const m: RuleMessage = typeof template === 'string' ? { text: template } : (template ?? { text: fallback });
  const text = fill(m.text, data);
  if (primary?.own) return `${text} Your school's policy${primary.section ? ` (${primary.section})` : ''} says: “${primary.quote}”`;
  if (primary && primary.quote && m.policy) return `${text} School social media policies ${fill(m.policy, data)}.`;
  return text;
}

/** The words a UI puts before a cited clause, so a model policy is never read as the school's own. */
export function citationLabel(c: Citation): string {
  return c.own ? "Your school's policy" : 'Model policy';
}
