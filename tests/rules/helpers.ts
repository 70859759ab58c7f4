// Table-driven rule tests (after ESLint's RuleTester): each rule's test lists drafts it must flag
// and drafts it must leave alone, run through the whole engine with a real configuration.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseConfig, type SchoolConfig } from '../../src/config/schema.js';
import { check, compileConfig, type CompiledConfig } from '../../src/engine/engine.js';
import type { CheckContext, Finding, RuleId } from '../../src/engine/types.js';

export const ST_AIDANS: SchoolConfig = (() => {
  const r = parseConfig(JSON.parse(readFileSync(new URL('../fixtures/st-aidans.json', import.meta.url), 'utf8')));
  if (!r.ok) throw new Error(JSON.stringify(r.problems));
  return r.config;
})();

const compiledCache = new Map<SchoolConfig, CompiledConfig>();
export function compiled(config: SchoolConfig = ST_AIDANS): CompiledConfig {
  let c = compiledCache.get(config);
  if (!c) {
    c = compileConfig(config);
    compiledCache.set(config, c);
  }
  return c;
}

export function findings(text: string, ctx: CheckContext = {}, config: SchoolConfig = ST_AIDANS): Finding[] {
  return check(text, ctx, compiled(config));
}

export interface FlagCase {
  text: string;
  /** the words the finding must cover exactly (its excerpt); omit for draft-level checks */
  excerpt?: string;
  ctx?: CheckContext;
  config?: SchoolConfig;
}
export interface PassCase {
  text: string;
  ctx?: CheckContext;
  config?: SchoolConfig;
}

type Case<T> = string | T;
const norm = <T extends { text: string }>(c: Case<T>): T => (typeof c === 'string' ? ({ text: c } as T) : c);

/** Must-flag and must-not-flag tables for one rule. */
export function ruleTable(rule: RuleId, cases: { flag: Array<Case<FlagCase>>; pass: Array<Case<PassCase>> }): void {
  describe(`${rule}`, () => {
    describe('flags', () => {
      for (const raw of cases.flag) {
        const c = norm<FlagCase>(raw);
        it(JSON.stringify(c.text).slice(0, 100), () => {
          const got = findings(c.text, c.ctx, c.config).filter((f) => f.rule === rule);
          expect(got.length, `${rule} should fire on ${JSON.stringify(c.text)}`).toBeGreaterThan(0);
          if (c.excerpt !== undefined) expect(got.map((f) => f.excerpt)).toContain(c.excerpt);
          for (const f of got) {
            expect(f.excerpt).toBe(c.text.slice(f.start, f.end));
            expect(f.policy.quote.length).toBeGreaterThan(0);
            expect(f.message).toMatch(/\.$/);
          }
        });
      }
    });
    describe('leaves alone', () => {
      for (const raw of cases.pass) {
        const c = norm<PassCase>(raw);
        it(JSON.stringify(c.text).slice(0, 100), () => {
          const got = findings(c.text, c.ctx, c.config).filter((f) => f.rule === rule);
          expect(got.map((f) => `${f.excerpt} (${f.message})`), `${rule} should not fire on ${JSON.stringify(c.text)}`).toEqual([]);
        });
      }
    });
  });
}
