// The small badge by a composer: what was found, in words ("1 must fix · 2 to check"), or "✓ Checked"
// once the draft has been checked and nothing was found; opens the findings panel. Keyboard
// focusable (it is a <button>), labelled for screen readers. `data-state` is "findings", "clean"
// or "checking".
//
// It takes no pointer events: the page could otherwise find it with elementFromPoint() and measure
// it, and its width says how much was found. A click on it is recognised by position in the
// controller's capture listener (`contains`), and the page never sees that click.
import type { Severity } from '../../engine/types.js';
import { h, onUser, words } from './dom.js';
import { uiLayer } from './host.js';
import { countsText, SEVERITY_ORDER } from './words.js';

export type BadgeState = 'findings' | 'clean' | 'checking' | 'hidden';

/** A rectangle in viewport coordinates. */
export interface Rect {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

export interface Badge {
  readonly el: HTMLButtonElement;
  update(counts: Record<Severity, number>, state: BadgeState): void;
  /**
   * Places it by the editor (`rect`): in its bottom-right corner unless `covers` says that would
   * hide some of the draft's words, then just outside the editor. null hides it.
   */
  place(rect: DOMRect | null, covers?: (r: Rect) => boolean): void;
  /** Is this viewport point on the badge (as drawn now)? */
  contains(x: number, y: number): boolean;
  setExpanded(open: boolean): void;
  remove(): void;
}

const H = 24;
const GAP = 4;

export function createBadge(onOpen: () => void): Badge {
  const el = h('button', { type: 'button', class: 'badge', 'aria-haspopup': 'dialog', 'aria-expanded': 'false', hidden: true });
  // a click from the keyboard (Enter/Space on the focused badge) arrives here; a pointer's click
  // arrives through `contains`, since the badge takes no pointer events
  onUser(el, 'click', onOpen);
  uiLayer().append(el);
  let state: BadgeState = 'hidden';
  let drawn: Rect | null = null;
  return {
    el,
    update(counts, next) {
      // while a check is out, keep showing the last result (no flicker on every keystroke)
      if (next === 'checking' && state === 'hidden') return;
      el.dataset.state = next;
      if (next === 'checking') return;
      state = next;
      if (next === 'clean') {
        el.replaceChildren(words('✓', 'ok'), words('Checked'));
        el.setAttribute('aria-label', 'PostCheck: nothing to flag in this draft');
      } else if (next === 'findings') {
        const parts = SEVERITY_ORDER.filter((s) => counts[s] > 0);
        el.replaceChildren(
          ...parts.flatMap((s, i) => [
            ...(i > 0 ? [words('·', 'sep')] : []),
            h('span', { class: 'n' }, h('span', { class: `dot ${s}`, 'aria-hidden': 'true' }), words(countsText({ block: 0, warn: 0, info: 0, [s]: counts[s] }))),
          ]),
        );
        el.setAttribute('aria-label', `PostCheck: ${countsText(counts)}. Show details`);
      }
    },
    place(rect, covers) {
      if (!rect || state === 'hidden' || rect.width === 0 || rect.bottom < 0 || rect.top > innerHeight) {
        el.hidden = true;
        drawn = null;
        return;
      }
      el.hidden = false;
      const w = el.offsetWidth || 48;
      // in the bottom-right corner; a one-line editor gets it centred on its line
      const inside = { left: rect.right - w - GAP, top: rect.height < 36 ? rect.top + (rect.height - H) / 2 : rect.bottom - H - GAP };
      const candidates = [
        inside,
        // beside the editor, level with its last line, then above its top-right corner
        { left: rect.right + GAP, top: Math.min(inside.top, rect.bottom - H) },
        { left: rect.right - w, top: rect.top - H - GAP },
      ];
      const fits = (c: { left: number; top: number }) => c.left >= 0 && c.top >= 0 && c.left + w <= innerWidth && c.top + H <= innerHeight;
      const at = candidates.find((c, i) => (i === 0 || fits(c)) && !covers?.({ left: c.left, top: c.top, right: c.left + w, bottom: c.top + H })) ?? inside;
      const left = Math.max(0, Math.round(at.left));
      const top = Math.max(0, Math.round(at.top));
      el.style.left = `${left}px`;
      el.style.top = `${top}px`;
      drawn = { left, top, right: left + w, bottom: top + H };
    },
    contains(x, y) {
      return !el.hidden && !!drawn && x >= drawn.left && x <= drawn.right && y >= drawn.top && y <= drawn.bottom;
    },
    setExpanded(open) {
      el.setAttribute('aria-expanded', String(open));
    },
    remove() {
      el.remove();
    },
  };
}
