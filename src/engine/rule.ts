// The contract every rule module meets (one module per RULES.md id, in src/engine/rules/<id>.ts).
// A rule knows how to detect; the policy profile (rules/profiles) says how severe it is and which
// clause it cites; the engine turns hits into findings. Rules never touch the DOM or browser APIs.
import type { SchoolConfig } from '../config/schema.js';
import type { Doc } from './text/doc.js';
import type { CheckContext, Fix, RuleId, Severity } from './types.js';

export interface RuleMeta {
  id: RuleId;
  /** One line for the README's rule table and the options page. */
  description: string;
  /**
   * Message templates by message id. `text` is what the draft does, in plain English a teacher
   * understands ("Names a pupil on your school roster."); `policy` is what school policies say about
   * it, as a verb phrase ("say pupils must not be identified online"). They are kept apart because
   * whose words those are depends on the school: the engine words the attribution (see
   * engine/citation.ts), so no rule can say "Your policy" over another school's clause. A plain
   * string is a `text` with nothing to attribute. `{name}`-style placeholders are filled from Hit.data.
   */
  messages: Record<string, string | RuleMessage>;
  /** A word-list rule: its hits are dropped where they overlap a configured `allowed` term. */
  lexical?: boolean;
}

export interface RuleMessage {
  text: string;
  policy?: string;
}

/** What a rule reports: a span, which message, optionally a severity cap and a fix. */
export interface Hit {
  start: number;
  end: number;
  messageId: string;
  data?: Record<string, string>;
  /** The most severe this hit may be, e.g. `info` for mild swearing. Never raises the profile's severity. */
  cap?: Severity;
  /** A severity this hit carries regardless of the profile (e.g. a school's `blocked` terms). */
  force?: Severity;
  fix?: Fix;
}

export interface RuleEnv {
  ctx: CheckContext;
  config: SchoolConfig;
  /** Per-rule compiled data from the rule's own `compile`, built once per configuration. */
  compiled: unknown;
  /** Hits of every rule that ran before this one (all rules run; which are reported is the profile's call). */
  hits: ReadonlyMap<RuleId, readonly Hit[]>;
  /** The disclaimer text the school configured (or the default). */
  disclaimer: string;
}

export interface RuleModule<C = unknown> {
  meta: RuleMeta;
  /** Builds what the rule needs from the configuration (roster maps, lexicons). Runs once per config. */
  compile?(config: SchoolConfig): C;
  check(doc: Doc, env: RuleEnv & { compiled: C }): Hit[];
}

export function defineRule<C = undefined>(rule: RuleModule<C>): RuleModule<C> {
  return rule;
}
