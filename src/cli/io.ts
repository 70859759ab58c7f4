// What both CLI commands share: reading a file as text the way schools have it (src/shared/decode.ts:
// UTF-8, UTF-16, Windows-1252, said when it is not UTF-8, refused when it is not text), JSON with a
// message that names the file and the problem, and options with a message that says what is wrong.
import { readFileSync } from 'node:fs';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { decodeText } from '../shared/decode.js';
import { UsageError } from './errors.js';

/** Where notes and warnings go (standard error): never mixed into the output a script reads. */
export type Warn = (message: string) => void;
export const stderrWarn: Warn = (m) => process.stderr.write(`postcheck: ${m}\n`);

export function readBytes(file: string, what: string): Buffer {
  try {
    return readFileSync(file);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new UsageError(`cannot read ${what} ${file}: ${code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a folder' : (e as Error).message}`);
  }
}

/** Bytes to text, or a UsageError saying why not; a note (not UTF-8) goes to `warn`. */
export function decodeOrFail(bytes: Uint8Array, what: string, warn: Warn): string {
  const d = decodeText(bytes, what);
  if (!d.ok) throw new UsageError(d.error);
  if (d.note) warn(`note: ${d.note}`);
  return d.text;
}

export function readText(file: string, what: string, warn: Warn = stderrWarn): string {
  return decodeOrFail(readBytes(file, what), `${what} ${file}`, warn);
}

export function readJson(file: string, what: string, warn: Warn = stderrWarn): unknown {
  const text = readText(file, what, warn);
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new UsageError(`${what} ${file} is not valid JSON: ${(e as Error).message}`);
  }
}

/** All of standard input, read as it arrives (a slow or non-blocking pipe is fine; readFileSync(0) is not). */
export async function readStdin(): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

// ------------------------------------------------------------------ options

/** Edit distance with transpositions, for "did you mean". */
function distance(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) d[0]![j] = j;
  for (let i = 1; i <= a.length; i++)
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i]![j] = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i]![j] = Math.min(d[i]![j]!, d[i - 2]![j - 2]! + 1);
    }
  return d[a.length]![b.length]!;
}

/** The known option closest to `given` (`--jsn` → `--json`), if one is close enough to be meant. */
export function closest(given: string, known: readonly string[]): string | undefined {
  const g = given.replace(/^-+/, '').split('=')[0]!.toLowerCase();
  let best: { name: string; d: number } | undefined;
  for (const k of known) {
    // a prefix either way ("--conf", "--jsonlines") is meant unless a closer one is
    const d = (k.startsWith(g) && g.length >= 2) || (g.startsWith(k) && k.length >= 3) ? 0.5 + Math.abs(g.length - k.length) / 100 : distance(g, k);
    if (d <= Math.max(1, Math.floor(k.length / 3)) && (!best || d < best.d)) best = { name: k, d };
  }
  return best && `--${best.name}`;
}

/**
 * node:util parseArgs, with messages a person can act on: an unknown option names the nearest
 * known one ("did you mean --json?") and points to --help instead of printing the whole usage.
 */
export function parseOptions<T extends NonNullable<ParseArgsConfig['options']>>(args: string[], options: T, command: string, allowPositionals = true) {
  try {
    return parseArgs({ args, options, allowPositionals, strict: true });
  } catch (e) {
    const err = e as Error & { code?: string };
    const help = `"postcheck ${command} --help" lists the options.`;
    if (err.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') {
      const given = /'([^']+)'/.exec(err.message)?.[1] ?? '?';
      const near = given.startsWith('--') ? closest(given, Object.keys(options)) : undefined;
      throw new UsageError(`unknown option ${given} for ${command}${near ? ` (did you mean ${near}?)` : ''}. ${help}`);
    }
    if (err.code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
      const name = /'(--?[\w-]+)/.exec(err.message)?.[1] ?? 'an option';
      const type = Object.entries(options).find(([k]) => `--${k}` === name)?.[1].type;
      throw new UsageError(type === 'boolean' ? `${name} takes no value. ${help}` : `${name} needs a value, e.g. ${name} FILE. ${help}`);
    }
    if (err.code === 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL') {
      const given = /'([^']*)'/.exec(err.message)?.[1] ?? '';
      throw new UsageError(`unexpected argument "${given}": ${command} takes only options. ${help}`);
    }
    throw new UsageError(`${err.message} ${help}`);
  }
}
