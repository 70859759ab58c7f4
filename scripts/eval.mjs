#!/usr/bin/env node
// `npm run eval`: per-rule precision, recall and F1 of the engine over the labelled sets in
// tests/eval/ (see tests/eval/README.md), each against its own school configuration. A measurement,
// not a test (tests/eval/eval.test.ts asserts the exact labels): it never fails.
//   --set NAME         only one set (repeatable); names are the keys of tests/eval/sets.json
//   --misses           also list every draft whose labels differ (missing and extra rules)
//   --no-learned       the constructions alone, without the learned backstop
//   --model FILE       the learned backstop read from FILE instead of rules/models/learned.json (the
//                      per-set models scripts/train-models.mjs --loso writes, each trained without its set)
//   --summary          one line per set (exact, macro-F1, clean false alarms) instead of the JSON
//   --text "draft"     check one draft against a set's school (default: samples) and print its findings
//   --file F --config C  score any labelled JSONL file against any configuration (a new blind batch)
//   --write-known-misses  record every draft the engine now gets wrong, in the sets marked "known": true,
//                      to tests/eval/known-misses.json (tests/eval/eval.test.ts holds the engine to it)
// The engine is bundled with the same data handling as the extension (build.mjs nodeEngineBuild).
import { build } from 'esbuild';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { nodeEngineBuild } from '../build.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const evalDir = join(root, 'tests', 'eval');
const args = process.argv.slice(2);
const flag = (name) => args.includes(name);
const option = (name) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const modelFile = option('--model') && resolve(option('--model'));
// another model file is bundled in place of rules/models/learned.json (and into a bundle of its own,
// so runs with different models can go side by side)
const modelPlugin = {
  name: 'learned-model',
  setup(b) {
    b.onResolve({ filter: /rules\/models\/learned\.json$/ }, () => ({ path: modelFile }));
  },
};
const out = join(root, '.tmp', modelFile ? `eval-engine-${process.pid}.mjs` : 'eval-engine.mjs');
await build(nodeEngineBuild(out, { plugins: modelFile ? [modelPlugin] : [] }));
const { check, compileConfig, parseConfig } = await import(`${pathToFileURL(out).href}?t=${Date.now()}`);
if (modelFile) rmSync(out);
const options = (name) => args.flatMap((a, i) => (a === name && args[i + 1] ? [args[i + 1]] : []));

const SETS = JSON.parse(readFileSync(join(evalDir, 'sets.json'), 'utf8'));
const compiledCache = new Map();
function school(configFile) {
  let c = compiledCache.get(configFile);
  if (!c) {
    const parsed = parseConfig(JSON.parse(readFileSync(configFile, 'utf8')));
    if (!parsed.ok) {
      console.error(`eval: ${configFile}: ${JSON.stringify(parsed.problems)}`);
      process.exit(2);
    }
    compiledCache.set(configFile, (c = compileConfig(parsed.config)));
  }
  return c;
}
// --no-learned: the constructions alone, without the learned backstop (src/engine/learned.ts)
const ctxOf = (d) => ({ site: d.site ?? 'facebook', media: !!d.media, at: d.at ?? null, ...(flag('--no-learned') ? { learned: false } : {}) });
const readJsonl = (file) =>
  readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l));

const text = option('--text');
if (text !== undefined) {
  const set = SETS[option('--set') ?? 'samples'];
  const findings = check(text, { media: flag('--media'), at: option('--at') ?? null, site: option('--site') }, school(join(evalDir, set.config)));
  for (const f of findings) console.log(`${f.severity.padEnd(5)} ${f.rule.padEnd(18)} [${f.excerpt}] ${f.message}`);
  if (findings.length === 0) console.log('clean');
  process.exit(0);
}

const chosen = option('--file')
  ? { [option('--file')]: { file: resolve(option('--file')), config: resolve(option('--config') ?? join(evalDir, 'samples-config.json')) } }
  : Object.fromEntries(
      Object.entries(SETS)
        .filter(([name]) => options('--set').length === 0 || options('--set').includes(name))
        .map(([name, s]) => [name, { ...s, file: join(evalDir, s.file), config: join(evalDir, s.config) }]),
    );

const round = (x) => Math.round(x * 1000) / 1000;

function score(drafts, compiled) {
  const counts = new Map();
  const count = (rule) => {
    let c = counts.get(rule);
    if (!c) counts.set(rule, (c = { tp: 0, fp: 0, fn: 0 }));
    return c;
  };
  const misses = [];
  let exact = 0;
  let clean = 0;
  let falseAlarms = 0;
  const cleanByRule = {};
  for (const d of drafts) {
    const got = new Set(check(d.text, ctxOf(d), compiled).map((f) => f.rule));
    const want = new Set(d.labels);
    for (const r of got) count(r)[want.has(r) ? 'tp' : 'fp']++;
    for (const r of want) if (!got.has(r)) count(r).fn++;
    if (want.size === 0) {
      clean++;
      if (got.size > 0) falseAlarms++;
      for (const r of got) cleanByRule[r] = (cleanByRule[r] ?? 0) + 1;
    }
    const missing = [...want].filter((r) => !got.has(r));
    const extra = [...got].filter((r) => !want.has(r));
    if (missing.length || extra.length) misses.push({ id: d.id, missing, extra, text: d.text, why: d.why });
    else exact++;
  }
  const perRule = {};
  let all = { tp: 0, fp: 0, fn: 0 };
  let f1Sum = 0;
  for (const rule of [...counts.keys()].sort()) {
    const c = counts.get(rule);
    const precision = c.tp + c.fp ? c.tp / (c.tp + c.fp) : 1;
    const recall = c.tp + c.fn ? c.tp / (c.tp + c.fn) : 1;
    const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
    perRule[rule] = { ...c, precision: round(precision), recall: round(recall), f1: round(f1) };
    f1Sum += f1;
    all = { tp: all.tp + c.tp, fp: all.fp + c.fp, fn: all.fn + c.fn };
  }
  const microP = all.tp / (all.tp + all.fp || 1);
  const microR = all.tp / (all.tp + all.fn || 1);
  return {
    drafts: drafts.length,
    exactMatch: { drafts: exact, rate: round(exact / (drafts.length || 1)) },
    macroF1: round(f1Sum / (counts.size || 1)),
    micro: { ...all, precision: round(microP), recall: round(microR), f1: round((2 * microP * microR) / (microP + microR || 1)) },
    cleanFalseAlarms: { drafts: falseAlarms, of: clean, rate: round(falseAlarms / (clean || 1)), byRule: cleanByRule },
    perRule,
    misses,
  };
}

const results = {};
const known = {};
for (const [name, s] of Object.entries(chosen)) {
  const r = score(readJsonl(s.file), school(s.config));
  if (s.known) known[name] = Object.fromEntries(r.misses.map((m) => [m.id, { missing: m.missing, extra: m.extra }]));
  if (!flag('--misses')) delete r.misses;
  results[name] = r;
}
if (flag('--write-known-misses')) {
  const file = join(evalDir, 'known-misses.json');
  const lines = Object.entries(known).map(
    ([set, ms]) => `  ${JSON.stringify(set)}: {\n${Object.entries(ms).map(([id, m]) => `    ${JSON.stringify(id)}: ${JSON.stringify(m)}`).join(',\n')}\n  }`,
  );
  writeFileSync(file, `{\n${lines.join(',\n')}\n}\n`);
  console.error(`eval: wrote ${file}: ${Object.entries(known).map(([s, m]) => `${s} ${Object.keys(m).length}`).join(', ')}`);
}
if (flag('--summary')) {
  for (const [name, r] of Object.entries(results)) {
    console.log(
      `${name.padEnd(12)} ${String(r.drafts).padStart(4)} drafts  exact ${r.exactMatch.drafts}/${r.drafts} (${r.exactMatch.rate})  macro-F1 ${r.macroF1}  micro P ${r.micro.precision} R ${r.micro.recall}  clean false alarms ${r.cleanFalseAlarms.drafts}/${r.cleanFalseAlarms.of}`,
    );
  }
} else console.log(JSON.stringify(results, null, 2));
