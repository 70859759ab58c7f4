// Post interception: capture-phase listeners on window, registered at document_start, run before
// the site's React root listeners and its editors' keydown handlers. They only classify the event
// (is this a Post, for which composer?); the controller decides in the same tick.
//
// Only the user's own clicks and keys are Posts (`isTrusted`). A script's click on a Post button is
// left alone whatever the draft holds: holding it when something was found and not otherwise would
// tell the page what was found (and a page that wants to post can do so without any button).
import { alive } from './client.js';
import type { Composer } from './composer.js';
import { isDisabled } from './composer.js';
import { isOwnUi } from '../ui/inpage/host.js';
import type { Controller } from './controller.js';
import { timed } from './perf.js';
import { eventOrigin, eventPath } from './shadow.js';

const BUTTON = 'button, [role="button"], input[type="submit"]';

/** A mention/hashtag suggestion list is open: Enter picks from it, it does not post. */
function suggestionsOpen(editor: HTMLElement): boolean {
  if (editor.getAttribute('aria-expanded') === 'true') return true;
  const root = editor.getRootNode();
  const scopes: ParentNode[] = root instanceof ShadowRoot ? [document, root] : [document];
  for (const scope of scopes) {
    for (const lb of scope.querySelectorAll('[role="listbox"]')) if (lb.getClientRects().length > 0 && !isOwnUi(lb)) return true;
  }
  return false;
}

/** Posts an Enter-submitted composer again: its own button when it has one, else the key. */
function replayKey(c: Composer, e: KeyboardEvent): void {
  const button = c.postButton();
  if (button) {
    button.click();
    return;
  }
  c.el.focus({ preventScroll: true });
  c.el.dispatchEvent(
    new KeyboardEvent('keydown', {
      key: 'Enter',
      code: 'Enter',
      keyCode: 13,
      which: 13,
      ctrlKey: e.ctrlKey,
      metaKey: e.metaKey,
      bubbles: true,
      cancelable: true,
      composed: true,
    } as KeyboardEventInit),
  );
}

export function installIntercept(ctrl: Controller, signal: AbortSignal): void {
  // every click and key passes here first: after an extension update the orphaned script notices
  // at the user's next action, whatever it is (a property read, no message), and either leaves or
  // holds Post (controller.ts `orphan`)
  const gone = () => {
    if (!alive()) ctrl.orphan();
    return ctrl.isDown;
  };

  // events from inside a shadow root reach `window` retargeted to its host: the composed path
  // (open roots only) says where they really started
  const onClick = timed((e: MouseEvent) => {
    if (!e.isTrusted || gone() || ctrl.bypass) return;
    const b = eventPath(e).find((n) => n.matches(BUTTON)) as HTMLElement | undefined;
    if (!b || isDisabled(b)) return;
    const group = ctrl.composersForButton(b);
    if (group.length > 0) ctrl.atPost(group, e, () => b.click());
  });

  const onKeydown = timed((e: KeyboardEvent) => {
    if (!e.isTrusted || gone()) return;
    const t = eventOrigin(e);
    if (ctrl.bypass || e.isComposing || e.keyCode === 229 || !(t instanceof Element)) return;
    // Enter/Space on a focused div[role=button] Post button (a real <button> turns them into a click)
    if ((e.key === 'Enter' || e.key === ' ') && t.getAttribute('role') === 'button' && !(t instanceof HTMLButtonElement)) {
      if (isDisabled(t)) return;
      const group = ctrl.composersForButton(t);
      if (group.length > 0) ctrl.atPost(group, e, () => (t as HTMLElement).click());
      return;
    }
    if (e.key !== 'Enter' || e.shiftKey || e.altKey) return;
    const c = ctrl.composerForEditor(t);
    if (!c) return;
    const mod = e.ctrlKey || e.metaKey;
    const submits = mod ? c.spec.ctrlEnterSubmits || c.spec.enterSubmits : c.spec.enterSubmits;
    if (!submits || suggestionsOpen(c.el)) return;
    // Ctrl/Cmd+Enter in one part of a thread posts them all
    ctrl.atPost(ctrl.groupOf(c), e, () => replayKey(c, e));
  });

  window.addEventListener('click', onClick, { capture: true, signal });
  window.addEventListener('keydown', onKeydown, { capture: true, signal });
}
