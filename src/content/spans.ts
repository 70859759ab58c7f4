// Keeps a check's spans on the right words while the user goes on typing: between two readings of
// the draft, the edit is what lies between the common prefix and the common suffix; spans before it
// stay, spans after it shift, spans it touches are dropped until the next check says again.

export interface Edit {
  /** first changed offset */
  at: number;
  /** end of the changed region in the old text */
  oldEnd: number;
  /** length change */
  delta: number;
}

export function diff(before: string, after: string): Edit | null {
  if (before === after) return null;
  const max = Math.min(before.length, after.length);
  let p = 0;
  while (p < max && before.charCodeAt(p) === after.charCodeAt(p)) p++;
  let s = 0;
  while (s < max - p && before.charCodeAt(before.length - 1 - s) === after.charCodeAt(after.length - 1 - s)) s++;
  return { at: p, oldEnd: before.length - s, delta: after.length - before.length };
}

/** Maps a span through an edit; null when the edit touched its text. */
export function shiftSpan(start: number, end: number, edit: Edit): [number, number] | null {
  if (end <= edit.at) return [start, end];
  if (start >= edit.oldEnd) return [start + edit.delta, end + edit.delta];
  return null;
}

/** A letter or digit (any script), or a joiner inside a word: typing one of these is typing a word. */
const WORD_CHAR = /[\p{L}\p{N}\p{M}'’\-]/u;

/** The edit from `before` to `after` ends a word or is more than a keystroke: check at once. */
export function atWordBoundary(before: string, after: string, edit: Edit): boolean {
  const inserted = after.slice(edit.at, edit.oldEnd + edit.delta);
  const removed = edit.oldEnd - edit.at;
  if (inserted.length > 1 || removed > 1) return true;
  if (inserted.length === 1) return !WORD_CHAR.test(inserted);
  // one character deleted: at a boundary when what is left around the caret is not inside a word
  const left = after[edit.at - 1] ?? ' ';
  const right = after[edit.at] ?? ' ';
  return !WORD_CHAR.test(left) || !WORD_CHAR.test(right) || !WORD_CHAR.test(before[edit.at] ?? ' ');
}
