// Loading lexicons from rules/lexicons/*.json: validated with the zod schema, with an error that
// names the file and the field, so a school editing a list sees exactly what is wrong.
import { learnedModelsSchema, lexiconSchema, wordListSchema, type LearnedModelsFile, type Lexicon, type WordList } from './schema.js';

function describe(file: string, issues: Array<{ path: PropertyKey[]; message: string }>): string {
  return `${file}: ${issues.map((i) => `${i.path.map(String).join('.') || '(top level)'}: ${i.message}`).join('; ')}`;
}

/**
 * True inside the extension and CLI bundles: build.mjs validated every file under rules/ with these
 * same schemas before bundling (and stripped the notes, which are for people), so the bundles skip
 * re-validating at start-up. Tests and scripts run unbundled and always validate.
 */
const VALIDATED_AT_BUILD: boolean = process.env.POSTCHECK_DATA_VALIDATED === '1';

export function parseLexicon(json: unknown, file: string): Lexicon {
  if (VALIDATED_AT_BUILD) return json as Lexicon;
  const r = lexiconSchema.safeParse(json);
  if (!r.success) throw new Error(`invalid lexicon ${describe(file, r.error.issues)}`);
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
