// Run by build.mjs (bundled with esbuild): validates every data file under rules/ and generates the
// managed-storage schema. A bad file stops the build with a message naming the file and the field.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { managedSchema } from '../src/config/managed-schema.js';
import { parseGeneratedVocab, parseLearnedModels, parseLexicon, parseVocabExclusions, parseWordFilter, parseWordList } from '../src/data/lexicons.js';
import { PROFILES } from '../src/data/profiles.js';

export { managedSchema };

export function validateData(dir = join(process.cwd(), 'rules')): string {
  let lexicons = 0;
  const ids = new Set<string>();
  let generated: ReturnType<typeof parseGeneratedVocab> | undefined;
  for (const name of readdirSync(join(dir, 'lexicons'))) {
    if (!name.endsWith('.json')) continue;
    const file = `rules/lexicons/${name}`;
    let json: unknown;
    try {
      json = JSON.parse(readFileSync(join(dir, 'lexicons', name), 'utf8'));
    } catch (e) {
      throw new Error(`${file} is not valid JSON: ${(e as Error).message}`);
    }
    const id = json && typeof json === 'object' && 'id' in json ? (json as { id: unknown }).id : undefined;
    if (id === 'vocab-generated') generated = parseGeneratedVocab(json, file);
    else if (id === 'vocab-exclusions') parseVocabExclusions(json, file);
    else if (id === 'english-words') parseWordFilter(json, file);
    else if (json && typeof json === 'object' && 'words' in json) parseWordList(json, file);
    else parseLexicon(json, file);
    if (typeof id === 'string') ids.add(id);
    lexicons++;
  }
  // a generated class must name a lexicon that exists, or its words would silently go nowhere
  for (const [name, c] of Object.entries(generated?.classes ?? {})) {
    if (!ids.has(c.lexicon)) throw new Error(`rules/lexicons/vocab-generated.json: class ${name} names lexicon "${c.lexicon}", which does not exist`);
  }
  let models = 0;
  for (const name of readdirSync(join(dir, 'models'))) {
    if (!name.endsWith('.json')) continue;
    const file = `rules/models/${name}`;
    const m = parseLearnedModels(JSON.parse(readFileSync(join(dir, 'models', name), 'utf8')), file);
    // the classes a model reads must exist, or it would silently read nothing
    for (const [lex, classes] of Object.entries(m.featureClasses ?? {})) {
      const have = (JSON.parse(readFileSync(join(dir, 'lexicons', `${lex}.json`), 'utf8')) as { classes?: Record<string, unknown> }).classes ?? {};
      const missing = classes.filter((c) => !(c in have));
      if (missing.length > 0) throw new Error(`${file}: featureClasses.${lex} names classes rules/lexicons/${lex}.json does not have: ${missing.join(', ')}`);
    }
    models++;
  }
  return `${Object.keys(PROFILES).length} profiles, ${lexicons} lexicons and ${models} learned model file valid`;
}
