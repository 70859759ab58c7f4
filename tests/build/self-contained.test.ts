// A clone is all a user has: nothing in the repo may read a folder beside it. The policy texts, the
// rule catalogue, the configuration spec and the labelled sets the tests use all live in the repo.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../', import.meta.url));

function files(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    if (name === 'node_modules' || name.startsWith('.')) continue;
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...files(p));
    else if (/\.(ts|mjs|js|json|sh)$/.test(name) || name === 'run') out.push(p);
  }
  return out;
}

describe('the repository is self-contained', () => {
  it('no source, test, script, benchmark or CI file reads a sibling folder of the repo', () => {
    const places = ['src', 'tests', 'scripts', 'bench', '.ci'].flatMap((d) => files(join(root, d)));
    places.push(join(root, 'build.mjs'));
    // the sibling folder held RULES.md, CONFIG.md, policies/, samples/ and findings/; src/shared/ is the repo's own
    const named = /shared\/(RULES|CONFIG|policies|samples|findings)|['"]\.\.['"],\s*['"]shared['"]/;
    const outside = (f: string, text: string) =>
      [...text.matchAll(/['"`]((?:\.\.\/)+)shared\b/g)].some((m) => !resolve(dirname(f), m[1]!).startsWith(root));
    const offenders = places.filter((f) => {
      if (f === fileURLToPath(import.meta.url)) return false;
      const text = readFileSync(f, 'utf8');
      return named.test(text) || outside(f, text);
    });
    expect(places.length).toBeGreaterThan(100);
    expect(offenders.map((f) => f.slice(root.length))).toEqual([]);
  });

  it('holds the documents and sets the tests need', () => {
    for (const p of ['docs/rules.md', 'docs/configuration.md', 'docs/policies/README.md', 'tests/eval/sets.json', 'tests/eval/README.md']) {
      expect(existsSync(join(root, p)), p).toBe(true);
    }
    const sets = JSON.parse(readFileSync(join(root, 'tests/eval/sets.json'), 'utf8')) as Record<string, { file: string; config: string }>;
    for (const s of Object.values(sets)) {
      expect(existsSync(join(root, 'tests/eval', s.file)), s.file).toBe(true);
      expect(existsSync(join(root, 'tests/eval', s.config)), s.config).toBe(true);
    }
  });
});
