// The configuration schema (docs/configuration.md) and the managed-storage schema generated from it.
import Ajv from 'ajv';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { managedSchema } from '../../src/config/managed-schema.js';
import { formatProblems, parseConfig } from '../../src/config/schema.js';
import { RULE_IDS } from '../../src/engine/types.js';

const read = (p: string) => JSON.parse(readFileSync(new URL(p, import.meta.url), 'utf8')) as unknown;
const configMdExample = (() => {
  const md = readFileSync(new URL('../../docs/configuration.md', import.meta.url), 'utf8');
  const block = /```jsonc\n([\s\S]*?)```/.exec(md)![1]!;
  return JSON.parse(block.replace(/(^|\s)\/\/\s.*$/gm, '')) as unknown;
})();

describe('configuration schema', () => {
  it('accepts the docs/configuration.md example, the demo school, the sample school and an empty object', () => {
    for (const c of [configMdExample, read('../../examples/demo-school.json'), read('../eval/samples-config.json'), {}]) {
      const r = parseConfig(c);
      expect(r.ok ? [] : formatProblems(r.problems)).toEqual([]);
    }
  });

  it('names the field and says what was expected', () => {
    const r = parseConfig({
      policy: 'strictest',
      school: { name: 42 },
      pupils: ['Josh Brown', 7],
      rules: { 'pupil-name': 'loud', 'made-up': 'warn' },
      schoolHours: { start: '8.30', end: '15:30' },
      colour: 'red',
    });
    expect(r.ok).toBe(false);
    const text = r.ok ? '' : formatProblems(r.problems);
    expect(text).toContain('policy: expected one of "combined"');
    expect(text).toContain('got string "strictest"');
    expect(text).toContain('school.name: expected string, got number 42');
    expect(text).toContain('pupils[1]: expected string, got number 7');
    expect(text).toMatch(/rules\.pupil-name: expected one of "off", "info", "warn", "block"/);
    expect(text).toMatch(/rules\.made-up|rules: /);
    expect(text).toContain('schoolHours.start: expected a time as "HH:MM"');
    expect(text).toContain('colour: unknown field "colour"');
  });

  it('rejects a non-object at the top level', () => {
    for (const bad of [null, 'x', [1], 3]) expect(parseConfig(bad).ok).toBe(false);
  });
});

describe('managed-storage schema (Chrome draft-03 subset)', () => {
  const schema = managedSchema();

  it('has an object at the top level and no top-level additionalProperties', () => {
    expect(schema.type).toBe('object');
    expect(schema).not.toHaveProperty('additionalProperties');
    expect(schema).not.toHaveProperty('$schema');
  });

  it('gives every node exactly one type and only keywords Chrome knows', () => {
    const allowed = new Set(['type', 'description', 'title', 'properties', 'items', 'enum', 'pattern', 'minimum', 'maximum']);
    const walk = (node: Record<string, unknown>, path: string) => {
      expect(typeof node.type, `${path}.type`).toBe('string');
      for (const k of Object.keys(node)) expect(allowed.has(k), `${path}: keyword ${k}`).toBe(true);
      if (node.properties) for (const [k, v] of Object.entries(node.properties as object)) walk(v as Record<string, unknown>, `${path}.${k}`);
      if (node.items) walk(node.items as Record<string, unknown>, `${path}[]`);
    };
    walk(schema, 'config');
  });

  it('lists every rule id and every field of the configuration', () => {
    const props = schema.properties as Record<string, Record<string, unknown>>;
    expect(Object.keys(props).sort()).toEqual(
      ['policy', 'school', 'pupils', 'staff', 'suppliers', 'terms', 'policyClauses', 'disclaimer', 'enforcement', 'rules', 'sites', 'schoolHours', 'locked', 'statistics'].sort(),
    );
    expect(Object.keys(props.rules!.properties as object).sort()).toEqual([...RULE_IDS].sort());
  });

  it('accepts what the zod schema accepts and rejects wrong types (validated with ajv)', () => {
    const ajv = new Ajv({ strict: false, allErrors: true });
    const validate = ajv.compile(schema);
    for (const c of [configMdExample, read('../../examples/demo-school.json'), read('../eval/samples-config.json')]) {
      expect(validate(c), JSON.stringify(validate.errors)).toBe(true);
    }
    expect(validate({ pupils: 'Josh' })).toBe(false);
    expect(validate({ enforcement: 'sometimes' })).toBe(false);
    expect(validate({ schoolHours: { start: 830 } })).toBe(false);
  });

  it('is the schema the Chrome build ships', () => {
    const built = read('../../dist/chrome/managed_schema.json');
    expect(built).toEqual(schema);
    const manifest = read('../../dist/chrome/manifest.json') as { storage: { managed_schema: string } };
    expect(manifest.storage.managed_schema).toBe('managed_schema.json');
  });
});
