#!/usr/bin/env node
// Regenerates rules/lexicons/english-words.json: a Bloom filter of ordinary English words (the
// nouns, verbs, adjectives and adverbs of compromise's lexicon, MIT; not its first names, surnames,
// places, organisations or demonyms). name-data.ts asks it whether a roster name is also a word
// ("Favour", "Lovely", "Cam", "Gift"), so such a name counts only where it is used as a name. The
// list itself would be ~140 KB of the background worker; the filter is ~22 KB, wrong on about 1% of
// non-words (measured here on compromise's first names and written into the file). The hashing is
// src/engine/text/bloom.ts, bundled here with esbuild so the bits mean the same.
// Run: node scripts/gen-english-words.mjs
import { build } from 'esbuild';
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { compromiseVersion, englishWords, firstNames } from './compromise-words.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const out = join(root, '.tmp', 'bloom.mjs');
await build({ entryPoints: [join(root, 'src/engine/text/bloom.ts')], bundle: true, platform: 'node', format: 'esm', outfile: out, logLevel: 'error' });
const { bloomBuild, WordFilter } = await import(pathToFileURL(out).href);

const words = englishWords();
const names = firstNames();
// m = -n ln p / (ln 2)^2 bits and k = (m / n) ln 2 hashes for a false-positive rate p of 1%
const p = 0.01;
const bits = Math.ceil((-words.length * Math.log(p)) / Math.LN2 ** 2);
const hashes = Math.round((bits / words.length) * Math.LN2);
const data = bloomBuild(words, bits, hashes);
const filter = new WordFilter(data, bits, hashes);
const missing = words.filter((w) => !filter.has(w));
if (missing.length) throw new Error(`filter lost ${missing.length} words`);
const falseYes = names.filter((w) => filter.has(w)).length;
const file = {
  id: 'english-words',
  description: `A Bloom filter of ${words.length} ordinary English words (the nouns, verbs, adjectives and adverbs of the compromise ${compromiseVersion} lexicon, MIT; not its first names, surnames, places, organisations or demonyms), 3-14 letters. name-data.ts asks it whether a roster name is also an everyday word ("Favour", "Lovely", "Cam"), so that such a name counts only where the draft uses it as a name. A no is always right; a yes is wrong for ${falseYes} of ${names.length} first names that are not in the list (${((100 * falseYes) / names.length).toFixed(1)}%). Hashing: src/engine/text/bloom.ts. Regenerate with node scripts/gen-english-words.mjs; do not edit.`,
  source: { script: 'scripts/gen-english-words.mjs', compromise: `compromise ${compromiseVersion}`, words: words.length },
  filter: { bits, hashes, base64: Buffer.from(data).toString('base64') },
};
writeFileSync(join(root, 'rules/lexicons/english-words.json'), `${JSON.stringify(file, null, 2)}\n`);
console.log(`${words.length} words, ${bits} bits (${data.length} bytes), ${hashes} hashes; first names read as words: ${falseYes}/${names.length}`);
