// The small badge by a composer: counts by severity (or a quiet ✓ once the draft has been checked
// and nothing was found); opens the findings panel. Keyboard focusable (it is a <button>),
// labelled for screen readers. `data-state` is "findings", "clean" or "checking".
import type { Severity } from '../../engine/types.js';
import { h } from './dom.js';
import { uiLayer } from './host.js';
import { countsText, SEVERITY_ORDER } from './words.js';

export type BadgeState = 'findings' | 'clean' | 'checking' | 'hidden';

export interface Badge {
  readonly el: HTMLButtonElement;
  update(counts: Record<Severity, number>, state: BadgeState): void;
  /** bottom-right inside the editor's box; null hides it */
  place(rect: DOMRect | null): void;
  setExpanded(open: boolean): void;
  remove(): void;
}

export function createBadge(onOpen: () => void): Badge {
  const el = h('button', { type: 'button', class: 'badge', 'aria-haspopup': 'dialog', 'aria-expanded': 'false', hidden: true });
  el.addEventListener('click', onOpen);
  uiLayer().append(el);
  let state: BadgeState = 'hidden';
  return {
    el,
    update(counts, next) {
      // while a check is out, keep showing the last result (no flicker on every keystroke)
      if (next === 'checking' && state === 'hidden') return;
      el.dataset.state = next;
      if (next === 'checking') return;
      state = next;
      if (next === 'clean') {
        el.replaceChildren(h('span', { class: 'ok', 'aria-hidden': 'true', text: '✓' }));
        el.setAttribute('aria-label', 'PostCheck: nothing to flag in this draft');
        el.title = 'PostCheck: nothing to flag';
      } else if (next === 'findings') {
        el.replaceChildren(
          ...SEVERITY_ORDER.filter((s) => counts[s] > 0).map((s) =>
            h('span', { class: 'n' }, h('span', { class: `dot ${s}`, 'aria-hidden': 'true' }), String(counts[s])),
          ),
        );
        el.setAttribute('aria-label', `PostCheck: ${countsText(counts)}. Show details`);
        el.title = `PostCheck: ${countsText(counts)}`;
      }
    },
    place(rect) {
      if (!rect || state === 'hidden' || rect.width === 0 || rect.bottom < 0 || rect.top > innerHeight) {
        el.hidden = true;
        return;
      }
      el.hidden = false;
      const w = el.offsetWidth || 48;
      el.style.left = `${Math.max(0, Math.round(rect.right - w - 4))}px`;
      // in the bottom-right corner; a one-line editor gets it centred on its line
      const top = rect.height < 36 ? rect.top + (rect.height - 24) / 2 : rect.bottom - 28;
      el.style.top = `${Math.max(0, Math.round(top))}px`;
    },
    setExpanded(open) {
      el.setAttribute('aria-expanded', String(open));
    },
    remove() {
      el.remove();
    },
  };
}
