// Loading lexicons from rules/lexicons/*.json: validated with the zod schema, with an error that
// names the file and the field, so a school editing a list sees exactly what is wrong.
import { lexiconSchema, wordListSchema, type Lexicon, type WordList } from './schema.js';

function describe(file: string, issues: Array<{ path: PropertyKey[]; message: string }>): string {
  return `${file}: ${issues.map((i) => `${i.path.map(String).join('.') || '(top level)'}: ${i.message}`).join('; ')}`;
}

export function parseLexicon(json: unknown, file: string): Lexicon {
  const r = lexiconSchema.safeParse(json);
  if (!r.success) throw new Error(`invalid lexicon ${describe(file, r.error.issues)}`);
  return r.data;
}

export function parseWordList(json: unknown, file: string): WordList {
  const r = wordListSchema.safeParse(json);
  if (!r.success) throw new Error(`invalid word list ${describe(file, r.error.issues)}`);
  return r.data;
}
