// The learned backstop (src/engine/learned.ts): a reading where the constructions found nothing,
// never above warn, standing on one sentence, held back by the rule's gate, and off on request.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { learnedModelsSchema } from '../../src/data/schema.js';
import { analyse } from '../../src/engine/text/doc.js';
import { modelWords, sentenceFeatures } from '../../src/engine/learned.js';
import { RULE_IDS } from '../../src/engine/types.js';
import { findings, ST_AIDANS } from '../rules/helpers.js';

const learned = (text: string, ctx = {}) => findings(text, ctx).filter((f) => f.message.startsWith('Reads like posts that'));
const model = JSON.parse(readFileSync(new URL('../../rules/models/learned.json', import.meta.url), 'utf8')) as unknown;

describe('the learned models file', () => {
  it('is valid, names real rules, and says what it was trained on', () => {
    const r = learnedModelsSchema.safeParse(model);
    expect(r.success, r.success ? '' : JSON.stringify(r.error.issues.slice(0, 3))).toBe(true);
    const m = r.data!;
    for (const rule of m.models.rules) expect([...RULE_IDS, 'about-work']).toContain(rule);
    for (const t of m.models.threshold) expect(t).toBeGreaterThanOrEqual(0.5);
    expect(m.source.drafts).toBeGreaterThan(1000);
    expect(Object.keys(m.models.weights).length).toBe(m.source.features);
  });

  it('rejects a weight list that points at a rule it does not have', () => {
    const bad = structuredClone(model) as { models: { weights: Record<string, number[]> } };
    bad.models.weights['one more'] = [99, 1.5];
    expect(learnedModelsSchema.safeParse(bad).success).toBe(false);
  });
});

describe('the learned backstop', () => {
  // an ultimatum with a consequence no construction lists: the model reads it as a threat
  // (the cricket bat this used to bring in is now a construction: a weapon brought in after an ultimatum)
  const ultimatum = "If that dad mouths off at me once more he'll be needing a new set of teeth";

  it('reads a threat the constructions miss, on the sentence that carries it, at warn at most', () => {
    // ("that dad" may also read as a pupil's family: pupil-reference's own reading, not this one's)
    const got = learned(ultimatum).filter((f) => f.rule === 'threat');
    expect(got.length).toBe(1);
    expect(got[0]!.excerpt).toBe(ultimatum);
    // threat is block-level in the combined profile; a reading asks, it never blocks
    expect(findings(ultimatum, { learned: false }).filter((f) => f.rule === 'threat')).toEqual([]);
    expect(got[0]!.severity).toBe('warn');
    expect(got[0]!.policy.quote.length).toBeGreaterThan(0);
  });

  it('is off with learned: false (the constructions alone)', () => {
    expect(findings(ultimatum, { learned: false }).some((f) => f.message.startsWith('Reads like posts that'))).toBe(false);
  });

  it('says nothing where a construction already found the rule', () => {
    const text = 'Someone should give that kid a good slap';
    const threat = findings(text).filter((f) => f.rule === 'threat');
    expect(threat.length).toBe(1);
    expect(threat[0]!.message.startsWith('Reads like posts that')).toBe(false);
  });

  it('keeps quiet on the near misses its gates are for', () => {
    // an invitation turned down, and one not made to pupils or parents
    expect(learned('Year 11s, do not add me on Snapchat, I will not accept.')).toEqual([]);
    expect(learned('Text me on 07723 456 789 if you want the spare concert tickets')).toEqual([]);
    // a stereotype refuted; a kind word about a colleague
    expect(learned("It's a myth that women can't do maths")).toEqual([]);
    expect(learned('The new head is a breath of fresh air')).toEqual([]);
    expect(learned('Our new deputy is in a wheelchair. How is he going to fit it all in with three kids, legend')).toEqual([]);
  });

  it('reads names and numbers as what they are, and negated words as negated', () => {
    const text = 'Well done Joshua Brown in Year 6, do not call me at 9';
    const doc = analyse(text);
    const hits = new Map([['pupil-name' as const, findings(text).filter((f) => f.rule === 'pupil-name').map((f) => ({ start: f.start, end: f.end, messageId: 'x' }))]]);
    const words = modelWords(doc, hits).flat();
    expect(words).toContain('<pupil>');
    expect(words).toContain('<year>');
    expect(words).toContain('!call');
    expect(words).not.toContain('joshua');
    expect(sentenceFeatures(['a', 'b', 'c'])).toEqual(['a', 'b', 'c', 'a b', 'b c']);
    expect(ST_AIDANS.pupils?.length).toBeGreaterThan(0);
  });
});

describe('word classes', () => {
  it('reads a class word as its class, and the word itself beside it', async () => {
    const { modelSentences, modelFeatures } = await import('../../src/engine/learned.js');
    const doc = analyse('Our SLT are useless. They are not useless.');
    const fc = { derogatory: ['insult-adj'] };
    const [first, second] = modelSentences(doc, new Map(), fc);
    expect(first!.words).toContain('<c:insult-adj>');
    expect(first!.words).not.toContain('useless');
    expect(modelFeatures(first!)).toContain('useless');
    expect(modelFeatures(first!)).toContain('are <c:insult-adj>');
    // negated like any other word
    expect(second!.words).toContain('!<c:insult-adj>');
    // the model file's own classes all exist (the build checks this too)
    expect(Object.keys((model as { featureClasses?: object }).featureClasses ?? {}).length).toBeGreaterThan(0);
  });
});
