// The findings panel a badge opens: each finding's message, the words, the policy clause it cites,
// its fix (when there is one) and "Dismiss for this draft". Escape or × closes it and focus goes
// back to the badge.
import { focusables, h, onUser, setText } from './dom.js';
import { uiLayer } from './host.js';
import { SEVERITY_LABEL, type FindingView } from './words.js';

export interface PanelHandlers {
  onFix(key: string): void;
  onDismiss(key: string): void;
  onClose(): void;
}

export interface Panel {
  /** `omitted`: findings in the draft beyond those sent to draw (see MAX_FINDINGS) */
  update(findings: readonly FindingView[], omitted?: number): void;
  place(anchor: DOMRect): void;
  close(returnFocus?: boolean): void;
}

let open: Panel | null = null;

export function findingItem(f: FindingView, actions: Node | null): HTMLLIElement {
  return h(
    'li',
    { class: `finding ${f.severity}`, 'data-rule': f.rule, ...(f.part ? { 'data-part': f.part } : {}) },
    f.part ? h('div', { class: 'part', text: f.part }) : null,
    h('div', { class: 'sev', text: SEVERITY_LABEL[f.severity] }),
    h('p', { class: 'msg', text: f.message }),
    f.excerpt ? h('p', { class: 'excerpt', text: `“${f.excerpt}”` }) : null,
    // the school's own clause is already quoted in the message; a model policy is labelled as one
    h('p', { class: 'cite', text: f.policy.own ? `Your school's policy: ${[f.policy.title, f.policy.section].filter(Boolean).join(', ')}` : `Model policy: ${[f.policy.title, f.policy.section].filter(Boolean).join(', ')}${f.policy.title || f.policy.section ? ': ' : ''}“${f.policy.quote}”` }),
    actions,
  );
}

/** Says that only the first findings are listed (and marked): a draft can hold thousands. */
export function omittedText(shown: number, omitted: number): string {
  return omitted === 0 ? '' : `Showing the first ${shown} of ${shown + omitted} findings. Fix these and the rest will show.`;
}

export function openPanel(findings: readonly FindingView[], omitted: number, anchor: DOMRect, handlers: PanelHandlers, returnFocus: HTMLElement): Panel {
  open?.close(false);
  const list = h('ul', { class: 'findings' });
  const title = h('h2', { id: 'pc-panel-title', text: 'PostCheck' });
  const close = h('button', { type: 'button', class: 'close', 'aria-label': 'Close PostCheck details', text: '×' });
  const note = h('p', { class: 'note', hidden: true });
  const el = h('div', { class: 'panel', role: 'dialog', 'aria-labelledby': 'pc-panel-title' }, h('div', { class: 'head' }, title, close), list, note);
  uiLayer().append(el);

  // what the list shows now: a check that ends with the same findings (an undo, a re-check after a
  // settings change) leaves the panel alone, so a button under the pointer or the keyboard's focus is
  // not swapped for its double as it is pressed
  let shown = '';
  const panel: Panel = {
    update(items, omitted = 0) {
      const now = JSON.stringify([items, omitted]);
      if (now === shown) return;
      shown = now;
      const total = items.length + omitted;
      setText(title, total === 0 ? 'PostCheck: nothing to check' : `PostCheck: ${total} ${total === 1 ? 'thing' : 'things'} to check`);
      note.hidden = omitted === 0;
      setText(note, omittedText(items.length, omitted));
      const hadFocus = el.contains(el.getRootNode() instanceof ShadowRoot ? (el.getRootNode() as ShadowRoot).activeElement : null);
      list.replaceChildren(
        ...items.map((f) => {
          const actions = h('div', { class: 'actions' });
          if (f.fixLabel) actions.append(h('button', { type: 'button', class: 'fix', text: f.fixLabel, onclick: () => handlers.onFix(f.key) }));
          if (f.dismissable) actions.append(h('button', { type: 'button', text: 'Dismiss for this draft', onclick: () => handlers.onDismiss(f.key) }));
          else actions.append(h('span', { class: 'cite', text: 'Your school blocks posts with this until it is changed.' }));
          return findingItem(f, actions);
        }),
      );
      if (hadFocus) (focusables(el)[1] ?? close).focus();
    },
    place(anchor) {
      const w = Math.min(360, innerWidth - 16);
      const st = el.style;
      if (anchor.right + 12 + w <= innerWidth - 8) {
        // beside the composer, so its text and its Post button stay in view
        st.maxHeight = `${Math.min(innerHeight * 0.6, innerHeight - 16)}px`;
        st.left = `${anchor.right + 12}px`;
        st.top = `${Math.max(8, Math.min(anchor.top - 8, innerHeight - el.offsetHeight - 8))}px`;
        return;
      }
      // else below or above the badge, whichever has more room, never over the composer's text
      st.left = `${Math.max(8, Math.min(anchor.right - w, innerWidth - w - 8))}px`;
      const below = innerHeight - anchor.bottom - 14;
      const above = anchor.top - 14;
      st.maxHeight = `${Math.max(120, Math.min(innerHeight * 0.6, Math.max(below, above)))}px`;
      st.top = below >= above || below >= el.offsetHeight ? `${anchor.bottom + 6}px` : `${Math.max(8, anchor.top - 6 - el.offsetHeight)}px`;
    },
    close(returnFocusToo = true) {
      if (open !== panel) return;
      open = null;
      el.remove();
      handlers.onClose();
      if (returnFocusToo && returnFocus.isConnected) returnFocus.focus();
    },
  };
  onUser(close, 'click', () => panel.close());
  onUser<KeyboardEvent>(el, 'keydown', (e) => {
    if (e.key === 'Escape') {
      e.preventDefault();
      panel.close();
    }
  });
  open = panel;
  panel.update(findings, omitted);
  panel.place(anchor);
  (focusables(el)[1] ?? close).focus();
  return panel;
}

export function closePanel(): void {
  open?.close(false);
}
