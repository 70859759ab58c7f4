// Loading lexicons from rules/lexicons/*.json: validated with the zod schema, with an error that
// names the file and the field, so a school editing a list sees exactly what is wrong. Word classes
// generated offline (rules/lexicons/vocab-generated.json, scripts/gen-vocab.mjs) join the classes of
// the lexicon each names, so the hand-written files never hold generated words.
import generatedJson from '../../rules/lexicons/vocab-generated.json';
import {
  generatedVocabSchema,
  learnedModelsSchema,
  lexiconSchema,
  vocabExclusionsSchema,
  wordFilterSchema,
  wordListSchema,
  type GeneratedVocab,
  type LearnedModelsFile,
  type Lexicon,
  type VocabExclusions,
  type WordFilterFile,
  type WordList,
} from './schema.js';

function describe(file: string, issues: Array<{ path: PropertyKey[]; message: string }>): string {
  return `${file}: ${issues.map((i) => `${i.path.map(String).join('.') || '(top level)'}: ${i.message}`).join('; ')}`;
}

/**
 * True inside the extension and CLI bundles: build.mjs validated every file under rules/ with these
 * same schemas before bundling (and stripped the notes, which are for people), so the bundles skip
 * re-validating at start-up. Tests and scripts run unbundled and always validate.
 */
const VALIDATED_AT_BUILD: boolean = process.env.POSTCHECK_DATA_VALIDATED === '1';

export function parseGeneratedVocab(json: unknown, file: string): GeneratedVocab {
  if (VALIDATED_AT_BUILD) return json as GeneratedVocab;
  const r = generatedVocabSchema.safeParse(json);
  if (!r.success) throw new Error(`invalid generated vocabulary ${describe(file, r.error.issues)}`);
  return r.data;
}

export function parseVocabExclusions(json: unknown, file: string): VocabExclusions {
  const r = vocabExclusionsSchema.safeParse(json);
  if (!r.success) throw new Error(`invalid vocabulary exclusions ${describe(file, r.error.issues)}`);
  return r.data;
}

const GENERATED = parseGeneratedVocab(generatedJson, 'rules/lexicons/vocab-generated.json');

/** A lexicon with the generated classes that name it added to its own; a generated class never replaces a hand one. */
export function withGenerated(lex: Lexicon, file: string, generated: GeneratedVocab = GENERATED): Lexicon {
  const mine = Object.entries(generated.classes).filter(([, c]) => c.lexicon === lex.id);
  if (mine.length === 0) return lex;
  const classes = { ...(lex.classes ?? {}) };
  for (const [name, c] of mine) {
    if (name in classes) throw new Error(`${file}: class "${name}" is both hand-written and generated (rules/lexicons/vocab-generated.json)`);
    classes[name] = c.words;
  }
  return { ...lex, classes };
}

export function parseLexicon(json: unknown, file: string): Lexicon {
  if (VALIDATED_AT_BUILD) return withGenerated(json as Lexicon, file);
  const r = lexiconSchema.safeParse(json);
  if (!r.success) throw new Error(`invalid lexicon ${describe(file, r.error.issues)}`);
  return withGenerated(r.data, file);
}

export function parseWordFilter(json: unknown, file: string): WordFilterFile {
  if (VALIDATED_AT_BUILD) return json as WordFilterFile;
  const r = wordFilterSchema.safeParse(json);
  if (!r.success) throw new Error(`invalid word filter ${describe(file, r.error.issues)}`);
  return r.data;
}

export function parseWordList(json: unknown, file: string): WordList {
  if (VALIDATED_AT_BUILD) return json as WordList;
  const r = wordListSchema.safeParse(json);
  if (!r.success) throw new Error(`invalid word list ${describe(file, r.error.issues)}`);
  return r.data;
}

export function parseLearnedModels(json: unknown, file: string): LearnedModelsFile {
  if (VALIDATED_AT_BUILD) return json as LearnedModelsFile;
  const r = learnedModelsSchema.safeParse(json);
  if (!r.success) throw new Error(`invalid learned models ${describe(file, r.error.issues)}`);
  return r.data;
}
