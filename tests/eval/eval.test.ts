// The held-out evaluation set: drafts written the way school staff post, labelled by RULES.md
// against the demo school (tests/eval/samples-config.json), none of them a paraphrase of a
// sample or of a rule's own table. Every draft must get exactly its labels, run in-process through
// the engine with one compiled configuration. `npm run eval` prints per-rule precision and recall
// over the same drafts. Drafts the engine still gets wrong are listed in KNOWN_MISSES with the
// reason: they are expected to fail, so fixing one makes this suite say so (remove it from the list).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/config/schema.js';
import { check, compileConfig } from '../../src/engine/engine.js';
import { RULE_IDS, type RuleId } from '../../src/engine/types.js';

interface Draft {
  id: string;
  site: string;
  text: string;
  media: boolean;
  at: string | null;
  labels: RuleId[];
  why: string;
}

const read = (url: URL) =>
  readFileSync(url, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as Draft);

const drafts = read(new URL('./drafts.jsonl', import.meta.url));
// a second batch, written and labelled blind (before the engine was run on it); `npm run eval -- --set blind2`
const blind2 = read(new URL('./blind-2.jsonl', import.meta.url));
// a third blind batch (LinkedIn, replies, long posts, support staff, heads and governors, Welsh/Scottish/NI English); `--set blind3`
const blind3 = read(new URL('./blind-3.jsonl', import.meta.url));
const samples = read(new URL('./samples.jsonl', import.meta.url));
const config = parseConfig(JSON.parse(readFileSync(new URL('./samples-config.json', import.meta.url), 'utf8')));
if (!config.ok) throw new Error(JSON.stringify(config.problems));
const compiled = compileConfig(config.config);

/** Drafts the engine still labels wrongly, by id, with what it gets wrong. */
const KNOWN_MISSES: Record<string, string> = {
  'b2-021': "'hired another woman who'll just go off on maternity' is caught (discriminatory) but discriminatory alone does not make a draft about work and 'hired' is not a work word, so no disclaimer",
  e196: "'Watching Carmen at the Lowry' is the opera: a capitalised roster first name with nothing but a venue around it reads as a name",
  'b3-002': "'a new role as Head of Science in Bolton' is read as the writer saying where they work (a role + 'in' + a town), though it names no school",
  'b3-017': "a governor's 'cutting two TA posts' is a budget disclosure (confidential), but the cut-verb + TA pattern also reads it as a grievance about cuts",
  'b3-041': "'some bloke in a wheelchair, how's he going to do a duty?' is now discriminatory, but 'in a wheelchair' beside 'the deputy' is also read as a disclosed disability (confidential) and the stereotype about a named role as derogatory",
  'b3-046': "'Proud of Greenhalgh in the cross-country' has no pupil word near the surname; a sport alone is not enough pupil context for a surname (an adult colleague could be meant)",
};

const labelsOf = (d: Draft) => [...new Set(check(d.text, { site: d.site as never, media: d.media, at: d.at }, compiled).map((f) => f.rule))].sort();

describe('the held-out evaluation set', () => {
  it('is a well-formed, substantial set covering every rule', () => {
    expect(drafts.length).toBeGreaterThanOrEqual(160);
    expect(new Set(drafts.map((d) => d.id)).size).toBe(drafts.length);
    for (const d of drafts) {
      expect(Object.keys(d).sort()).toEqual(['at', 'id', 'labels', 'media', 'site', 'text', 'why']);
      for (const l of d.labels) expect(RULE_IDS).toContain(l);
    }
    for (const id of RULE_IDS) expect(drafts.filter((d) => d.labels.includes(id)).length, id).toBeGreaterThanOrEqual(6);
    expect(drafts.filter((d) => d.why.startsWith('hard negative')).length).toBeGreaterThanOrEqual(60);
    for (const id of Object.keys(KNOWN_MISSES)) expect([...drafts, ...blind2, ...blind3].some((d) => d.id === id), id).toBe(true);
  });

  for (const d of drafts) {
    const name = `${d.id}: ${d.labels.join(', ') || 'clean'} · ${d.text.slice(0, 70)}`;
    const run = () => expect(labelsOf(d), `${d.text} (${d.why})`).toEqual([...d.labels].sort());
    if (KNOWN_MISSES[d.id]) it.fails(`${name} [known miss: ${KNOWN_MISSES[d.id]}]`, run);
    else it(name, run);
  }
});

describe('the blind-2 batch (written before tuning, kept as a regression set)', () => {
  it('is well formed and covers every rule', () => {
    expect(blind2.length).toBe(100);
    expect(new Set(blind2.map((d) => d.id)).size).toBe(blind2.length);
    for (const d of blind2) {
      expect(Object.keys(d).sort()).toEqual(['at', 'id', 'labels', 'media', 'site', 'text', 'why']);
      for (const l of d.labels) expect(RULE_IDS).toContain(l);
    }
    for (const id of RULE_IDS) expect(blind2.some((d) => d.labels.includes(id)), id).toBe(true);
    expect(blind2.filter((d) => d.why.startsWith('hard negative')).length).toBeGreaterThanOrEqual(35);
  });

  for (const d of blind2) {
    const name = `${d.id}: ${d.labels.join(', ') || 'clean'} · ${d.text.slice(0, 70)}`;
    const run = () => expect(labelsOf(d), `${d.text} (${d.why})`).toEqual([...d.labels].sort());
    if (KNOWN_MISSES[d.id]) it.fails(`${name} [known miss: ${KNOWN_MISSES[d.id]}]`, run);
    else it(name, run);
  }
});

describe('the blind-3 batch (written before tuning, kept as a regression set)', () => {
  it('is well formed', () => {
    expect(blind3.length).toBe(80);
    expect(new Set(blind3.map((d) => d.id)).size).toBe(blind3.length);
    for (const d of blind3) {
      expect(Object.keys(d).sort()).toEqual(['at', 'id', 'labels', 'media', 'site', 'text', 'why']);
      for (const l of d.labels) expect(RULE_IDS).toContain(l);
    }
    expect(blind3.filter((d) => d.why.startsWith('hard negative')).length).toBeGreaterThanOrEqual(30);
  });

  for (const d of blind3) {
    const name = `${d.id}: ${d.labels.join(', ') || 'clean'} · ${d.text.slice(0, 70)}`;
    const run = () => expect(labelsOf(d), `${d.text} (${d.why})`).toEqual([...d.labels].sort());
    if (KNOWN_MISSES[d.id]) it.fails(`${name} [known miss: ${KNOWN_MISSES[d.id]}]`, run);
    else it(name, run);
  }
});

// the shared samples too, in-process (tests/cli/cli.test.ts checks them through the built CLI)
describe('the shared samples, in-process', () => {
  for (const d of samples) it(`${d.id}: ${d.labels.join(', ') || 'clean'}`, () => expect(labelsOf(d), `${d.text} (${d.why})`).toEqual([...d.labels].sort()));
});

// The large sets written by authors who never saw the engine (realistic, and the helper-written
// batches), each against its own school. Every draft not listed in known-misses.json must get exactly
// its labels; every listed one must still be wrong in exactly the recorded way, so any change (a fix
// or a regression) fails here until `node scripts/eval.mjs --write-known-misses` records it and the
// diff of known-misses.json shows what moved.
interface SetEntry {
  file: string;
  config: string;
  known?: boolean;
}
const SETS = JSON.parse(readFileSync(new URL('./sets.json', import.meta.url), 'utf8')) as Record<string, SetEntry>;
const RECORDED = JSON.parse(readFileSync(new URL('./known-misses.json', import.meta.url), 'utf8')) as Record<string, Record<string, { missing: RuleId[]; extra: RuleId[] }>>;

for (const [name, set] of Object.entries(SETS)) {
  if (!set.known) continue;
  const parsed = parseConfig(JSON.parse(readFileSync(new URL(`./${set.config}`, import.meta.url), 'utf8')));
  if (!parsed.ok) throw new Error(`${set.config}: ${JSON.stringify(parsed.problems)}`);
  const school = compileConfig(parsed.config);
  const ds = read(new URL(`./${set.file}`, import.meta.url));
  const recorded = RECORDED[name] ?? {};
  describe(`the ${name} set (${ds.length} drafts; ${Object.keys(recorded).length} recorded misses)`, () => {
    it('is well formed, and every recorded miss is a draft of the set', () => {
      expect(new Set(ds.map((d) => d.id)).size).toBe(ds.length);
      for (const d of ds) for (const l of d.labels) expect(RULE_IDS).toContain(l);
      for (const id of Object.keys(recorded)) expect(ds.some((d) => d.id === id), id).toBe(true);
    });
    for (const d of ds) {
      const miss = recorded[d.id];
      const want = miss ? [...d.labels.filter((l) => !miss.missing.includes(l)), ...miss.extra] : d.labels;
      it(`${d.id}: ${d.labels.join(', ') || 'clean'}${miss ? ` [recorded miss: ${miss.missing.map((r) => `-${r}`).concat(miss.extra.map((r) => `+${r}`)).join(' ')}]` : ''}`, () => {
        const got = [...new Set(check(d.text, { site: d.site as never, media: d.media, at: d.at }, school).map((f) => f.rule))].sort();
        expect(got, `${d.text} (${d.why})`).toEqual([...new Set(want)].sort());
      });
    }
  });
}
