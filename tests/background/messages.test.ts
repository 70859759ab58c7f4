// Small, bounded messages between the content script and the worker (security audit finding 13,
// issue 8 item 5): long drafts in parts, a capped list of findings pointing into one list of
// clauses; and the worker's queue, which runs the shortest waiting check first.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { PartStore } from '../../src/background/parts.js';
import { CheckQueue } from '../../src/background/queue.js';
import { compileConfig, check } from '../../src/engine/engine.js';
import { parseConfig } from '../../src/config/schema.js';
import { checkPart, checkRequest } from '../../src/shared/protocol.js';
import { fromWire, MAX_FINDINGS, MAX_PART, MAX_PARTS, splitDraft, toWire } from '../../src/shared/wire.js';

const demo = parseConfig(JSON.parse(readFileSync(new URL('../../examples/demo-school.json', import.meta.url), 'utf8')));
if (!demo.ok) throw new Error('demo config');
const cfg = compileConfig(demo.config);
const hex = () => '0123456789abcdef';
const REST = { kind: 'checked' as const, seq: 1, enabled: true, worst: null, enforcement: 'block' as const, disclaimer: '' };

describe('a check answer', () => {
  it('for 12,600 findings carries the first 100, counts the rest, and each clause once', () => {
    const findings = check('sh1t '.repeat(12_600), { site: 'facebook' }, cfg);
    expect(findings.length).toBeGreaterThan(12_000);
    const wire = toWire(findings, REST);
    expect(wire.findings).toHaveLength(MAX_FINDINGS);
    expect(wire.omitted.block + wire.omitted.warn + wire.omitted.info).toBe(findings.length - MAX_FINDINGS);
    expect(new Set(wire.citations.map((c) => JSON.stringify(c))).size).toBe(wire.citations.length);
    // what it was: every finding with every clause in full
    const before = JSON.stringify({ ...REST, findings }).length;
    const after = JSON.stringify(wire).length;
    expect(before).toBeGreaterThan(10_000_000);
    expect(after).toBeLessThan(60_000);
  });

  it('sends the most severe findings first, and reads back to the same findings', () => {
    const text = 'Well done Amelia-Rose Kaur, you little shit. ' + 'damn '.repeat(300);
    const findings = check(text, { site: 'facebook' }, cfg);
    const wire = toWire(findings, REST);
    const rank = { block: 3, warn: 2, info: 1 };
    const sent = wire.findings.map((f) => rank[f.severity]);
    expect([...sent].sort((a, b) => b - a)).toEqual(sent);
    expect(wire.findings.some((f) => f.rule === 'pupil-name')).toBe(true);
    const back = fromWire(wire).findings;
    for (const f of back) expect(findings).toContainEqual(f);
  });

  it('drops a finding that points at a clause the answer does not carry', () => {
    const wire = toWire(check('Well done Amelia-Rose Kaur', { site: 'x' }, cfg), REST);
    wire.findings[0]!.policy = 99;
    expect(fromWire(wire).findings).toHaveLength(wire.findings.length - 1);
  });
});

describe('a long draft in parts', () => {
  it('goes whole up to MAX_PART, in parts past it, and the parts validate', () => {
    expect(splitDraft('x'.repeat(MAX_PART), hex)).toEqual({ parts: [], last: { text: 'x'.repeat(MAX_PART) } });
    const text = 'a'.repeat(MAX_PART) + 'b'.repeat(MAX_PART) + 'c'.repeat(48);
    const { parts, last } = splitDraft(text, hex);
    expect(parts.map((p) => p.index)).toEqual([0, 1]);
    expect(last.parts).toEqual({ id: hex(), count: 3 });
    for (const p of parts) expect(checkPart.safeParse(p).success).toBe(true);
    expect(checkRequest.safeParse({ kind: 'check', seq: 1, site: 'x', media: false, ...last }).success).toBe(true);
    expect(parts.map((p) => p.text).join('') + last.text).toBe(text);
  });

  it('past MAX_PARTS parts cannot be sent (and a check of it fails, so Post is held)', () => {
    expect(() => splitDraft('x'.repeat(MAX_PART * MAX_PARTS + 1), hex)).toThrow(/longer than PostCheck can check/);
  });

  it('is put together by the worker per sender and id, and not when a part is missing', () => {
    const store = new PartStore();
    store.add('tab1', 'aaaaaaaaaaaaaaaa', 0, 'one ');
    store.add('tab1', 'aaaaaaaaaaaaaaaa', 1, 'two ');
    store.add('tab2', 'aaaaaaaaaaaaaaaa', 0, 'other ');
    expect(store.take('tab1', 'aaaaaaaaaaaaaaaa', 3, 'three')).toBe('one two three');
    expect(store.take('tab1', 'aaaaaaaaaaaaaaaa', 3, 'three')).toBeNull();
    expect(store.take('tab2', 'aaaaaaaaaaaaaaaa', 3, 'three')).toBeNull();
  });

  it('is held for a while and only so much per sender', () => {
    let now = 0;
    const store = new PartStore(() => now);
    store.add('tab', 'bbbbbbbbbbbbbbbb', 0, 'x');
    now = 31_000;
    expect(store.take('tab', 'bbbbbbbbbbbbbbbb', 2, 'y')).toBeNull();
    const big = 'x'.repeat(MAX_PART);
    for (let i = 0; i < MAX_PARTS; i++) expect(store.add('tab', 'cccccccccccccccc', i, big)).toBe(true);
    expect(store.add('tab', 'dddddddddddddddd', 0, 'x')).toBe(false);
  });
});

describe('the worker’s check queue', () => {
  it('runs the shortest waiting check first, and a short one asked for during a long one before its next step', async () => {
    const q = new CheckQueue();
    const order: string[] = [];
    // a check that comes in steps (the engine's windows of a long draft)
    function* long() {
      for (let i = 0; i < 5; i++) {
        order.push(`long ${i}`);
        yield;
      }
      return 'long';
    }
    const a = q.run(200_000, long);
    const b = q.run(50_000, () => (order.push('mid'), 'mid'));
    // asked for while the long one is under way
    await new Promise((r) => setTimeout(r, 0));
    await new Promise((r) => setTimeout(r, 0));
    await new Promise((r) => setTimeout(r, 0));
    const c = q.run(20, () => (order.push('short'), 'short'));
    expect(await Promise.all([a, b, c])).toEqual(['long', 'mid', 'short']);
    expect(order[0]).toBe('mid');
    expect(order.indexOf('short')).toBeGreaterThan(order.indexOf('long 0'));
    expect(order.indexOf('short')).toBeLessThan(order.indexOf('long 4'));
  });

  it('passes a failing check’s error on and goes on with the next', async () => {
    const q = new CheckQueue();
    const bad = q.run(1, () => {
      throw new Error('boom');
    });
    const good = q.run(2, () => 'ok');
    await expect(bad).rejects.toThrow('boom');
    expect(await good).toBe('ok');
  });
});
