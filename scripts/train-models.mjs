#!/usr/bin/env node
// Trains the learned backstop (src/engine/learned.ts) and writes rules/models/learned.json.
//
// One logistic regression per rule over the words and word pairs of the labelled sets in tests/eval
// (sets.json), each draft featurised exactly as the engine does at check time (the same bundle, with
// the names and numbers the other rules found abstracted). The threshold of each rule is chosen on
// drafts the model was not trained on: every set is scored by a model trained on all the other sets
// (leave one author out), and the threshold is the one that most improves the rule's F1 when its
// readings are added to the constructions' findings, while adding false alarms on at most a small
// share of the clean drafts. The final model is trained on every set.
//
//   node scripts/train-models.mjs            train, print the cross-validated figures, write the model
//   node scripts/train-models.mjs --dry-run  print the figures only
//   node scripts/train-models.mjs --loso DIR also write DIR/<set>.json for every labelled set: the models
//            trained without that set, thresholds chosen without it too, so that
//            `node scripts/eval.mjs --set <set> --model DIR/<set>.json` measures the backstop on a set it
//            never saw (training on a set inflates that set's own figure). Not fully blind: the other
//            sets' out-of-set readings that choose its thresholds come from models that did see it,
//            and the rule tables' rows, some written from its misses, still teach every model
//   --why-floors    list the must-not rows at or above each rule's chosen threshold (what raises it)
//   --curve RULE    print RULE's readings added, right and clean false alarms at every 0.05 of threshold
import { build } from 'esbuild';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { bundleDefaults, nodeEngineBuild } from '../build.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const evalDir = join(root, 'tests', 'eval');
const out = join(root, '.tmp', 'train-engine.mjs');
await build(
  nodeEngineBuild(out, {
    stdin: {
      contents: `export { check, compileConfig } from './src/engine/engine.ts'; export { parseConfig } from './src/config/schema.ts'; export { analyse } from './src/engine/text/doc.ts'; export { modelSentences, modelFeatures, passesGate, sentenceSpans } from './src/engine/learned.ts'; export { resolveProfile } from './src/data/profiles.ts';`,
      resolveDir: root,
      loader: 'ts',
    },
  }),
);
const E = await import(`${pathToFileURL(out).href}?t=${Date.now()}`);

/** The rules with a learned backstop, and "about-work" for disclaimer-missing. */
const RULES = ['threat', 'derogatory', 'discriminatory', 'confidential', 'work-grievance', 'gossip', 'represents-school', 'pupil-contact', 'pupil-reference', 'supplier', 'about-work'];
const MIN_DF = 3;
const KEEP = 500;
/** Inverse strength of the L2 penalty, as scikit-learn's C: measured on three blind sets the model had not seen
 * (b16-b18), C = 1 added about twice the right readings of the old penalty (0.02 per draft, C = 0.01) */
const C = 1;
const EPOCHS = 20;
const STEP = 0.3;
/** At most this share of the clean drafts may gain a false alarm from one rule's model. */
const MAX_CLEAN_FA = 0.006;
/** The rules that block a post under the combined policy (the default: the strictest of the five). */
const BLOCK_RULES = new Set(Object.entries(E.resolveProfile('combined').rules).filter(([, v]) => v.severity === 'block').map(([id]) => id));
/**
 * Readings that the model adds must be right at least this often: 0.6 for the rules that block a post,
 * 0.45 for the rest, whose added readings (a warning or a note) were right 45-50% of the time where the
 * constructions' recall is lowest (derogatory), which still raises their F1
 */
const MIN_ADDED_PRECISION = (r) => (BLOCK_RULES.has(r) ? 0.6 : 0.45);
/** How much more a draft that floors a threshold weighs in training (measured on b23, b26, b28 left out: 1, 2, 4, 10) */
const HARD_NEGATIVE = 2;
/**
 * A must-not row still at or above the chosen threshold after training is weighed this many times more
 * and the model trained again, up to BOOST_ROUNDS times, before the threshold is raised over what is left:
 * one row (a grievance the derogatory model read at 0.94) was holding a rule's threshold far above the one
 * chosen on unseen sets (0.79), which silenced the model everywhere else
 */
const BOOST = Number(process.env.POSTCHECK_BOOST ?? 4);
const BOOST_ROUNDS = Number(process.env.POSTCHECK_BOOST_ROUNDS ?? 3);
const DISCLAIMER = /\b(views?|opinions?|thoughts?)\b[^.!?\n]{0,20}\b(my own|mine|are my own|personal)\b|\bpersonal (account|views?)\b|\bnot (those )?of my employer\b/i;

const sets = JSON.parse(readFileSync(join(evalDir, 'sets.json'), 'utf8'));
const readJsonl = (f) =>
  readFileSync(f, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l));

// ---- the rule tables' rows (tests/rules/*.test.ts): each rule's own must-flag and must-not-flag
// drafts, labelled for that rule only. The must-not rows are the near misses a reading must not fire
// on ("Our new deputy is in a wheelchair", "Year 11s, do not add me on Snapchat").
async function ruleTables() {
  const { readdirSync } = await import('node:fs');
  const stub = {
    name: 'table-stub',
    setup(b) {
      b.onResolve({ filter: /^vitest$|\/helpers\.js$/ }, (a) => ({ path: a.path.includes('helpers') ? 'helpers' : 'vitest', namespace: 'stub' }));
      b.onLoad({ filter: /.*/, namespace: 'stub' }, (a) => ({
        contents:
          a.path === 'vitest'
            ? 'export const describe = () => {}; export const it = () => {}; it.fails = () => {}; it.each = () => () => {}; export const expect = () => ({});'
            : `import cfg from ${JSON.stringify(join(root, 'tests', 'fixtures', 'st-aidans.json'))}; export const ST_AIDANS = cfg;` + 'export const TABLES = []; export const findings = () => []; export const compiled = () => undefined; export function ruleTable(rule, cases) { TABLES.push({ rule, cases }); }',
        loader: 'js',
        resolveDir: root,
      }));
    },
  };
  const files = readdirSync(join(root, 'tests', 'rules')).filter((f) => f.endsWith('.test.ts'));
  const entry = files.map((f, i) => `import './tests/rules/${f}';`).join('\n') + "\nexport { TABLES } from 'helpers-virtual';";
  const outFile = join(root, '.tmp', 'rule-tables.mjs');
  await build({
    stdin: { contents: entry.replace("'helpers-virtual'", "'./tests/rules/helpers.js'"), resolveDir: root, loader: 'ts' },
    bundle: true,
    platform: 'node',
    format: 'esm',
    outfile: outFile,
    logLevel: 'error',
    ...bundleDefaults,
    plugins: [stub, ...bundleDefaults.plugins],
    // the tables read their fixtures relative to themselves
    define: { ...(bundleDefaults.define ?? {}), 'import.meta.url': JSON.stringify(pathToFileURL(join(root, 'tests', 'rules', 'table.test.ts')).href) },
  });
  return (await import(`${pathToFileURL(outFile).href}?t=${Date.now()}`)).TABLES;
}
const TABLE_RULE = { 'disclaimer-missing': 'about-work' };
const tables = await ruleTables();

// The lexicons' word classes the model also reads as classes (src/engine/learned.ts): the semantic
// classes of the constructions (protected groups, insults, diagnoses, weapons...), never function words.
const FEATURE_CLASSES = {
  discriminatory: ['grp-race', 'grp-race-one', 'grp-religion', 'grp-religion-one', 'grp-sex', 'grp-sex-one', 'grp-orientation', 'grp-orientation-one', 'grp-gender', 'grp-disability', 'grp-age', 'grp-pregnancy', 'grp-marriage', 'nat-adj', 'nat-person', 'deficit', 'deficit-strong', 'ableist-adj', 'special-person'],
  derogatory: ['insult-adj', 'insult-noun', 'trait-bad', 'genius-adj', 'plan-noun', 'situation-word', 'bad-end', 'jail-noun', 'sarcasm-marker', 'another-planet'],
  confidential: ['diagnosis', 'medical', 'excl', 'excl-noun', 'sen-noun', 'discipline', 'budget-noun', 'behaviour', 'care', 'police-thing', 'abuse-kind'],
  threat: ['violent', 'weapon', 'hard-object', 'body-part', 'harm-noun', 'harm-state', 'damage-verb', 'property', 'hurt-vehicle', 'height'],
  'work-grievance': ['imposition', 'conditions', 'undervalued', 'cut-verb', 'fed-up', 'toxic-thing'],
};

// ---- featurise every draft as the engine sees it ----
const drafts = [];
for (const [set, s] of Object.entries(sets)) {
  const parsed = E.parseConfig(JSON.parse(readFileSync(join(evalDir, s.config), 'utf8')));
  if (!parsed.ok) throw new Error(`${s.config}: ${JSON.stringify(parsed.problems)}`);
  const cc = E.compileConfig(parsed.config);
  for (const d of readJsonl(join(evalDir, s.file))) {
    const ctx = { site: d.site, media: !!d.media, at: d.at ?? null, learned: false };
    const findings = E.check(d.text, ctx, cc);
    const hits = new Map();
    for (const f of findings) {
      if (!hits.has(f.rule)) hits.set(f.rule, []);
      hits.get(f.rule).push({ start: f.start, end: f.end, messageId: 'x' });
    }
    const doc = E.analyse(d.text);
    const feats = new Set();
    const sentences = E.modelSentences(doc, hits, FEATURE_CLASSES).map((m) => E.modelFeatures(m));
    for (const fs of sentences) for (const f of fs) feats.add(f);
    // which sentences a reading of each rule could stand on (the rule's gate in src/engine/learned.ts)
    const env = { ctx, config: parsed.config, hits, disclaimer: cc.disclaimer };
    const spans = E.sentenceSpans(doc);
    const gates = {};
    for (const r of RULES) gates[r] = spans.map((sp) => E.passesGate(r, doc, { ...env, compiled: cc.compiled.get(r) }, sp.start, sp.end));
    const labels = new Set(d.labels);
    const fired = new Set(findings.map((f) => f.rule));
    const hasDisclaimer = DISCLAIMER.test(d.text);
    const y = {};
    const ruleFired = {};
    for (const r of RULES) {
      if (r === 'about-work') {
        y[r] = labels.has('disclaimer-missing');
        ruleFired[r] = fired.has('disclaimer-missing');
      } else {
        y[r] = labels.has(r);
        ruleFired[r] = fired.has(r);
      }
    }
    drafts.push({ set, id: d.id, feats: [...feats], sentences, gates, y, ruleFired, clean: labels.size === 0, hasDisclaimer, known: !!s.known });
  }
}
{
  const defaultConfig = E.parseConfig(JSON.parse(readFileSync(join(root, 'tests', 'fixtures', 'st-aidans.json'), 'utf8')));
  const compiledFor = new Map();
  let rows = 0;
  for (const { rule, cases } of tables) {
    const target = TABLE_RULE[rule] ?? rule;
    if (!RULES.includes(target)) continue;
    for (const [kind, list] of [['flag', cases.flag], ['pass', cases.pass]]) {
      for (const raw of list) {
        const c = typeof raw === 'string' ? { text: raw } : raw;
        const parsedRow = c.config ? E.parseConfig(c.config) : defaultConfig;
        if (!parsedRow.ok) continue;
        const config = parsedRow.config;
        const key = c.config ?? defaultConfig;
        let cc = compiledFor.get(key);
        if (!cc) compiledFor.set(key, (cc = E.compileConfig(config)));
        const ctx = { ...(c.ctx ?? {}), learned: false };
        const findings = E.check(c.text, ctx, cc);
        const hits = new Map();
        for (const f of findings) {
          if (!hits.has(f.rule)) hits.set(f.rule, []);
          hits.get(f.rule).push({ start: f.start, end: f.end, messageId: 'x' });
        }
        const doc = E.analyse(c.text);
        const sentences = E.modelSentences(doc, hits, FEATURE_CLASSES).map((m) => E.modelFeatures(m));
        const feats = new Set(sentences.flat());
        const env = { ctx, config, hits, disclaimer: cc.disclaimer };
        const spans = E.sentenceSpans(doc);
        const gates = {};
        for (const r of RULES) gates[r] = spans.map((sp) => E.passesGate(r, doc, { ...env, compiled: cc.compiled.get(r) }, sp.start, sp.end));
        const fired = new Set(findings.map((f) => f.rule));
        // known only for the table's own rule: the other models neither learn from nor are judged on it
        const y = { [target]: kind === 'flag' };
        const ruleFired = Object.fromEntries(RULES.map((r) => [r, fired.has(r === 'about-work' ? 'disclaimer-missing' : r)]));
        drafts.push({ set: `table:${rule}`, id: c.text.slice(0, 40), feats: [...feats], sentences, gates, y, ruleFired, clean: false, hasDisclaimer: DISCLAIMER.test(c.text), known: false, only: target, mustNot: kind === 'pass' });
        rows++;
      }
    }
  }
  console.error(`train-models: ${rows} rule-table rows`);
}
console.error(`train-models: ${drafts.length} drafts from ${Object.keys(sets).length} sets and the rule tables`);
const dumpAt = process.argv.indexOf('--dump');
if (dumpAt > 0) {
  writeFileSync(process.argv[dumpAt + 1], JSON.stringify(drafts));
  console.error(`train-models: dumped the featurised drafts to ${process.argv[dumpAt + 1]}`);
  process.exit(0);
}


// ---- logistic regression on binary features ----
function vocabOf(ds) {
  const df = new Map();
  for (const d of ds) for (const f of d.feats) df.set(f, (df.get(f) ?? 0) + 1);
  return [...df].filter(([, c]) => c >= MIN_DF).map(([f]) => f);
}

function train(ds, rule, vocab, boost) {
  const index = new Map(vocab.map((f, i) => [f, i]));
  const rows = ds.map((d) => Int32Array.from(d.feats.map((f) => index.get(f)).filter((i) => i !== undefined)));
  const y = ds.map((d) => (d.y[rule] ? 1 : 0));
  const pos = y.reduce((a, b) => a + b, 0);
  // the drafts that floor the threshold (must-not rows, the team's own sets' drafts without the rule)
  // weigh HARD_NEGATIVE times as much, so the model is taught to keep below them rather than the
  // threshold being raised over them afterwards
  const hard = ds.map((d, i) => (!y[i] && (d.mustNot || !d.known) && !d.ruleFired[rule] ? HARD_NEGATIVE * (boost?.get(d) ?? 1) : 1));
  if (pos === 0) return null;
  // class weights balanced as scikit-learn's class_weight='balanced'
  const wPos = ds.length / (2 * pos);
  const wNeg = ds.length / (2 * (ds.length - pos));
  const df = new Float64Array(vocab.length);
  for (const r of rows) for (const j of r) df[j]++;
  const w = new Float64Array(vocab.length);
  const G = new Float64Array(vocab.length);
  let b = 0;
  let Gb = 0;
  // stochastic gradient descent with AdaGrad steps on sum(loss) + |w|^2 / 2C: each feature's share of the
  // penalty is applied where it occurs (1/(C df) per occurrence adds up to w/C over an epoch). Far fewer
  // passes than full-batch descent, and it converges at the weak penalty that generalises
  const order = Array.from(rows.keys());
  let seed = 0x9e3779b9;
  const random = () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  for (let epoch = 0; epoch < EPOCHS; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const k = Math.floor(random() * (i + 1));
      [order[i], order[k]] = [order[k], order[i]];
    }
    for (const i of order) {
      let z = b;
      for (const j of rows[i]) z += w[j];
      const e = (1 / (1 + Math.exp(-z)) - y[i]) * (y[i] ? wPos : wNeg) * hard[i];
      for (const j of rows[i]) {
        const g = e + w[j] / (C * df[j]);
        G[j] += g * g;
        w[j] -= (STEP * g) / (Math.sqrt(G[j]) + 1e-8);
      }
      Gb += e * e;
      b -= (STEP * e) / (Math.sqrt(Gb) + 1e-8);
    }
  }
  return { vocab, w, b };
}

/** Keep the strongest features, then fit again on those alone so the kept weights are calibrated. */
function trainPruned(ds, rule, boost) {
  const first = train(ds, rule, vocabOf(ds), boost);
  if (!first) return null;
  const ranked = [...first.w].map((v, i) => [Math.abs(v), i]).sort((a, b) => b[0] - a[0]).slice(0, KEEP).filter(([a]) => a > 0.01);
  return train(ds, rule, ranked.map(([, i]) => first.vocab[i]), boost);
}

/**
 * The probability the engine acts on: the model's, when the sentence the reading would stand on (the
 * one whose words weigh most) passes the rule's gate, else 0 (src/engine/learned.ts does the same).
 */
function prob(model, d, rule) {
  if (!model) return 0;
  if (!model.index) model.index = new Map(model.vocab.map((f, i) => [f, i]));
  const weight = (f) => {
    const j = model.index.get(f);
    return j === undefined ? 0 : model.w[j];
  };
  let z = model.b;
  for (const f of d.feats) z += weight(f);
  let best = -Infinity;
  let at = 0;
  d.sentences.forEach((fs, i) => {
    const v = fs.reduce((a, f) => a + weight(f), 0);
    if (v > best) {
      best = v;
      at = i;
    }
  });
  if (!d.gates[rule][at]) return 0;
  return 1 / (1 + Math.exp(-z));
}

// Other rules' must-not rows that also floor a rule's threshold: a discriminatory remark about the school
// community is labelled derogatory too, so discriminatory's near misses ("Our new deputy is in a
// wheelchair") are derogatory's; and a reading of any rule makes a draft about work, so the drafts
// disclaimer-missing must leave alone (about a TV show's head teacher) floor every rule. The rest of
// the tables' must-not rows no longer do: on three blind sets the model had not seen (b16-b18) they
// cost half of its right readings.
const FLOOR_TABLES = (r) => (r === 'about-work' ? [] : r === 'derogatory' ? ['about-work', 'discriminatory'] : ['about-work']);

// the drafts a rule's model learns from: every draft, and the other tables' must-not rows that floor its
// threshold (learning from them kept discriminatory's neutral mentions of a group from holding the
// derogatory threshold at 0.999), except that the about-work model does not learn from drafts that carry
// a disclaimer (their label says nothing about whether they are about work)
const floorsOf = (d, rule) => d.mustNot && FLOOR_TABLES(rule).includes(d.only) && !d.ruleFired[rule];
const usable = (rule) => drafts.filter((d) => (d.only === undefined || d.only === rule || floorsOf(d, rule)) && (rule !== 'about-work' || !d.hasDisclaimer));

// ---- leave one set out: out-of-author probabilities for every draft ----
const curveOf = process.argv.includes('--curve') ? process.argv[process.argv.indexOf('--curve') + 1] : undefined;
const setNames = [...new Set(drafts.map((d) => d.set))];
const oof = new Map(RULES.map((r) => [r, new Map()]));
const losoAt = process.argv.indexOf('--loso');
const losoDir = losoAt > 0 ? process.argv[losoAt + 1] : undefined;
/** rule → labelled set → the model trained without that set (kept for --loso) */
const without = new Map(RULES.map((r) => [r, new Map()]));
for (const r of RULES) {
  for (const held of setNames) {
    const model = trainPruned(usable(r).filter((d) => d.set !== held), r);
    for (const d of usable(r).filter((d) => d.set === held)) oof.get(r).set(d, prob(model, d, r));
    if (losoDir && !held.startsWith('table:')) without.get(r).set(held, model);
  }
}

function f1(tp, fp, fn) {
  const p = tp + fp ? tp / (tp + fp) : 1;
  const rc = tp + fn ? tp / (tp + fn) : 1;
  return p + rc ? (2 * p * rc) / (p + rc) : 0;
}

// Thresholds are set on every set: the team's own sets hold most of the hard negatives (near misses
// written to trip the rules), which is what keeps a reading from firing on an innocent draft.
/** The threshold of rule r chosen on the drafts of `ds` (their out-of-set probabilities). */
function chooseThreshold(r, ds) {
  const cleanCount = ds.filter((d) => d.clean).length;
  const base = { tp: 0, fp: 0, fn: 0 };
  for (const d of ds) {
    if (d.ruleFired[r] && d.y[r]) base.tp++;
    else if (d.ruleFired[r]) base.fp++;
    else if (d.y[r]) base.fn++;
  }
  let best = { th: 1.01, f1: f1(base.tp, base.fp, base.fn), tp: base.tp, fp: base.fp, fn: base.fn, added: 0, addedRight: 0, cleanFa: 0 };
  for (let th = 0.5; th <= 0.99; th += 0.01) {
    let tp = base.tp;
    let fp = base.fp;
    let fn = base.fn;
    let added = 0;
    let addedRight = 0;
    let cleanFa = 0;
    for (const d of ds) {
      if (d.ruleFired[r]) continue;
      if (oof.get(r).get(d) < th) continue;
      added++;
      if (d.y[r]) {
        addedRight++;
        tp++;
        fn--;
      } else {
        fp++;
        if (d.clean) cleanFa++;
      }
    }
    if (curveOf === r && Math.round(th * 100) % 5 === 0) console.error(`curve ${r} ${th.toFixed(2)} added ${added} right ${addedRight} cleanFa ${cleanFa}/${cleanCount} f1 ${f1(tp, fp, fn).toFixed(3)}`);
    if (added && addedRight / added < MIN_ADDED_PRECISION(r)) continue;
    if (cleanFa > MAX_CLEAN_FA * cleanCount) continue;
    const score = f1(tp, fp, fn);
    if (score > best.f1 + 1e-9) best = { th: Math.round(th * 100) / 100, f1: score, tp, fp, fn, added, addedRight, cleanFa };
  }
  return { base, best };
}
// the tables' rows teach the model but do not set its threshold (they are not a sample of real posts)
const thresholdDrafts = (r) => usable(r).filter((d) => !d.set.startsWith('table:'));
const report = {};
const thresholds = {};
for (const r of RULES) {
  const { base, best } = chooseThreshold(r, thresholdDrafts(r));
  thresholds[r] = best.th;
  report[r] = { constructions: { ...base, f1: Math.round(f1(base.tp, base.fp, base.fn) * 1000) / 1000 }, withModel: { ...best, f1: Math.round(best.f1 * 1000) / 1000 } };
}
console.log(JSON.stringify({ crossValidated: report }, null, 2));
if (process.argv.includes('--dry-run')) process.exit(0);

// ---- final models on every set ----
/**
 * The model file for the given per-rule models and thresholds. `held` is a labelled set left out:
 * its drafts neither raise a threshold nor are in the file's source.
 */
function modelFile(modelOf, chosen, held) {
  const th = { ...chosen };
  const weights = {};
  const bias = [];
  const models = new Map(RULES.filter((r) => th[r] <= 1).map((r) => [r, modelOf(r)]));
  const boosted = {};
  const active = [...models.keys()].filter((r) => models.get(r));
  const floors = {};
  active.forEach((r, ri) => {
    let model = models.get(r);
    // the rule's own must-not rows are its spec: the threshold sits above every one of them,
    // and so are the team's own sets, written around near misses and held to their labels draft by
    // draft (tests/eval/eval.test.ts): none of their drafts without the rule may get it. Other rules'
    // must-not rows and the blind sets' clean drafts no longer raise it: measured on three blind sets
    // the model had not seen (b16-b18), those floors cost more right readings than the false alarms
    // they kept away, which the blind sets' clean drafts already bound through MAX_CLEAN_FA.
    const mustNot = [
      ...usable(r).filter((d) => d.set !== held && !d.y[r] && !d.ruleFired[r] && (d.set.startsWith('table:') || !d.known)),
      ...drafts.filter((d) => floorsOf(d, r)),
    ];
    // the rows over the chosen threshold are weighed more and the model trained again (BOOST)
    const boost = new Map();
    // (not for the rules that block: measured on eleven blind sets each left out, threat's boosted readings added
    // seven false alarms and no right one)
    for (let round = 0; round < (BLOCK_RULES.has(r) ? 0 : BOOST_ROUNDS); round++) {
      const over = mustNot.filter((d) => prob(model, d, r) >= th[r]);
      if (over.length === 0) break;
      for (const d of over) boost.set(d, (boost.get(d) ?? 1) * BOOST);
      model = modelOf(r, boost);
    }
    if (boost.size) boosted[r] = boost.size;
    const top = Math.max(0, ...mustNot.map((d) => prob(model, d, r)));
    if (process.argv.includes('--why-floors') && held === undefined) {
      const worst = mustNot.map((d) => [prob(model, d, r), d]).filter(([p]) => p >= th[r]).sort((a, b) => b[0] - a[0]);
      console.error(`train-models: ${r}: ${worst.length} must-not rows at or above its threshold ${th[r]}; highest:`);
      for (const [p, d] of worst.slice(0, 8)) console.error(`  ${p.toFixed(3)} ${d.set} ${d.id}`);
    }
    if (top >= th[r]) {
      floors[r] = Math.round(top * 1000) / 1000;
      th[r] = Math.min(0.999, Math.ceil((top + 0.005) * 1000) / 1000);
    }
    bias.push(Math.round(model.b * 1000) / 1000);
    model.vocab.forEach((f, j) => {
      const v = Math.round(model.w[j] * 1000) / 1000;
      if (v === 0) return;
      (weights[f] ??= []).push(ri, v);
    });
  });
  const trainedOn = Object.entries(sets).filter(([k]) => k !== held);
  const file = {
    id: 'learned',
    description:
      'Learned backstop (src/engine/learned.ts): one logistic regression per rule over the words and word pairs of a draft, with names and numbers abstracted. Trained by scripts/train-models.mjs on the labelled sets in tests/eval (sets.json); each threshold was chosen on sets the model was not trained on (leave one author out). Regenerate with node scripts/train-models.mjs after the sets change.',
    source: { sets: Object.fromEntries(trainedOn.map(([k, s]) => [k, s.file])), drafts: drafts.filter((d) => d.set !== held).length, features: Object.keys(weights).length },
    featureClasses: FEATURE_CLASSES,
    models: { rules: active, bias, threshold: active.map((r) => th[r]), weights },
  };
  return { file, floors, th, active, boosted };
}

if (losoDir) {
  mkdirSync(losoDir, { recursive: true });
  for (const held of Object.keys(sets)) {
    // thresholds chosen on the other sets' out-of-set readings, the models trained without this set
    const chosen = Object.fromEntries(RULES.map((r) => [r, chooseThreshold(r, thresholdDrafts(r).filter((d) => d.set !== held)).best.th]));
    const { file, th, active } = modelFile((r, boost) => (boost ? trainPruned(usable(r).filter((d) => d.set !== held), r, boost) : without.get(r).get(held)), chosen, held);
    writeFileSync(join(losoDir, `${held}.json`), `${JSON.stringify(file)}\n`);
    console.error(`train-models: ${losoDir}/${held}.json, trained without ${held}: ${active.map((r) => `${r} ${th[r]}`).join(', ')}`);
  }
}

const { file, floors, th: finalThresholds, active, boosted } = modelFile((r, boost) => trainPruned(usable(r), r, boost), thresholds);
writeFileSync(join(root, 'rules', 'models', 'learned.json'), `${JSON.stringify(file)}\n`);
console.error(`train-models: wrote rules/models/learned.json: ${active.length} rules (${active.map((r) => `${r} ${finalThresholds[r]}`).join(', ')}), ${Object.keys(file.models.weights).length} features`);
for (const [r, n] of Object.entries(boosted)) console.error(`train-models: ${r}: ${n} must-not rows over its chosen threshold weighed more (x${BOOST} a round, ${BOOST_ROUNDS} rounds at most)`);
for (const [r, f] of Object.entries(floors)) console.error(`train-models: ${r}: threshold raised to ${finalThresholds[r]} above its highest must-not row (${f})`);
