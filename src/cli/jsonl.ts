// `postcheck check --jsonl`: the batch audit of an export of past posts. It streams: lines are read
// one at a time (readline over the file or a pipe, never the whole input at once), each result is
// written as soon as it is known, and reading waits while the output is full, so memory stays
// bounded however long the export is (a school's year of posts is ~100,000 lines).
//
// A bad line never stops the audit: it gets {"id", "line", "error"} in the output, in its place,
// and the rest go on. The exit status is then 1 (as for a finding): the audit is not clean.
import { createReadStream, openSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { Readable } from 'node:stream';
import { check, type CompiledConfig } from '../engine/engine.js';
import type { CheckContext, Finding } from '../engine/types.js';
import { decodeText, REPLACEMENT, SAVE_AS_UTF8, type Encoding } from '../shared/decode.js';
import { plural } from '../shared/plural.js';
import { UsageError } from './errors.js';
import { asSite, atProblem, siteProblem } from './fields.js';
import type { Warn } from './io.js';

/** Writes one output line; resolves when the output can take more (a pipe that is read slowly). */
export type LineWriter = (line: string) => void | Promise<void>;

const gating = (fs: readonly Finding[]) => fs.some((f) => f.severity !== 'info');

/**
 * The input as lines of text. UTF-8 and Windows-1252 are split on line feeds as bytes (read as
 * latin1, which keeps every byte) and each line decoded on its own, so one bad line is that line's
 * error; UTF-16 (which has a byte-order mark) is decoded as it streams, then split.
 */
async function* lines(source: NodeJS.ReadableStream): AsyncGenerator<{ text?: string; error?: string; encoding?: Encoding }> {
  let head = Buffer.alloc(0);
  const it = source[Symbol.asyncIterator]();
  for (;;) {
    if (head.length >= 4) break;
    const r = await it.next();
    if (r.done) break;
    head = Buffer.concat([head, r.value as Buffer]);
  }
  const rest = async function* () {
    yield head;
    for (;;) {
      const r = await it.next();
      if (r.done) return;
      yield r.value as Buffer;
    }
  };
  const utf16 = head[0] === 0xff && head[1] === 0xfe ? 'utf-16le' : head[0] === 0xfe && head[1] === 0xff ? 'utf-16be' : undefined;
  if (utf16) {
    const decoder = new TextDecoder(utf16);
    const text = Readable.from(
      (async function* () {
        for await (const chunk of rest()) yield decoder.decode(chunk, { stream: true });
        yield decoder.decode();
      })(),
    );
    for await (const line of createInterface({ input: text, crlfDelay: Infinity })) {
      yield line.includes(REPLACEMENT) ? { error: `not valid ${utf16.toUpperCase()} (${REPLACEMENT} where a character should be)` } : { text: line };
    }
    return;
  }
  const bytes = Readable.from(rest());
  bytes.setEncoding('latin1');
  let first = true;
  for await (const raw of createInterface({ input: bytes, crlfDelay: Infinity })) {
    const line = first ? raw.replace(/^\u00ef\u00bb\u00bf/, '') : raw; // the UTF-8 byte-order mark, as latin1
    first = false;
    if (!/\S/.test(line)) {
      yield { text: '' };
      continue;
    }
    const d = decodeText(Buffer.from(line, 'latin1'), 'this line');
    yield d.ok ? { text: d.text, encoding: d.encoding } : { error: d.error.replace(/ In Excel:.*$/, '') };
  }
}

interface Tally {
  lines: number;
  bad: number[];
  badCount: number;
  cp1252: number[];
  gating: boolean;
}

/** One JSONL record checked, or why it cannot be: `{ id, findings }` or `{ id, line, error }`. */
function checkRecord(text: string, n: number, compiled: CompiledConfig, base: CheckContext): { out: object; bad: boolean; gating: boolean } {
  const fail = (error: string, id: unknown = null) => ({ out: { id, line: n, error }, bad: true, gating: false });
  let rec: unknown;
  try {
    rec = JSON.parse(text);
  } catch (e) {
    return fail(`not valid JSON (${(e as Error).message})`);
  }
  if (!rec || typeof rec !== 'object' || Array.isArray(rec)) return fail('expected a JSON object like {"id": "post-1", "text": "…"}');
  const r = rec as Record<string, unknown>;
  const id = typeof r.id === 'string' || typeof r.id === 'number' ? r.id : null;
  if (id === null || id === '') return fail(r.id === undefined ? 'no "id": every line needs one, so its result can be traced back to its post' : `"id" must be a string or a number, got ${JSON.stringify(r.id)}`);
  if (typeof r.text !== 'string') return fail(r.text === undefined ? 'no "text"' : `"text" must be a string, got ${JSON.stringify(r.text)}`, id);
  if (r.media !== undefined && r.media !== null && typeof r.media !== 'boolean') return fail(`"media" must be true or false, got ${JSON.stringify(r.media)}`, id);
  if (r.site !== undefined && r.site !== null && siteProblem(r.site)) return fail(`"site": ${siteProblem(r.site)}`, id);
  if (r.at !== undefined && r.at !== null && atProblem(r.at)) return fail(`"at": ${atProblem(r.at)}`, id);
  const ctx: CheckContext = {
    ...base,
    site: r.site === undefined || r.site === null ? base.site : asSite(r.site as string),
    media: typeof r.media === 'boolean' ? r.media : base.media,
    at: typeof r.at === 'string' ? r.at : base.at,
  };
  const findings = check(r.text, ctx, compiled);
  return { out: { id, findings }, bad: false, gating: gating(findings) };
}

/** Opens the input: a file (checked now, so a missing one is a usage error) or standard input. */
export function jsonlSource(file: string | undefined): NodeJS.ReadableStream {
  if (!file || file === '-') return process.stdin;
  let fd: number;
  try {
    fd = openSync(file, 'r');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new UsageError(`cannot read drafts ${file}: ${code === 'ENOENT' ? 'no such file' : (e as Error).message}`);
  }
  return createReadStream('', { fd, highWaterMark: 64 * 1024 });
}

/** Progress on a terminal: "12,000 lines checked", at most every quarter second, wiped at the end. */
function progress(enabled: boolean) {
  let last = 0;
  return {
    tick(n: number) {
      if (!enabled || n % 100 !== 0) return;
      const now = Date.now();
      if (now - last < 250) return;
      last = now;
      process.stderr.write(`\rpostcheck: ${n.toLocaleString('en-GB')} lines checked`);
    },
    done() {
      if (enabled && last) process.stderr.write('\r\x1b[K');
    },
  };
}

export async function runJsonl(source: NodeJS.ReadableStream, compiled: CompiledConfig, base: CheckContext, write: LineWriter, warn: Warn): Promise<number> {
  const t: Tally = { lines: 0, bad: [], badCount: 0, cp1252: [], gating: false };
  const shown = progress(Boolean(process.stderr.isTTY));
  let n = 0;
  for await (const line of lines(source)) {
    n++;
    if (line.text !== undefined && line.text.trim() === '') continue; // blank lines between records
    t.lines++;
    let result: { out: object; bad: boolean; gating: boolean };
    if (line.error !== undefined) result = { out: { id: null, line: n, error: line.error }, bad: true, gating: false };
    else {
      if (line.encoding === 'Windows-1252' && t.cp1252.length < 5) t.cp1252.push(n);
      result = checkRecord(line.text!, n, compiled, base);
    }
    if (result.bad) {
      t.badCount++;
      if (t.bad.length < 10) t.bad.push(n);
    }
    if (result.gating) t.gating = true;
    const pending = write(JSON.stringify(result.out));
    if (pending) await pending;
    shown.tick(t.lines);
  }
  shown.done();
  if (t.lines === 0) throw new UsageError('nothing to check: the input has no lines (expected one {"id","text"} per line)');
  if (t.cp1252.length) warn(`note: some lines are not UTF-8 and were read as Windows-1252 (line ${t.cp1252.join(', ')}${t.cp1252.length === 5 ? ', …' : ''}). ${SAVE_AS_UTF8}`);
  if (t.badCount) warn(`${plural(t.badCount, 'line')} of ${t.lines.toLocaleString('en-GB')} could not be checked (line ${t.bad.join(', ')}${t.badCount > t.bad.length ? ', …' : ''}); each has {"error"} in the output. The others were checked.`);
  return t.gating || t.badCount ? 1 : 0;
}
