// `postcheck`: the command-line checker. Same engine, same configuration shape as the extension.
//   postcheck check [--config FILE] [--json] [--site NAME] [--media] [--at ISO] [FILE|-]
//   postcheck check [--config FILE] --jsonl [FILE|-]
// Exit 0: nothing at warn or block. 1: something is (or, with --jsonl, a line could not be checked).
// 2: a usage or configuration error (a message saying what is wrong, never a stack trace).
import { DEMO_SCHOOL } from '../config/effective.js';
import { check, compileConfig } from '../engine/engine.js';
import { SITES, type CheckContext, type Finding } from '../engine/types.js';
import { REPLACEMENT } from '../shared/decode.js';
import { UsageError } from './errors.js';
import { asSite, atProblem, siteProblem } from './fields.js';
import { formatFindings } from './format.js';
import { loadConfig } from './config.js';
import { decodeOrFail, parseOptions, readBytes, readStdin, stderrWarn, type Warn } from './io.js';
import { jsonlSource, runJsonl, type LineWriter } from './jsonl.js';
import { runPolicy } from './policy.js';

const USAGE = `Usage:
  postcheck check [--config FILE] [--json] [--site NAME] [--media] [--at ISO] [FILE|-]
  postcheck check [--config FILE] --jsonl [FILE|-]
  postcheck policy --config FILE [--roster CSV] [--out DIR] [--extension-id ID]
                   [--edge-extension-id ID] [--update-url URL] [--firefox-install-url URL]

check    Checks a draft (a file, or standard input) against the school's policy.
         Without --config it uses the built-in demo school.
  --config FILE   school configuration JSON (see docs/configuration.md)
  --json          print {"findings":[...]} instead of readable text
  --jsonl         read one {"id","text","site"?,"media"?,"at"?} per line, write one
                  {"id","findings"} per line as it goes (a bad line: {"id","line","error"})
  --site NAME     ${SITES.join(', ')}
  --media         a photo or video is attached
  --at ISO        when it is being composed, local time, e.g. 2027-02-17T09:50:00
policy   Writes ready-to-deploy managed-policy files for school IT: Windows .reg (Chrome, Edge),
         macOS .mobileconfig, Linux JSON, Google Admin console JSON, Firefox policies.json.
         "postcheck policy --help" lists its options; docs/deploying.md says where each file goes.

Files may be UTF-8, UTF-16 or Windows-1252 (said when it is not UTF-8).
Exit status: 0 nothing at warn or block; 1 something at warn or block (--jsonl: or a line that
could not be checked); 2 usage or configuration error.`;

const gating = (fs: readonly Finding[]) => fs.some((f) => f.severity !== 'info');

async function readDraft(file: string | undefined, warn: Warn): Promise<string> {
  let bytes: Buffer;
  let what: string;
  if (file && file !== '-') {
    bytes = readBytes(file, 'draft');
    what = `draft ${file}`;
  } else {
    if (process.stdin.isTTY) throw new UsageError('no draft given: pass a file, or pipe the draft on standard input');
    bytes = await readStdin();
    what = 'the draft on standard input';
  }
  const text = decodeOrFail(bytes, what, warn);
  if (!/\S/.test(text)) throw new UsageError(`nothing to check: ${what} is ${text.length ? 'only white space' : 'empty'}`);
  if (text.includes(REPLACEMENT)) warn(`note: ${what} holds ${REPLACEMENT}, a character lost before PostCheck read it; a name written with it cannot be matched`);
  return text;
}

/** stdout, one line at a time, waiting when a pipe is full. */
const stdoutLine: LineWriter = (line) => {
  if (process.stdout.write(`${line}\n`)) return;
  return new Promise((resolve) => process.stdout.once('drain', resolve));
};

export async function run(argv: string[], out: (s: string) => void = (s) => process.stdout.write(`${s}\n`), warn: Warn = stderrWarn): Promise<number> {
  const [command, ...rest] = argv;
  if (!command || command === '--help' || command === '-h' || command === 'help') {
    out(USAGE);
    return command ? 0 : 2;
  }
  if (command === 'policy') return runPolicy(rest, out, warn);
  if (command !== 'check') throw new UsageError(`unknown command "${command}": the commands are check and policy. "postcheck --help" says more.`);
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
    'check',
  );
  if (values.help) {
    out(USAGE);
    return 0;
  }
  if (positionals.length > 1) throw new UsageError(`expected at most one draft file, got ${positionals.length}: ${positionals.join(' ')}`);
  if (values.json && values.jsonl) throw new UsageError('--json and --jsonl cannot be used together: --jsonl already writes JSON, one line per draft');
  if (values.site !== undefined && siteProblem(values.site)) throw new UsageError(`--site: ${siteProblem(values.site)}`);
  if (values.at !== undefined && atProblem(values.at)) throw new UsageError(`--at: ${atProblem(values.at)}`);
  const config = values.config ? loadConfig(values.config, warn) : DEMO_SCHOOL;
  const compiled = compileConfig(config);
  const base: CheckContext = { site: values.site === undefined ? undefined : asSite(values.site), media: values.media ?? false, at: values.at };
  if (values.jsonl) return runJsonl(jsonlSource(positionals[0]), compiled, base, stdoutLine, warn);
  const draft = (await readDraft(positionals[0], warn)).replace(/\r?\n$/, '');
  const findings = check(draft, base, compiled);
  if (values.json) out(JSON.stringify({ findings }, null, 2));
  else out(formatFindings(draft, findings, { color: values.color ?? Boolean(process.stdout.isTTY && !process.env.NO_COLOR), profile: compiled.profile.title }));
  return gating(findings) ? 1 : 0;
}

function main(): void {
  // piped into `head`: the reader has gone, so stop quietly (no "write EPIPE" stack trace)
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    process.stderr.write(`postcheck: cannot write the output: ${e.message}\n`);
    process.exit(2);
  });
  run(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (e: unknown) => {
      process.stderr.write(`postcheck: ${e instanceof UsageError ? '' : 'internal error: '}${e instanceof Error ? e.message : String(e)}\n`);
      process.exitCode = 2;
    },
  );
}

// run when executed (dist/cli.mjs, or the `postcheck` link npm makes), not when imported by tests
if (process.argv[1] && /(?:^|[\\/])(cli\.mjs|postcheck)$/.test(process.argv[1])) main();
