#!/usr/bin/env node
// Findings equivalence for speed work: every finding (rule, severity, offsets, excerpt, message,
// citations, fix) the engine gives on a fixed, deterministic corpus of checks, written one JSON line
// per check, so that a change meant only to make the engine faster or smaller can be shown to give
// IDENTICAL findings. Run it before and after on the same base and compare:
//   node scripts/findings-equivalence.mjs --out .tmp/before.jsonl
//   ...change...
//   node scripts/findings-equivalence.mjs --out .tmp/after.jsonl --compare .tmp/before.jsonl
// The corpus: every eval set draft against its own school, against two other schools (cross-school),
// upper- and lower-cased, joined to the next draft of its set, with look-alike letters (Cyrillic а/е/о,
// digit 0/1 for o/l), and the bench drafts (280, 2,000 and 20,000 characters, 16 seeds each, against
// bench/fixtures.mjs's big school, with the bench's contexts).
// Prints the number of checks and findings and a SHA-256 of the dump; with --compare, the checks that
// differ (exit 1 if any).
import { build } from 'esbuild';
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { nodeEngineBuild } from '../build.mjs';
import { bigSchool, draftOfLength } from '../bench/fixtures.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const option = (name) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const outFile = option('--out') ?? join(root, '.tmp', 'findings.jsonl');
const compareFile = option('--compare');
mkdirSync(join(root, '.tmp'), { recursive: true });
// minified, as the extension ships (names, property order and all): the bench's build
const bundle = join(root, '.tmp', `equivalence-engine-${process.pid}.mjs`);
await build(nodeEngineBuild(bundle, { minify: true }));
const { check, compileConfig, parseConfig } = await import(pathToFileURL(bundle).href);
// loaded: the bundle is not needed again (one per run would pile up in .tmp)
rmSync(bundle, { force: true });

const evalDir = join(root, 'tests', 'eval');
const SETS = JSON.parse(readFileSync(join(evalDir, 'sets.json'), 'utf8'));
const compile = (json) => {
  const p = parseConfig(json);
  if (!p.ok) throw new Error(JSON.stringify(p.problems));
  return compileConfig(p.config);
};
const configs = [...new Set(Object.values(SETS).map((s) => s.config))].sort();
const compiled = new Map(configs.map((c) => [c, compile(JSON.parse(readFileSync(join(evalDir, c), 'utf8')))]));
const readJsonl = (file) =>
  readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l));
const LOOK = { a: '\u0430', e: '\u0435', o: '0', l: '1' };
const lookAlike = (t) => t.replace(/[aeol]/g, (c, i) => (i % 3 === 0 ? LOOK[c] : c));

const lines = [];
let findings = 0;
function run(key, text, ctx, cfgName, cfg) {
  const f = check(text, ctx, cfg);
  findings += f.length;
  lines.push(JSON.stringify({ key, cfg: cfgName, findings: f }));
}
for (const [name, set] of Object.entries(SETS).sort(([a], [b]) => a.localeCompare(b))) {
  const drafts = readJsonl(join(evalDir, set.file));
  const own = compiled.get(set.config);
  const ci = configs.indexOf(set.config);
  const others = [configs[(ci + 1) % configs.length], configs[(ci + 3) % configs.length]];
  drafts.forEach((d, i) => {
    const ctx = { site: d.site ?? 'facebook', media: !!d.media, at: d.at ?? null };
    const id = `${name}/${d.id ?? i}`;
    run(`${id}`, d.text, ctx, set.config, own);
    for (const o of others) run(`${id}@cross`, d.text, ctx, o, compiled.get(o));
    run(`${id}#upper`, d.text.toUpperCase(), ctx, set.config, own);
    run(`${id}#lower`, d.text.toLowerCase(), ctx, set.config, own);
    run(`${id}#look`, lookAlike(d.text), ctx, set.config, own);
    if (i + 1 < drafts.length) run(`${id}+next`, `${d.text} ${drafts[i + 1].text}`, ctx, set.config, own);
  });
}
const schoolJson = bigSchool(2000, 300);
const big = compile(schoolJson);
for (const n of [280, 2000, 20000]) {
  for (let s = 1; s <= 16; s++) {
    const text = draftOfLength(n, s, schoolJson);
    run(`bench/${n}/${s}`, text, { site: 'facebook', media: s % 3 === 0, at: '2027-02-17T09:50:00' }, 'big', big);
    run(`bench/${n}/${s}/plain`, text, {}, 'big', big);
  }
}

const dump = `${lines.join('\n')}\n`;
writeFileSync(outFile, dump);
const sha = createHash('sha256').update(dump).digest('hex');
console.log(`checks ${lines.length}, findings ${findings}, sha256 ${sha.slice(0, 16)} -> ${outFile}`);
if (compareFile) {
  const before = readFileSync(compareFile, 'utf8').split('\n').filter(Boolean);
  let diff = 0;
  if (before.length !== lines.length) console.log(`DIFFER: ${before.length} checks before, ${lines.length} now`);
  for (let i = 0; i < Math.max(before.length, lines.length); i++) {
    if (before[i] !== lines[i]) {
      if (diff++ < 10) console.log(`DIFFER ${i}:\n  before ${(before[i] ?? '').slice(0, 400)}\n  now    ${(lines[i] ?? '').slice(0, 400)}`);
    }
  }
  console.log(diff === 0 && before.length === lines.length ? `IDENTICAL: ${lines.length} checks` : `${diff} checks differ`);
  if (diff) process.exitCode = 1;
}
