// Character folding: the first step of the one normalisation pipeline every rule reads through.
// Each code point of the draft becomes zero or more plain lowercase characters, and `origin[i]`
// keeps the UTF-16 offset in the draft that folded character i came from, so every match maps
// back to the exact words the user typed.

/** Invisible characters people use to slip words past filters (and that editors sometimes leave). */
const INVISIBLE = /[\u00AD\u034F\u061C\u115F\u1160\u17B4\u17B5\u180B-\u180E\u200B-\u200F\u202A-\u202E\u2060-\u206F\u3164\uFE00-\uFE0F\uFEFF\uFFA0]/;

/**
 * Look-alike letters from other scripts that a reader takes for Latin ones. Kept to letters whose
 * glyphs are indistinguishable in common fonts; see Unicode's confusables.txt.
 */
const CONFUSABLES: Record<string, string> = {
  // Cyrillic
  а: 'a', в: 'b', е: 'e', ё: 'e', к: 'k', м: 'm', н: 'h', о: 'o', р: 'p', с: 'c', т: 't', у: 'y', х: 'x',
  ѕ: 's', і: 'i', ї: 'i', ј: 'j', һ: 'h', ԁ: 'd', ԛ: 'q', ԝ: 'w', ɡ: 'g', ӏ: 'l',
  // Greek
  α: 'a', β: 'b', ε: 'e', η: 'n', ι: 'i', κ: 'k', ν: 'v', ο: 'o', ρ: 'p', τ: 't', υ: 'u', χ: 'x', ς: 'c',
  // Latin letters that NFKD does not decompose
  ß: 'ss', ʃ: 's', æ: 'ae', œ: 'oe', ø: 'o', ł: 'l', đ: 'd', ð: 'd', þ: 'th', ı: 'i', ŀ: 'l', ħ: 'h', ŧ: 't',
  // Typographic quotes and dashes to their plain forms
  '\u2018': "'", '\u2019': "'", '\u201A': "'", '\u201B': "'", '\u2032': "'", '\u02BC': "'", '\u0060': "'", '\u00B4': "'",
  '\u201C': '"', '\u201D': '"', '\u201E': '"', '\u2033': '"',
  '\u2010': '-', '\u2011': '-', '\u2012': '-', '\u2013': '-', '\u2014': '-', '\u2212': '-',
  '\u00A0': ' ', '\u2007': ' ', '\u202F': ' ',
};

const MARKS = /\p{M}/gu;

export interface Folded {
  /** The folded text: lowercase, accents removed, look-alikes mapped, invisibles dropped. */
  text: string;
  /** Upper-case flag per folded char: was the original letter a capital? */
  upper: Uint8Array;
  /** For folded char i, the UTF-16 offset in the draft where its code point starts. */
  origin: Int32Array;
  /** For folded char i, the UTF-16 offset in the draft just after its code point. */
  originEnd: Int32Array;
}

const cache = new Map<string, string>();

function foldCodePoint(ch: string): string {
  let f = cache.get(ch);
  if (f !== undefined) return f;
  const lower = ch.toLowerCase();
  f = CONFUSABLES[lower] ?? CONFUSABLES[ch];
  if (f === undefined) {
    f = lower.normalize('NFKD').replace(MARKS, '');
    // NFKD can expand (e.g. "ﬁ" to "fi", "①" to "1"); map what it leaves behind once more
    if (f.length > 0 && f !== lower) f = [...f].map((c) => CONFUSABLES[c] ?? c).join('');
  }
  if (cache.size < 4096) cache.set(ch, f);
  return f;
}

function grow32(a: Int32Array): Int32Array {
  const b = new Int32Array(a.length * 2);
  b.set(a);
  return b;
}

function grow8(a: Uint8Array): Uint8Array {
  const b = new Uint8Array(a.length * 2);
  b.set(a);
  return b;
}

/** Folds a draft. Linear in its length; allocation is three typed arrays of the output size. */
export function fold(draft: string): Folded {
  const n = draft.length;
  let out = '';
  const origin = new Int32Array(n * 2 + 4);
  const originEnd = new Int32Array(n * 2 + 4);
  const upper = new Uint8Array(n * 2 + 4);
  let len = 0;
  let originArr: Int32Array = origin;
  let originEndArr: Int32Array = originEnd;
  let upperArr: Uint8Array = upper;
  for (let i = 0; i < n; ) {
    // a run of ASCII, which is most of every draft: its lower case, one character for one
    if (draft.charCodeAt(i) < 128) {
      let j = i + 1;
      while (j < n && draft.charCodeAt(j) < 128) j++;
      while (len + (j - i) > originArr.length) {
        originArr = grow32(originArr);
        originEndArr = grow32(originEndArr);
        upperArr = grow8(upperArr);
      }
      for (let k = i; k < j; k++) {
        const c = draft.charCodeAt(k);
        originArr[len] = k;
        originEndArr[len] = k + 1;
        upperArr[len] = c >= 65 && c <= 90 ? 1 : 0;
        len++;
      }
      out += draft.slice(i, j).toLowerCase();
      i = j;
      continue;
    }
    const cp = draft.codePointAt(i)!;
    const w = cp > 0xffff ? 2 : 1;
    const ch = w === 2 ? draft.slice(i, i + 2) : draft[i]!;
    let f: string;
    if (cp < 128) {
      // fast path for ASCII, which is most of every draft
      f = cp >= 65 && cp <= 90 ? String.fromCharCode(cp + 32) : ch;
    } else if (INVISIBLE.test(ch)) {
      f = '';
    } else {
      f = foldCodePoint(ch);
    }
    const isUpper = cp < 128 ? cp >= 65 && cp <= 90 : ch !== ch.toLowerCase();
    while (len + f.length > originArr.length) {
      originArr = grow32(originArr);
      originEndArr = grow32(originEndArr);
      upperArr = grow8(upperArr);
    }
    for (let k = 0; k < f.length; k++) {
      originArr[len] = i;
      originEndArr[len] = i + w;
      upperArr[len] = isUpper ? 1 : 0;
      len++;
    }
    out += f;
    i += w;
  }
  return {
    text: out,
    upper: upperArr.subarray(0, len),
    origin: originArr.subarray(0, len),
    originEnd: originEndArr.subarray(0, len),
  };
}
