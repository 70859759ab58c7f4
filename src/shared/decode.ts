// Text files the way schools have them. Excel's default "CSV (Comma delimited)" and Notepad's
// "ANSI" write Windows-1252; Excel's "Unicode Text", Notepad's "Unicode" and PowerShell 5's `>`
// write UTF-16 with a byte-order mark. Read as UTF-8, "Zoë" from such a file becomes "Zo�", and a
// pupil with an accent in their name would silently never be flagged. So every file PostCheck
// reads (drafts, configurations, rosters, JSONL exports; the CLI and the options page alike) goes
// through here: decoded by what its bytes are, said when it is not UTF-8, refused when it is not
// text. Pure: no Node or browser APIs beyond TextDecoder, which both have.

export type Encoding = 'UTF-8' | 'UTF-16LE' | 'UTF-16BE' | 'Windows-1252';

export type Decoded =
  | {
      ok: true;
      text: string;
      encoding: Encoding;
      /** said to the user when the file was not plain UTF-8 (Windows-1252), so they can check the result */
      note?: string;
    }
  | { ok: false; error: string };

/** How to get UTF-8 out of Excel, the usual source of a roster or an export. */
export const SAVE_AS_UTF8 = 'In Excel: File → Save As → "CSV UTF-8 (Comma delimited)"; in Notepad: Save As → Encoding "UTF-8".';

const utf8 = new TextDecoder('utf-8', { fatal: true });

// bytes Windows-1252 leaves undefined: a file with them is not Windows-1252 text
const CP1252_UNDEFINED = new Set([0x81, 0x8d, 0x8f, 0x90, 0x9d]);

/** Control characters other than tab, line feed, form feed and carriage return: binary data, not text. */
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b\u000e-\u001f\u007f]/;

function notText(what: string): Decoded {
  return { ok: false, error: `${what} is not text (it holds control characters or NUL bytes, as a binary file does)` };
}

/** UTF-16 without a byte-order mark: most ASCII characters have a zero byte beside them. */
function bomlessUtf16(b: Uint8Array): Encoding | undefined {
  const n = Math.min(b.length - (b.length % 2), 4096);
  if (n < 4) return undefined;
  let evenZero = 0;
  let oddZero = 0;
  for (let i = 0; i < n; i += 2) {
    if (b[i] === 0) evenZero++;
    if (b[i + 1] === 0) oddZero++;
  }
  const pairs = n / 2;
  if (oddZero > pairs * 0.4 && evenZero < pairs * 0.05) return 'UTF-16LE';
  if (evenZero > pairs * 0.4 && oddZero < pairs * 0.05) return 'UTF-16BE';
  return undefined;
}

/**
 * Decodes a text file's bytes: UTF-8 (with or without a byte-order mark), UTF-16 LE or BE (with a
 * byte-order mark, or plainly UTF-16 without one), and Windows-1252 when the bytes are not UTF-8
 * but are all Windows-1252 text. Anything else (binary data, UTF-8 broken part-way) is refused
 * with a message that says how to save the file as UTF-8. `what` names the file in messages.
 */
export function decodeText(bytes: Uint8Array, what = 'the file'): Decoded {
  let b = bytes;
  let encoding: Encoding | undefined;
  if (b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) {
    encoding = 'UTF-8';
    b = b.subarray(3);
  } else if (b[0] === 0xff && b[1] === 0xfe) {
    if (b[2] === 0 && b[3] === 0 && b.length >= 4) return { ok: false, error: `${what} is UTF-32, which PostCheck does not read. ${SAVE_AS_UTF8}` };
    encoding = 'UTF-16LE';
    b = b.subarray(2);
  } else if (b[0] === 0xfe && b[1] === 0xff) {
    encoding = 'UTF-16BE';
    b = b.subarray(2);
  } else encoding = bomlessUtf16(b);

  if (encoding === 'UTF-16LE' || encoding === 'UTF-16BE') {
    if (b.length % 2) return { ok: false, error: `${what} looks like UTF-16 but has an odd number of bytes (cut short?). ${SAVE_AS_UTF8}` };
    let text: string;
    try {
      text = new TextDecoder(encoding === 'UTF-16LE' ? 'utf-16le' : 'utf-16be', { fatal: true, ignoreBOM: true }).decode(b);
    } catch {
      return { ok: false, error: `${what} looks like ${encoding} but is not valid ${encoding}. ${SAVE_AS_UTF8}` };
    }
    if (CONTROL.test(text)) return notText(what);
    return { ok: true, text, encoding };
  }

  if (b.includes(0)) return notText(what);
  try {
    const text = utf8.decode(b);
    if (CONTROL.test(text)) return notText(what);
    return { ok: true, text, encoding: 'UTF-8' };
  } catch {
    // not UTF-8: below
  }
  if (encoding === 'UTF-8') return { ok: false, error: `${what} starts as UTF-8 but has bytes that are not UTF-8 (${badUtf8At(b)}). ${SAVE_AS_UTF8}` };
  for (let i = 0; i < b.length; i++) if (CP1252_UNDEFINED.has(b[i]!)) return { ok: false, error: `${what} is neither UTF-8 nor Windows-1252 text (byte 0x${b[i]!.toString(16)} at offset ${i}). ${SAVE_AS_UTF8}` };
  const text = windows1252(b);
  if (CONTROL.test(text)) return notText(what);
  return {
    ok: true,
    text,
    encoding: 'Windows-1252',
    note: `${what} is not UTF-8: read it as Windows-1252 (what Excel's "CSV (Comma delimited)" and Notepad's "ANSI" write). If accented letters look wrong, save it as UTF-8 and try again. ${SAVE_AS_UTF8}`,
  };
}

// Windows-1252 is Latin-1 except 0x80-0x9F. Written out rather than TextDecoder('windows-1252'):
// Node 20's decodes those bytes as Latin-1 control characters (’ becomes U+0092), browsers do not.
const CP1252_HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';

function windows1252(b: Uint8Array): string {
  let out = '';
  for (let i = 0; i < b.length; i += 8192) {
    const chunk = b.subarray(i, i + 8192);
    out += String.fromCharCode(...chunk).replace(/[\u0080-\u009f]/g, (c) => CP1252_HIGH[c.charCodeAt(0) - 0x80]!);
  }
  return out;
}

/** "line 3, column 7" of the first byte that breaks UTF-8, for the message. */
function badUtf8At(b: Uint8Array): string {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < b.length; ) {
    const c = b[i]!;
    const len = c < 0x80 ? 1 : c >= 0xc2 && c <= 0xdf ? 2 : c >= 0xe0 && c <= 0xef ? 3 : c >= 0xf0 && c <= 0xf4 ? 4 : 0;
    let ok = len > 0 && i + len <= b.length;
    for (let k = 1; ok && k < len; k++) ok = (b[i + k]! & 0xc0) === 0x80;
    if (ok && len > 1) {
      try {
        utf8.decode(b.subarray(i, i + len));
      } catch {
        ok = false;
      }
    }
    if (!ok) return `line ${line}, byte ${i - lineStart + 1}`;
    if (c === 0x0a) {
      line++;
      lineStart = i + 1;
    }
    i += len;
  }
  return 'at the end';
}

/** U+FFFD: a character already lost by an earlier conversion. Never written into a roster. */
export const REPLACEMENT = '\uFFFD';
