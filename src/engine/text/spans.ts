// "Does anything found so far overlap this?" is asked by many rules, once per candidate. Asked of
// a plain list it costs a pass over the list each time, which made a draft with thousands of
// findings quadratic (security finding 5). A SpanIndex answers it by bisection over spans sorted
// once; a SpanMask answers it while spans are still being added, in time linear in the span.

export interface Span {
  start: number;
  end: number;
}

/** Half-open spans [start, end), built once: does any of them overlap [start, end)? O(log n) a question. */
export class SpanIndex {
  private readonly starts: Float64Array;
  /** the largest end among the spans sorted up to here */
  private readonly maxEnd: Float64Array;

  constructor(spans: Iterable<Span>) {
    const sorted = [...spans].sort((a, b) => a.start - b.start);
    this.starts = new Float64Array(sorted.length);
    this.maxEnd = new Float64Array(sorted.length);
    let m = -Infinity;
    sorted.forEach((s, k) => {
      this.starts[k] = s.start;
      this.maxEnd[k] = m = Math.max(m, s.end);
    });
  }

  get size(): number {
    return this.starts.length;
  }

  /** Is there a span with span.start < end and span.end > start? */
  overlaps(start: number, end: number): boolean {
    // the spans starting before `end`; does any of them end after `start`?
    let lo = 0;
    let hi = this.starts.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.starts[mid]! < end) lo = mid + 1;
      else hi = mid;
    }
    return lo > 0 && this.maxEnd[lo - 1]! > start;
  }
}

/** Inclusive token ranges [first, last]: does any of them share a token with [first, last]? */
export class RangeIndex {
  private readonly spans: SpanIndex;
  constructor(ranges: Iterable<{ first: number; last: number }>) {
    const spans: Span[] = [];
    for (const r of ranges) spans.push({ start: r.first, end: r.last + 1 });
    this.spans = new SpanIndex(spans);
  }
  overlaps(first: number, last: number): boolean {
    return this.spans.overlaps(first, last + 1);
  }
}

/**
 * Non-empty spans over a text of known length, added one at a time: does a new span overlap one
 * already added? Each character remembers whether it is taken, so a question costs the span's
 * length, not the number of spans so far.
 */
export class SpanMask {
  private readonly taken: Uint8Array;
  constructor(length: number) {
    this.taken = new Uint8Array(length + 1);
  }
  overlaps(start: number, end: number): boolean {
    for (let k = start; k < end; k++) if (this.taken[k]) return true;
    return false;
  }
  add(start: number, end: number): void {
    this.taken.fill(1, start, end);
  }
}

/**
 * Items over inclusive token ranges, sorted by their first token (ties keep their order): the
 * ones starting in [lo, hi], or sharing a token with [lo, hi], found by bisection. For "which
 * targets are near this insult?" without walking every target of a long sentence.
 */
export class ByFirst<T extends { first: number; last: number }> {
  readonly items: readonly T[];
  /** the most tokens any item spans, less one */
  private readonly longest: number;

  constructor(items: Iterable<T>) {
    const sorted = [...items].sort((a, b) => a.first - b.first);
    let longest = 0;
    for (const x of sorted) longest = Math.max(longest, x.last - x.first);
    this.items = sorted;
    this.longest = longest;
  }

  /** Index of the first item starting at or after `first`. */
  private from(first: number): number {
    let lo = 0;
    let hi = this.items.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.items[mid]!.first < first) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** Items with lo <= first <= hi, in order. */
  startingIn(lo: number, hi: number): T[] {
    const out: T[] = [];
    for (let k = this.from(lo); k < this.items.length && this.items[k]!.first <= hi; k++) out.push(this.items[k]!);
    return out;
  }

  /** Items sharing a token with [lo, hi], in order of their first token. */
  overlapping(lo: number, hi: number): T[] {
    const out: T[] = [];
    for (let k = this.from(lo - this.longest); k < this.items.length && this.items[k]!.first <= hi; k++) if (this.items[k]!.last >= lo) out.push(this.items[k]!);
    return out;
  }
}

/** Inclusive token ranges: is [first, last] inside one of them? By bisection over the ranges sorted once. */
export class Containers {
  private readonly firsts: Int32Array;
  /** the furthest last token among the ranges sorted up to here */
  private readonly maxLast: Int32Array;
  constructor(ranges: Iterable<{ first: number; last: number }>) {
    const sorted = [...ranges].sort((a, b) => a.first - b.first);
    this.firsts = new Int32Array(sorted.length);
    this.maxLast = new Int32Array(sorted.length);
    let m = -1;
    sorted.forEach((x, k) => {
      this.firsts[k] = x.first;
      this.maxLast[k] = m = Math.max(m, x.last);
    });
  }
  /** Is there a range with range.first <= first and range.last >= last? */
  contains(first: number, last: number): boolean {
    let lo = 0;
    let hi = this.firsts.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.firsts[mid]! <= first) lo = mid + 1;
      else hi = mid;
    }
    return lo > 0 && this.maxLast[lo - 1]! >= last;
  }
}
