// Schemas for the policy data under rules/: what the *policies* say, as JSON a school could read and
// extend. Validated at build time (build.mjs) and in the tests; the engine only sees parsed data.
import * as z from 'zod';
import { RULE_IDS } from '../engine/types.js';

const severity = z.enum(['info', 'warn', 'block']);

/** One rule as one policy speaks to it: how severe, and the clause (verbatim quote) it comes from. */
export const profileRuleSchema = z.strictObject({
  severity,
  /** The section as the policy labels it: "7.1", "Appendix 2, 13", "Content of interactions". */
  section: z.string().min(1),
  /** The policy's own words, short, verbatim up to whitespace. Tested against the policy text. */
  quote: z.string().min(8).max(400),
  /** Why this rule maps to this clause and severity, for the people who maintain the data. */
  note: z.string().optional(),
});
export type ProfileRule = z.infer<typeof profileRuleSchema>;

/** A policy profile: one school policy as data. A rule absent from `rules` is off in that profile. */
export const policyProfileSchema = z.strictObject({
  $schema: z.string().optional(),
  id: z.string().regex(/^[a-z0-9-]+$/),
  title: z.string().min(1),
  /** Who wrote or adopted the policy, and when. */
  source: z.string().min(1),
  rules: z.partialRecord(z.enum(RULE_IDS), profileRuleSchema),
});
export type PolicyProfile = z.infer<typeof policyProfileSchema>;

/** The `combined` profile: every rule on, at the strictest severity any listed policy gives it. */
export const combinedProfileSchema = z.strictObject({
  $schema: z.string().optional(),
  id: z.literal('combined'),
  title: z.string().min(1),
  combines: z.array(z.string().regex(/^[a-z0-9-]+$/)).min(1),
  /**
   * Severity for a rule none of the combined policies speaks to, so that "every rule is on" holds.
   * Such a rule cites the policy clause named here.
   */
  fallback: z
    .partialRecord(z.enum(RULE_IDS), z.strictObject({ severity, policy: z.string(), section: z.string(), quote: z.string() }))
    .optional(),
});
export type CombinedProfile = z.infer<typeof combinedProfileSchema>;

/**
 * A lexicon: words and phrases one rule looks for. Patterns use a small token language (see
 * src/engine/text/pattern.ts): words separated by spaces, `a|b` alternatives, `word?` optional,
 * `pre*` prefix, `@class` any word of a class, `*3` a gap of up to three words, `#` a number, `,` may cross a clause mark.
 */
export const lexiconEntrySchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9-]+$/),
  patterns: z.array(z.string().min(1)).min(1),
  /** Why this is here, and what it catches. Required: a school must be able to read the list. */
  note: z.string().min(3),
  /** Innocent phrases containing a match; a match inside one of these is not reported. */
  allow: z.array(z.string().min(1)).optional(),
  /** A per-entry severity cap or message variant, interpreted by the rule that owns the lexicon. */
  level: z.enum(['mild', 'strong']).optional(),
  /** Free labels the owning rule may use (e.g. the protected characteristic). */
  tags: z.array(z.string()).optional(),
});
export type LexiconEntry = z.infer<typeof lexiconEntrySchema>;

export const lexiconSchema = z.strictObject({
  $schema: z.string().optional(),
  id: z.string().regex(/^[a-z0-9-]+$/),
  description: z.string().min(3),
  /** Word classes referenced from patterns as `@name`. Entries may be multi-word phrases. */
  classes: z.record(z.string().regex(/^[a-z0-9-]+$/), z.array(z.string().min(1))).optional(),
  entries: z.array(lexiconEntrySchema),
});
export type Lexicon = z.infer<typeof lexiconSchema>;

/** A plain word list (e.g. first names that are also English words), each list item with a note. */
export const wordListSchema = z.strictObject({
  $schema: z.string().optional(),
  id: z.string().regex(/^[a-z0-9-]+$/),
  description: z.string().min(3),
  words: z.array(z.string().min(1)).min(1),
});
export type WordList = z.infer<typeof wordListSchema>;

/**
 * The learned backstop (rules/models/learned.json, written by scripts/train-models.mjs): per rule a
 * bias and a threshold, and per feature (a word or a word pair) the weights it carries, as a flat list
 * of [rule index, weight, rule index, weight, ...].
 */
export const learnedModelsSchema = z
  .strictObject({
    $schema: z.string().optional(),
    id: z.literal('learned'),
    description: z.string().min(3),
    source: z.strictObject({ sets: z.record(z.string(), z.string()), drafts: z.number().int().positive(), features: z.number().int().nonnegative() }),
    /** lexicon file name → the word classes whose members the model reads as the class ("<c:grp-religion>") */
    featureClasses: z.record(z.string().regex(/^[a-z-]+$/), z.array(z.string().min(1)).min(1)).optional(),
    models: z.strictObject({
      rules: z.array(z.union([z.enum(RULE_IDS), z.literal('about-work')])),
      bias: z.array(z.number()),
      threshold: z.array(z.number().min(0).max(1)),
      weights: z.record(z.string().min(1), z.array(z.number())),
    }),
  })
  .superRefine((m, ctx) => {
    const n = m.models.rules.length;
    if (m.models.bias.length !== n || m.models.threshold.length !== n)
      ctx.addIssue({ code: 'custom', path: ['models'], message: `bias and threshold need one value per rule (${n})` });
    for (const [f, w] of Object.entries(m.models.weights)) {
      if (w.length % 2 !== 0 || w.some((v, i) => i % 2 === 0 && !(Number.isInteger(v) && v >= 0 && v < n)))
        ctx.addIssue({ code: 'custom', path: ['models', 'weights', f], message: 'expected [rule index, weight, ...] with rule indexes in range' });
    }
  });
export type LearnedModelsFile = z.infer<typeof learnedModelsSchema>;

/**
 * Word classes generated offline (scripts/gen-vocab.mjs, from WordNet and compromise): each names the
 * lexicon whose patterns use it and where its words came from. The loader adds each class to that
 * lexicon's classes, so regenerating never touches the hand-written files.
 */
export const generatedVocabSchema = z.strictObject({
  $schema: z.string().optional(),
  id: z.literal('vocab-generated'),
  description: z.string().min(3),
  /** the script that wrote the file and the versions of the sources it read */
  generated: z.strictObject({ script: z.string().min(1), wordnet: z.string().min(1), compromise: z.string().min(1) }),
  classes: z.record(
    z.string().regex(/^[a-z0-9-]+-generated$/),
    z.strictObject({
      lexicon: z.string().regex(/^[a-z0-9-]+$/),
      /** which synsets, which filters, which inflections: the source of this list */
      note: z.string().min(3),
      words: z.array(z.string().min(1)).min(1),
    }),
  ),
});
export type GeneratedVocab = z.infer<typeof generatedVocabSchema>;

/**
 * A Bloom filter of words (rules/lexicons/english-words.json, scripts/gen-english-words.mjs): the bit
 * array in base64, its length in bits and the number of hashes (src/engine/text/bloom.ts).
 */
export const wordFilterSchema = z
  .strictObject({
    $schema: z.string().optional(),
    id: z.literal('english-words'),
    description: z.string().min(3),
    source: z.strictObject({ script: z.string().min(1), compromise: z.string().min(1), words: z.number().int().positive() }),
    filter: z.strictObject({
      bits: z.number().int().positive(),
      hashes: z.number().int().min(1).max(32),
      base64: z.string().regex(/^[A-Za-z0-9+/]*={0,2}$/, 'not base64'),
    }),
  })
  .refine((f) => Math.floor((f.filter.base64.length * 3) / 4) >= Math.ceil(f.filter.bits / 8) - 2, { message: 'filter.base64 is shorter than filter.bits needs' });
export type WordFilterFile = z.infer<typeof wordFilterSchema>;

/** Words the generator leaves out of a generated class, in groups, each with the reason. */
export const vocabExclusionsSchema = z.strictObject({
  $schema: z.string().optional(),
  id: z.literal('vocab-exclusions'),
  description: z.string().min(3),
  classes: z.record(z.string().regex(/^[a-z0-9-]+-generated$/), z.array(z.strictObject({ note: z.string().min(3), words: z.array(z.string().min(1)).min(1) }))),
});
export type VocabExclusions = z.infer<typeof vocabExclusionsSchema>;
