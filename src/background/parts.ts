// Reassembles drafts sent in parts (shared/protocol.ts `check-part`): a draft longer than one
// message's MAX_PART arrives as parts 0 … n-2 and then its `check` with the last part. Parts are kept
// per sender (tab and frame) and draft id, only for a short while, and only so many characters per
// sender, so a content script cannot make the worker hold unbounded text. A service worker stopped
// between parts loses them: the check then fails and the content script sends the draft again.
import { MAX_PART, MAX_PARTS } from '../shared/protocol.js';

const KEEP_MS = 30_000;
/** one draft of the longest allowed length per sender */
const MAX_HELD_CHARS = MAX_PART * MAX_PARTS;

interface Held {
  parts: string[];
  chars: number;
  at: number;
}

export class PartStore {
  private readonly held = new Map<string, Map<string, Held>>();

  constructor(private readonly now: () => number = Date.now) {}

  private expire(): void {
    const t = this.now();
    for (const [sender, drafts] of this.held) {
      for (const [id, h] of drafts) if (t - h.at > KEEP_MS) drafts.delete(id);
      if (drafts.size === 0) this.held.delete(sender);
    }
  }

  /** Keeps one part; false when it would hold more than a sender may. */
  add(sender: string, id: string, index: number, text: string): boolean {
    this.expire();
    const drafts = this.held.get(sender) ?? new Map<string, Held>();
    let total = 0;
    for (const h of drafts.values()) total += h.chars;
    const h = drafts.get(id) ?? { parts: [], chars: 0, at: this.now() };
    const previous = h.parts[index]?.length ?? 0;
    if (total - previous + text.length > MAX_HELD_CHARS) return false;
    h.parts[index] = text;
    h.chars += text.length - previous;
    h.at = this.now();
    drafts.set(id, h);
    this.held.set(sender, drafts);
    return true;
  }

  /** The whole draft: the held parts 0 … count-2 and `last`; null when a part is missing. */
  take(sender: string, id: string, count: number, last: string): string | null {
    this.expire();
    const drafts = this.held.get(sender);
    const h = drafts?.get(id);
    drafts?.delete(id);
    if (!h || count < 2 || count > MAX_PARTS) return null;
    const parts = h.parts.slice(0, count - 1);
    if (parts.length !== count - 1 || parts.some((p) => p === undefined)) return null;
    return parts.join('') + last;
  }
}
