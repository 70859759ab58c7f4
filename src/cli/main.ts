// `postcheck`: the command-line checker. Same engine, same configuration shape as the extension.
//   postcheck check [--config FILE] [--json] [--site NAME] [--media] [--at ISO] [FILE|-]
//   postcheck check --config FILE --jsonl < drafts.jsonl
// Exit 0: nothing at warn or block. 1: something is. 2: a usage or configuration error (a message
// saying what is wrong, never a stack trace).
import { readFileSync } from 'node:fs';
import { DEMO_SCHOOL } from '../config/effective.js';
import { formatProblems, parseConfig, type SchoolConfig } from '../config/schema.js';
import { check, compileConfig, type CompiledConfig } from '../engine/engine.js';
import { SITES, type CheckContext, type Finding, type Site } from '../engine/types.js';
import { UsageError } from './errors.js';
import { formatFindings } from './format.js';
import { parseOptions, readJson, readText } from './io.js';
import { runPolicy } from './policy.js';


const USAGE = `Usage:
  postcheck check [--config FILE] [--json] [--site NAME] [--media] [--at ISO] [FILE|-]
  postcheck check [--config FILE] --jsonl < drafts.jsonl
  postcheck policy --config FILE [--roster CSV] [--out DIR] [--extension-id ID]
                   [--edge-extension-id ID] [--update-url URL] [--firefox-install-url URL]

check    Checks a draft (a file, or standard input) against the school's policy.
         Without --config it uses the built-in demo school.
  --config FILE   school configuration JSON (see CONFIG.md)
  --json          print {"findings":[...]} instead of readable text
  --jsonl         read one {"id","text","site"?,"media"?,"at"?} per line, write one {"id","findings"} per line
  --site NAME     ${SITES.join(', ')}
  --media         a photo or video is attached
  --at ISO        when it is being composed, local time, e.g. 2027-02-17T09:50:00
policy   Writes ready-to-deploy managed-policy files for school IT: Windows .reg (Chrome, Edge),
         macOS .mobileconfig, Linux JSON, Google Admin console JSON, Firefox policies.json.
         "postcheck policy --help" lists its options; docs/deploying.md says where each file goes.

Exit status: 0 nothing at warn or block, 1 something at warn or block, 2 usage or configuration error.`;

function loadConfig(file: string | undefined): SchoolConfig {
  if (!file) return DEMO_SCHOOL;
  const r = parseConfig(readJson(file, 'config file'));
  if (!r.ok) throw new UsageError(`config file ${file} is invalid:\n${formatProblems(r.problems).replace(/^/gm, '  ')}`);
  // entries left out alone (a blank roster line): said, and the rest of the configuration is used
  if (r.warnings.length) process.stderr.write(`postcheck: warning: config file ${file}:\n${formatProblems(r.warnings).replace(/^/gm, '  ')}\n`);
  return r.config;
}

function parseSite(v: string | undefined, where: string): Site | undefined {
  if (v === undefined) return undefined;
  if (!(SITES as readonly string[]).includes(v)) throw new UsageError(`${where}: unknown site "${v}" (expected one of ${SITES.join(', ')})`);
  return v as Site;
}

function parseAt(v: unknown, where: string): string | undefined {
  if (v === undefined || v === null) return undefined;
  if (typeof v !== 'string' || !/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$/.test(v))
    throw new UsageError(`${where}: "at" must be an ISO date-time like 2027-02-17T09:50:00, got ${JSON.stringify(v)}`);
  return v;
}

function readInput(file: string | undefined): string {
  if (file && file !== '-') return readText(file, 'draft');
  if (process.stdin.isTTY) throw new UsageError('no draft given: pass a file, or pipe the draft on standard input');
  return readFileSync(0, 'utf8');
}

const gating = (fs: readonly Finding[]) => fs.some((f) => f.severity !== 'info');

function runJsonl(input: string, compiled: CompiledConfig, base: CheckContext, out: (s: string) => void): number {
  let exit = 0;
  const lines = input.split(/\r?\n/);
  for (let n = 0; n < lines.length; n++) {
    const line = lines[n]!.trim();
    if (!line) continue;
    const where = `line ${n + 1}`;
    let rec: Record<string, unknown>;
    try {
      rec = JSON.parse(line) as Record<string, unknown>;
    } catch (e) {
      throw new UsageError(`${where}: not valid JSON (${(e as Error).message})`);
    }
    if (!rec || typeof rec !== 'object' || Array.isArray(rec)) throw new UsageError(`${where}: expected a JSON object`);
    if (typeof rec.text !== 'string') throw new UsageError(`${where}: "text" must be a string`);
    if (rec.media !== undefined && typeof rec.media !== 'boolean') throw new UsageError(`${where}: "media" must be true or false`);
    const ctx: CheckContext = {
      ...base,
      site: parseSite(rec.site === undefined || rec.site === null ? undefined : String(rec.site), where) ?? base.site,
      media: (rec.media as boolean | undefined) ?? base.media,
      at: parseAt(rec.at, where) ?? base.at,
    };
    const findings = check(rec.text, ctx, compiled);
    if (gating(findings)) exit = 1;
    out(JSON.stringify({ id: rec.id ?? null, findings }));
  }
  return exit;
}

export function run(argv: string[], out: (s: string) => void = (s) => process.stdout.write(`${s}\n`)): number {
  const [command, ...rest] = argv;
  if (!command || command === '--help' || command === '-h' || command === 'help') {
    out(USAGE);
    return command ? 0 : 2;
  }
  if (command === 'policy') return runPolicy(rest, out);
  if (command !== 'check') throw new UsageError(`unknown command "${command}"\n\n${USAGE}`);
  const { values, positionals } = parseOptions(
    rest,
    {
      config: { type: 'string' },
      json: { type: 'boolean' },
      jsonl: { type: 'boolean' },
      site: { type: 'string' },
      media: { type: 'boolean' },
      at: { type: 'string' },
      color: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
    USAGE,
  );
  if (values.help) {
    out(USAGE);
    return 0;
  }
  if (positionals.length > 1) throw new UsageError(`expected at most one draft file, got ${positionals.length}`);
  const compiled = compileConfig(loadConfig(values.config));
  const base: CheckContext = {
    site: parseSite(values.site, '--site'),
    media: values.media ?? false,
    at: parseAt(values.at, '--at'),
  };
  const input = readInput(positionals[0]);
  if (values.jsonl) return runJsonl(input, compiled, base, out);
  const draft = input.replace(/\r?\n$/, '');
  const findings = check(draft, base, compiled);
  if (values.json) out(JSON.stringify({ findings }, null, 2));
  else out(formatFindings(draft, findings, { color: values.color ?? Boolean(process.stdout.isTTY && !process.env.NO_COLOR), profile: compiled.profile.title }));
  return gating(findings) ? 1 : 0;
}

function main(): void {
  try {
    process.exitCode = run(process.argv.slice(2));
  } catch (e) {
    if (e instanceof UsageError) {
      process.stderr.write(`postcheck: ${e.message}\n`);
      process.exitCode = 2;
    } else {
      process.stderr.write(`postcheck: internal error: ${e instanceof Error ? e.message : String(e)}\n`);
      process.exitCode = 2;
    }
  }
}

// run when executed (dist/cli.mjs), not when imported by tests
if (process.argv[1] && /(?:^|[\\/])(cli\.mjs|postcheck)$/.test(process.argv[1])) main();
