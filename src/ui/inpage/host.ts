// The one element PostCheck adds to a page for its UI: a shadow host on <html>, outside the site's
// own trees (never inside an editor). Events from inside stop at the host, so the site does not
// take a click in our dialog for a click outside its composer (and close it).
import { UI_CSS } from './styles.js';

let host: HTMLElement | null = null;
let root: ShadowRoot | null = null;

const CONTAINED = ['click', 'dblclick', 'mousedown', 'mouseup', 'pointerdown', 'pointerup', 'touchstart', 'touchend',
  'keydown', 'keyup', 'keypress', 'focusin', 'focusout', 'input', 'beforeinput', 'paste', 'copy', 'cut', 'contextmenu'];

/** The shadow root's top layer element (`.pc`), created on first use. */
export function uiLayer(): HTMLElement {
  if (root && host && !host.isConnected) {
    // it was inside a site's modal dialog that has gone: back to <html>, with everything in it
    document.documentElement.append(host);
    offsetHost();
  }
  if (root && host?.isConnected) return root.querySelector<HTMLElement>('.pc')!;
  host = document.createElement('div');
  host.setAttribute('data-postcheck', 'ui');
  host.style.cssText = 'all: initial; position: fixed; top: 0; left: 0; width: 0; height: 0; z-index: 2147483647; pointer-events: none;';
  root = host.attachShadow({ mode: 'open' });
  const style = document.createElement('style');
  style.textContent = UI_CSS;
  const layer = document.createElement('div');
  layer.className = 'pc';
  root.append(style, layer);
  for (const type of CONTAINED) host.addEventListener(type, (e) => e.stopPropagation());
  document.documentElement.append(host);
  return layer;
}

/**
 * A site's modal <dialog> (LinkedIn's share boxes use native dialogs) sits in the top layer, above
 * any z-index, and makes everything outside it inert: PostCheck's badge, panel and Post dialog
 * would be drawn under it and could not be clicked. While one is open the host lives inside it, and
 * goes back to <html> when it closes.
 */
export function followModal(dialog: Element | null): void {
  if (!host) return;
  const parent = dialog ?? document.documentElement;
  if (host.parentNode === parent) return;
  parent.append(host);
  offsetHost();
}

/** The host is fixed at the viewport's corner, unless an ancestor (a transformed dialog) is the
 *  containing block of fixed boxes: then it is moved back by that block's offset. */
function offsetHost(): void {
  if (!host) return;
  host.style.left = '0px';
  host.style.top = '0px';
  const r = host.getBoundingClientRect();
  if (r.left !== 0 || r.top !== 0) {
    host.style.left = `${-r.left}px`;
    host.style.top = `${-r.top}px`;
  }
}

export function uiRoot(): ShadowRoot | null {
  return root;
}

export function removeUi(): void {
  host?.remove();
  host = null;
  root = null;
}
