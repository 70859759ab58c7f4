#!/usr/bin/env node
// `npm run bench:jsonl`: the batch audit at a school's scale. Writes an export of N drafts (default
// 100,000, cycled from the labelled sets in tests/eval/, so real posts of real lengths), pipes it
// through `postcheck check --jsonl` as a school would (`cat export.jsonl | node dist/cli.mjs …`),
// and prints JSON figures: wall time, drafts per second, the CLI's peak memory. A benchmark, not a
// test: it never fails on a figure (the machine is shared and noisy).
//   node bench/jsonl.mjs [N]
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const n = Number(process.argv[2] ?? 100_000);
const sets = ['drafts.jsonl', 'realistic.jsonl', 'blind-2.jsonl', 'blind-3.jsonl'];
const pool = sets.flatMap((f) =>
  readFileSync(join(root, 'tests/eval', f), 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l)),
);
const work = mkdtempSync(join(tmpdir(), 'postcheck-bench-jsonl-'));
try {
  const input = join(work, 'export.jsonl');
  const lines = [];
  let chars = 0;
  for (let i = 0; i < n; i++) {
    const p = pool[i % pool.length];
    chars += p.text.length;
    lines.push(JSON.stringify({ id: `post-${i + 1}`, text: p.text, ...(p.site ? { site: p.site } : {}), ...(p.media ? { media: true } : {}), ...(p.at ? { at: p.at } : {}) }));
  }
  writeFileSync(input, `${lines.join('\n')}\n`);
  // the CLI reports its own peak memory as it exits (a preload, so the CLI itself is unchanged)
  const preload = join(work, 'rss.cjs');
  writeFileSync(preload, `process.on('exit', () => require('fs').writeSync(2, 'maxrss=' + process.resourceUsage().maxRSS + '\\n'));\n`);
  const q = (s) => `'${s.replace(/'/g, `'\\''`)}'`;
  const cmd = `cat ${q(input)} | ${q(process.execPath)} --require ${q(preload)} ${q(join(root, 'dist/cli.mjs'))} check --config ${q(join(root, 'tests/eval/samples-config.json'))} --jsonl | wc -l`;
  const t0 = performance.now();
  const r = spawnSync('bash', ['-c', cmd], { encoding: 'utf8' });
  const seconds = (performance.now() - t0) / 1000;
  const answered = Number(r.stdout.trim());
  const maxRssKb = Number(/maxrss=(\d+)/.exec(r.stderr)?.[1]);
  console.log(
    JSON.stringify(
      {
        drafts: n,
        answered,
        inputMB: Math.round(statSync(input).size / 1e5) / 10,
        meanDraftChars: Math.round(chars / n),
        wallSeconds: Math.round(seconds * 10) / 10,
        draftsPerSecond: Math.round(n / seconds),
        cliPeakRssMB: Math.round(maxRssKb / 1024),
        machine: `${cpus().length} cores, Node ${process.versions.node}`,
      },
      null,
      2,
    ),
  );
  if (answered !== n) console.error(`only ${answered} of ${n} lines answered: ${r.stderr}`);
} finally {
  rmSync(work, { recursive: true, force: true });
}
