// The small badge by a composer: counts by severity; opens the findings panel. Keyboard focusable
// (it is a <button>), labelled for screen readers.
import type { Severity } from '../../engine/types.js';
import { h } from './dom.js';
import { uiLayer } from './host.js';
import { countsText, SEVERITY_ORDER } from './words.js';

export interface Badge {
  readonly el: HTMLButtonElement;
  update(counts: Record<Severity, number>): void;
  /** bottom-right inside the editor's box; null hides it */
  place(rect: DOMRect | null): void;
  setExpanded(open: boolean): void;
  remove(): void;
}

export function createBadge(onOpen: () => void): Badge {
  const el = h('button', { type: 'button', class: 'badge', 'aria-haspopup': 'dialog', 'aria-expanded': 'false', hidden: true });
  el.addEventListener('click', onOpen);
  uiLayer().append(el);
  let total = 0;
  return {
    el,
    update(counts) {
      total = counts.block + counts.warn + counts.info;
      el.replaceChildren(
        ...SEVERITY_ORDER.filter((s) => counts[s] > 0).map((s) =>
          h('span', { class: 'n' }, h('span', { class: `dot ${s}`, 'aria-hidden': 'true' }), String(counts[s])),
        ),
      );
      el.setAttribute('aria-label', `PostCheck: ${countsText(counts)}. Show details`);
      el.title = `PostCheck: ${countsText(counts)}`;
      if (total === 0) el.hidden = true;
    },
    place(rect) {
      if (!rect || total === 0 || rect.width === 0 || rect.bottom < 0 || rect.top > innerHeight) {
        el.hidden = true;
        return;
      }
      el.hidden = false;
      const w = el.offsetWidth || 48;
      el.style.left = `${Math.max(0, Math.round(rect.right - w - 4))}px`;
      el.style.top = `${Math.max(0, Math.round(rect.bottom - 28))}px`;
    },
    setExpanded(open) {
      el.setAttribute('aria-expanded', String(open));
    },
    remove() {
      el.remove();
    },
  };
}
