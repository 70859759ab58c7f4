// A Bloom filter over words: "is this probably an English word?" in a few kilobytes, where the word
// list itself would be 140 KB of the background worker. A yes is wrong about 1% of the time (the
// generator's measured rate is in the data file); a no is always right. Built offline by
// scripts/gen-english-words.mjs; the same hashing here and there, so the bits mean the same.

/** FNV-1a over UTF-16 code units, 32 bits. */
function fnv1a(s: string, seed: number): number {
  let h = (0x811c9dc5 ^ seed) >>> 0;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  // a final avalanche, so short words spread over the whole bit array
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b) >>> 0;
  h ^= h >>> 13;
  return h >>> 0;
}

const SEED2 = 0x9e3779b9;

/** The i-th bit position of a word with hashes h1, h2 in an m-bit filter (double hashing: h1 + i*h2). */
const position = (h1: number, h2: number, i: number, bits: number): number => ((h1 + Math.imul(i, h2)) >>> 0) % bits;

/** The filter's bits for a set of words. */
export function bloomBuild(words: Iterable<string>, bits: number, hashes: number): Uint8Array {
  const data = new Uint8Array(Math.ceil(bits / 8));
  for (const w of words) {
    const h1 = fnv1a(w, 0);
    const h2 = fnv1a(w, SEED2) | 1;
    for (let i = 0; i < hashes; i++) {
      const p = position(h1, h2, i, bits);
      data[p >> 3]! |= 1 << (p & 7);
    }
  }
  return data;
}

export class WordFilter {
  constructor(
    private readonly data: Uint8Array,
    private readonly bits: number,
    private readonly hashes: number,
  ) {
    if (data.length * 8 < bits) throw new Error(`word filter: ${data.length} bytes cannot hold ${bits} bits`);
  }

  /** From the base64 the data file keeps. */
  static fromBase64(b64: string, bits: number, hashes: number): WordFilter {
    const bin = atob(b64);
    const data = new Uint8Array(bin.length);
    for (let i = 0; i < bin.length; i++) data[i] = bin.charCodeAt(i);
    return new WordFilter(data, bits, hashes);
  }

  /** Probably in the list (true), or certainly not (false). No allocation: names are asked at check time. */
  has(word: string): boolean {
    const h1 = fnv1a(word, 0);
    const h2 = fnv1a(word, SEED2) | 1;
    for (let i = 0; i < this.hashes; i++) {
      const p = position(h1, h2, i, this.bits);
      if (!(this.data[p >> 3]! & (1 << (p & 7)))) return false;
    }
    return true;
  }
}
