// The meta-test (after ESLint's checkRuleFiles and refined-github's features test): every rule id in
// docs/rules.md has its module, its table-driven test, and a citation in every profile that enables it.
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { POLICY_IDS, resolveProfile } from '../../src/data/profiles.js';
import { RULES } from '../../src/engine/rules/index.js';
import { RULE_IDS } from '../../src/engine/types.js';

const root = new URL('../../', import.meta.url);
const rulesMd = readFileSync(new URL('docs/rules.md', root), 'utf8');
const catalogue = [...rulesMd.matchAll(/^\| `([a-z-]+)` \|/gm)].map((m) => m[1]!);

describe('rule catalogue completeness', () => {
  it('docs/rules.md lists the rule ids the engine knows, no more and no fewer', () => {
    expect(catalogue.length).toBeGreaterThanOrEqual(18);
    expect([...catalogue].sort()).toEqual([...RULE_IDS].sort());
  });

  for (const id of catalogue) {
    describe(id, () => {
      it('has its module, registered once', () => {
        expect(existsSync(new URL(`src/engine/rules/${id}.ts`, root)), `src/engine/rules/${id}.ts`).toBe(true);
        const mods = RULES.filter((r) => r.meta.id === id);
        expect(mods).toHaveLength(1);
        const src = readFileSync(new URL(`src/engine/rules/${id}.ts`, root), 'utf8');
        expect(src, `${id} is still a placeholder`).not.toMatch(/PLACEHOLDER/);
        expect(Object.keys(mods[0]!.meta.messages).length).toBeGreaterThan(0);
        for (const m of Object.values(mods[0]!.meta.messages)) {
          const { text, policy } = typeof m === 'string' ? { text: m, policy: undefined } : m;
          expect(text).toMatch(/^[A-Z].*\.$/);
          // whose policy it is, is the engine's call (engine/citation.ts): a rule never claims it
          expect(text, `${id}: the finding's sentence names no policy`).not.toMatch(/\byour policy\b/i);
          if (policy !== undefined) expect(policy, `${id}: the policy gist is a verb phrase ("say pupils must…")`).toMatch(/^(say|forbid|ask) [a-z].*[^.]$/);
        }
      });
      it('has its table-driven test with must-flag and must-not-flag cases', () => {
        const file = new URL(`tests/rules/${id}.test.ts`, root);
        expect(existsSync(file), `tests/rules/${id}.test.ts`).toBe(true);
        const src = readFileSync(file, 'utf8');
        expect(src).toMatch(new RegExp(`ruleTable\\(\\s*'${id}'`));
        expect(src).toMatch(/flag:\s*\[/);
        expect(src).toMatch(/pass:\s*\[/);
      });
      it('is cited by every profile that enables it, and is on in combined', () => {
        const combined = resolveProfile('combined').rules[id as (typeof RULE_IDS)[number]];
        expect(combined, `combined profile enables ${id}`).toBeDefined();
        expect(combined!.citations.length).toBeGreaterThan(0);
        for (const p of POLICY_IDS) {
          const r = resolveProfile(p).rules[id as (typeof RULE_IDS)[number]];
          if (!r) continue;
          expect(r.citations.length, `${p} cites ${id}`).toBeGreaterThan(0);
          for (const c of r.citations) {
            expect(c.quote.length).toBeGreaterThan(0);
            expect(c.section.length).toBeGreaterThan(0);
          }
        }
      });
    });
  }
});
