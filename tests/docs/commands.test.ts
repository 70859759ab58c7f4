// The commands the README and docs/deploying.md give are the ones that work from a clone
// (newcomer findings 8 and 18): the CLI example runs on a configuration in the repo and prints
// exactly what the README shows; nothing tells anyone to run `npx postcheck` (outside the clone it
// would fetch an unclaimed package and hand it the roster); no doc or help text points to a file
// that is not in the repo; the deploying guide's example configuration is valid and is the example
// file; the README's bundle sizes are the build's. `UPDATE_README=1 npx vitest run tests/docs`
// rewrites the CLI example's output.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/config/schema.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const read = (p: string) => readFileSync(join(root, p), 'utf8');
const START = '<!-- cli-example:start (checked by tests/docs/commands.test.ts) -->';
const END = '<!-- cli-example:end -->';

describe('the README’s command-line example', () => {
  it('runs on a configuration in the repo and prints what the README shows', () => {
    const readme = read('README.md');
    const a = readme.indexOf(START);
    const b = readme.indexOf(END);
    expect(a, 'README has the cli-example markers').toBeGreaterThanOrEqual(0);
    const block = readme.slice(a + START.length, b);
    const m = /^\$ echo "([^"]+)" \| node dist\/cli\.mjs (.+)$/m.exec(block);
    expect(m, 'the example is `$ echo "…" | node dist/cli.mjs …`').not.toBeNull();
    const args = m![2]!.split(' ');
    const config = args[args.indexOf('--config') + 1]!;
    expect(existsSync(join(root, config)), `${config} is in the repo`).toBe(true);
    const r = spawnSync(process.execPath, [join(root, 'dist/cli.mjs'), ...args], { input: `${m![1]}\n`, cwd: root, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
    expect(r.stderr).toBe('');
    const want = `\n\`\`\`\n$ echo "${m![1]}" | node dist/cli.mjs ${m![2]}\n${r.stdout.trimEnd()}\n\`\`\`\n`;
    if (process.env.UPDATE_README) writeFileSync(join(root, 'README.md'), readme.slice(0, a + START.length) + want + readme.slice(b));
    else expect(readme.slice(a + START.length, b), 'run UPDATE_README=1 npx vitest run tests/docs to rewrite it').toBe(want);
  });
});

describe('the docs give commands that work from a clone', () => {
  const docs = ['README.md', 'docs/deploying.md', 'docs/configuration.md', 'docs/rules.md'];
  const help = () =>
    ['--help', 'policy --help'].map((a) => spawnSync(process.execPath, [join(root, 'dist/cli.mjs'), ...a.split(' ')], { encoding: 'utf8' }).stdout).join('\n');

  it('never tell anyone to run `npx postcheck`, except to warn against it', () => {
    for (const d of docs) {
      const lines = read(d).split('\n').filter((l) => /npx postcheck/.test(l));
      for (const l of lines) expect(l, d).toMatch(/not run `npx postcheck`/i);
    }
    expect(help()).not.toMatch(/npx/);
  });

  it('point only to files that are in the repo (RULES.md and CONFIG.md are docs/rules.md and docs/configuration.md)', () => {
    for (const d of [...docs, 'src/cli/main.ts', 'src/cli/policy.ts']) expect(read(d), d).not.toMatch(/(?<![\w/])(RULES|CONFIG)\.md/);
    expect(help()).not.toMatch(/(?<![\w/])(RULES|CONFIG)\.md/);
    // every repo path the README and the deploying guide name in backticks exists
    for (const d of ['README.md', 'docs/deploying.md']) {
      const paths = [...read(d).matchAll(/`((?:src|tests|docs|examples|scripts|bench|rules)\/[\w./-]+?)`/g)].map((x) => x[1]!.replace(/\/$/, ''));
      for (const p of paths) expect(existsSync(join(root, p)), `${d} names ${p}`).toBe(true);
    }
  });

  it('the deploying guide’s example configuration is valid, and is examples/st-aidans.json without its pupils', () => {
    const guide = read('docs/deploying.md');
    const json = /## 1\. Write the school's configuration[\s\S]*?```json\n([\s\S]*?)```/.exec(guide)?.[1];
    expect(json).toBeDefined();
    const parsed = parseConfig(JSON.parse(json!));
    expect(parsed.ok).toBe(true);
    const example = JSON.parse(read('examples/st-aidans.json')) as Record<string, unknown>;
    delete example.pupils;
    expect(JSON.parse(json!)).toEqual(example);
  });
});

describe('the README’s bundle sizes', () => {
  // the build writes dist/ before the tests (npm test); sizes in KB (1,000 bytes, as the build
  // prints them) within 5%: close enough to be true, loose enough that a small change elsewhere
  // need not touch the README. A row with a budget says "**over**" exactly when the build is over it.
  const kb = (f: string) => statSync(join(root, 'dist/chrome', f)).size / 1000;
  const gz = (f: string) => gzipSync(readFileSync(join(root, 'dist/chrome', f))).length / 1000;
  const close = (said: number, real: number, what: string) => expect(Math.abs(said - real) / real, `${what}: README says ${said} KB, the build gives ${real.toFixed(1)} KB (update the README's bundle rows)`).toBeLessThanOrEqual(0.05);
  const verdict = (budgetCell: string, real: number, what: string) => {
    const budget = /≤ ([\d.]+) KB minified/.exec(budgetCell);
    expect(budget, `${what}: the row names its budget`).toBeTruthy();
    const over = real > Number(budget![1]);
    expect(budgetCell.includes('**over**'), `${what} is ${real.toFixed(1)} KB against a budget of ${budget![1]} KB: the README must say ${over ? '"**over**"' : 'it is within budget'}`).toBe(over);
  };

  it('are the build’s, and say honestly whether they are over budget', () => {
    const readme = read('README.md');
    const bg = /\| background\.js \(minified \/ gzipped\) \| ([\d.]+) \/ ([\d.]+) KB \|([^\n]*)\|/.exec(readme);
    const cs = /\| content\.js \(minified \/ gzipped; no engine inside\) \| ([\d.]+) \/ ([\d.]+) KB \|([^\n]*)\|/.exec(readme);
    const pages = /\| popup\.js, options\.js \(minified\) \| ([\d.]+) KB, ([\d.]+) KB \|/.exec(readme);
    expect(bg && cs && pages, 'the README has the bundle rows').toBeTruthy();
    close(Number(bg![1]), kb('background.js'), 'background.js');
    close(Number(bg![2]), gz('background.js'), 'background.js gzipped');
    verdict(bg![3]!, kb('background.js'), 'background.js');
    close(Number(cs![1]), kb('content.js'), 'content.js');
    close(Number(cs![2]), gz('content.js'), 'content.js gzipped');
    verdict(cs![3]!, kb('content.js'), 'content.js');
    close(Number(pages![1]), kb('popup.js'), 'popup.js');
    close(Number(pages![2]), kb('options.js'), 'options.js');
  });
});
