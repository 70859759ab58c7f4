#!/usr/bin/env node
// `npm run eval`: per-rule precision, recall and F1 of the engine over the labelled drafts, as JSON:
// the shared samples (../shared/samples/drafts.jsonl) and the held-out set (tests/eval/drafts.jsonl),
// both labelled against the demo school (../shared/samples/demo-config.json). A measurement, not a
// test (tests/eval/eval.test.ts asserts the exact labels): it never fails.
//   --misses           also list every draft whose labels differ (missing and extra rules)
//   --set samples|eval|blind2|blind3 only one set (blind2/blind3: tests/eval/blind-2.jsonl, blind-3.jsonl, each written blind, before any tuning)
//   --text "draft"     check one draft against the demo school and print its findings
// The engine is bundled with the same data handling as the extension (build.mjs bundleDefaults).
import { build } from 'esbuild';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { bundleDefaults } from '../build.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const shared = join(root, '..', 'shared');
const out = join(root, '.tmp', 'eval-engine.mjs');
await build({ entryPoints: [join(root, 'bench/engine-entry.ts')], bundle: true, platform: 'node', format: 'esm', outfile: out, logLevel: 'error', ...bundleDefaults });
const { check, compileConfig, parseConfig } = await import(`${pathToFileURL(out).href}?t=${Date.now()}`);

const args = process.argv.slice(2);
const flag = (name) => args.includes(name);
const option = (name) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};

const parsed = parseConfig(JSON.parse(readFileSync(join(shared, 'samples/demo-config.json'), 'utf8')));
if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
const compiled = compileConfig(parsed.config);
const ctxOf = (d) => ({ site: d.site ?? 'facebook', media: !!d.media, at: d.at ?? null });

const text = option('--text');
if (text !== undefined) {
  const findings = check(text, { media: flag('--media'), at: option('--at') ?? null }, compiled);
  for (const f of findings) console.log(`${f.severity.padEnd(5)} ${f.rule.padEnd(18)} [${f.excerpt}] ${f.message}`);
  if (findings.length === 0) console.log('clean');
  process.exit(0);
}

const readJsonl = (file) =>
  existsSync(file)
    ? readFileSync(file, 'utf8')
        .split('\n')
        .filter((l) => l.trim())
        .map((l) => JSON.parse(l))
    : [];
const sets = {
  samples: readJsonl(join(shared, 'samples/drafts.jsonl')),
  eval: readJsonl(join(root, 'tests/eval/drafts.jsonl')),
  blind2: readJsonl(join(root, 'tests/eval/blind-2.jsonl')),
  blind3: readJsonl(join(root, 'tests/eval/blind-3.jsonl')),
};
const only = option('--set');
const drafts = Object.entries(sets).flatMap(([set, ds]) => (only && only !== set ? [] : ds.map((d) => ({ ...d, set }))));

const counts = new Map();
const count = (rule) => {
  let c = counts.get(rule);
  if (!c) counts.set(rule, (c = { tp: 0, fp: 0, fn: 0 }));
  return c;
};
const misses = [];
let exact = 0;
for (const d of drafts) {
  const got = new Set(check(d.text, ctxOf(d), compiled).map((f) => f.rule));
  const want = new Set(d.labels);
  for (const r of got) count(r)[want.has(r) ? 'tp' : 'fp']++;
  for (const r of want) if (!got.has(r)) count(r).fn++;
  const missing = [...want].filter((r) => !got.has(r));
  const extra = [...got].filter((r) => !want.has(r));
  if (missing.length || extra.length) misses.push({ id: d.id, set: d.set, missing, extra, text: d.text });
  else exact++;
}

const round = (x) => Math.round(x * 1000) / 1000;
const perRule = {};
let all = { tp: 0, fp: 0, fn: 0 };
for (const rule of [...counts.keys()].sort()) {
  const c = counts.get(rule);
  const precision = c.tp + c.fp ? c.tp / (c.tp + c.fp) : 1;
  const recall = c.tp + c.fn ? c.tp / (c.tp + c.fn) : 1;
  const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
  perRule[rule] = { ...c, precision: round(precision), recall: round(recall), f1: round(f1) };
  all = { tp: all.tp + c.tp, fp: all.fp + c.fp, fn: all.fn + c.fn };
}
const microP = all.tp / (all.tp + all.fp || 1);
const microR = all.tp / (all.tp + all.fn || 1);
const result = {
  drafts: { total: drafts.length, ...Object.fromEntries(Object.keys(sets).map((s) => [s, drafts.filter((d) => d.set === s).length])), clean: drafts.filter((d) => d.labels.length === 0).length },
  exactMatch: { drafts: exact, rate: round(exact / (drafts.length || 1)) },
  micro: { ...all, precision: round(microP), recall: round(microR), f1: round((2 * microP * microR) / (microP + microR || 1)) },
  perRule,
};
if (flag('--misses')) result.misses = misses;
console.log(JSON.stringify(result, null, 2));
