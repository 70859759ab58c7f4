/**
 * The sites PostCheck runs on are exactly the ones a fixture tests: the manifest's content-script
 * matches are the adapters' hosts, and every adapter's site has a fixture page served at its real
 * origin and driven by tests/e2e/sites.test.ts (or the older in-page suite).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { ADAPTERS } from '../../src/content/sites/index';

const root = join(import.meta.dirname, '../..');
const manifest = JSON.parse(readFileSync(join(root, 'manifest.json'), 'utf8')) as {
  content_scripts: Array<{ matches: string[] }>;
  host_permissions?: string[];
};
const harness = readFileSync(join(root, 'tests/e2e/harness.ts'), 'utf8');
const sitesSuite = readFileSync(join(root, 'tests/e2e/sites.test.ts'), 'utf8') + readFileSync(join(root, 'tests/e2e/inpage-helpers.ts'), 'utf8');
const sites = ADAPTERS.filter((a) => a.site !== 'other');

describe('sites', () => {
  test('content_scripts.matches are exactly the adapters’ hosts, over https', () => {
    const matches = manifest.content_scripts.flatMap((c) => c.matches).sort();
    expect(matches).toEqual(sites.flatMap((a) => a.hosts.map((h) => `https://${h}/*`)).sort());
  });

  test('host_permissions, when set, are the same list', () => {
    const hp = manifest.host_permissions ?? [];
    if (hp.length > 0) expect([...hp].sort()).toEqual(manifest.content_scripts.flatMap((c) => c.matches).sort());
  });

  describe.each(sites.map((a) => [a.site, a] as const))('%s', (site, adapter) => {
    test('has a fixture page, served at every one of its hosts, and an e2e case', () => {
      expect(existsSync(join(root, `tests/e2e/fixtures/pages/${site}.ts`)), `tests/e2e/fixtures/pages/${site}.ts`).toBe(true);
      for (const host of adapter.hosts) expect(harness, `harness serves https://${host}`).toContain(`'https://${host}': '${site}'`);
      expect(sitesSuite, `an e2e case on ${site}`).toMatch(new RegExp(`site: '${site}'`));
    });
  });
});
