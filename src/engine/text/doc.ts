// A draft analysed once per check and shared by every rule: folded text, tokens, hashtags/handles,
// and two "views" (the tokens' words joined by single spaces, with `|` between sentences and `,`
// between clauses) that phrase patterns run over. Views map back to tokens, tokens to the draft.
import { fold, type Folded } from './fold.js';
import { tokenize, type Tag, type Token } from './tokenize.js';

export interface View {
  /** " w1 w2 , w3 | w4 " — every word preceded and followed by one space */
  text: string;
  /** view offset of each token's first character */
  pos: Int32Array;
  /** token index for each view character (-1 for spaces and boundary marks) */
  tokenAt: Int32Array;
}

export interface Doc {
  draft: string;
  folded: Folded;
  tokens: Token[];
  tags: Tag[];
  /** words as typed (apostrophes dropped), as one string (built on first use) */
  readonly view: View;
  /** words with leetspeak decoded and repeated letters squeezed, as one string (built on first use) */
  readonly deobView: View;
}

function buildView(tokens: Token[], word: (t: Token) => string): View {
  const parts: string[] = [' '];
  const pos = new Int32Array(tokens.length);
  let len = 1;
  let prev: Token | undefined;
  for (const t of tokens) {
    if (prev) {
      if (t.sentence !== prev.sentence) {
        parts.push('| ');
        len += 2;
      } else if (t.clause !== prev.clause) {
        parts.push(', ');
        len += 2;
      }
    }
    const w = word(t) || '_';
    pos[t.i] = len;
    parts.push(w, ' ');
    len += w.length + 1;
    prev = t;
  }
  const text = parts.join('');
  const tokenAt = new Int32Array(text.length).fill(-1);
  for (const t of tokens) {
    const p = pos[t.i]!;
    const w = word(t) || '_';
    tokenAt.fill(t.i, p, p + w.length);
  }
  return { text, pos, tokenAt };
}

/** Views are built on first use: most checks never need them, and a check should allocate little. */
class AnalysedDoc implements Doc {
  private _view: View | undefined;
  private _deobView: View | undefined;
  constructor(
    readonly draft: string,
    readonly folded: Folded,
    readonly tokens: Token[],
    readonly tags: Tag[],
  ) {}
  get view(): View {
    return (this._view ??= buildView(this.tokens, (t) => t.norm));
  }
  get deobView(): View {
    return (this._deobView ??= buildView(this.tokens, (t) => t.deob));
  }
}

export function analyse(draft: string): Doc {
  const folded = fold(draft);
  const { tokens, tags } = tokenize(folded, draft);
  return new AnalysedDoc(draft, folded, tokens, tags);
}

/** The original span covered by tokens a..b (inclusive). */
export function spanOf(doc: Doc, a: number, b: number): { start: number; end: number } {
  return { start: doc.tokens[a]!.start, end: doc.tokens[b]!.end };
}

/** Token range [first, last] covered by a view match [from, to). Returns null when no token is inside. */
export function tokensInView(view: View, from: number, to: number): [number, number] | null {
  let a = -1;
  for (let k = from; k < to; k++) {
    const t = view.tokenAt[k]!;
    if (t >= 0) {
      a = t;
      break;
    }
  }
  if (a < 0) return null;
  let b = a;
  for (let k = to - 1; k >= from; k--) {
    const t = view.tokenAt[k]!;
    if (t >= 0) {
      b = t;
      break;
    }
  }
  return [a, b];
}
