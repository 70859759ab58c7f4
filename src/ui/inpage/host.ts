// The one element PostCheck adds to a page for its UI: a shadow host on <html> (inside a site's
// modal <dialog> while one is open, see followModal), never inside an editor. The site's own scripts are an adversary that must learn
// nothing about the roster from PostCheck's output, so:
//  - the shadow root is closed (the page gets no reference into it);
//  - the host carries no attribute, is fixed at 0×0 and is added once, whatever is found: its
//    presence, size and styles say nothing about a draft;
//  - every word inside is CSS generated content (dom.ts), which window.find() does not search
//    (it does search text nodes in closed shadow roots).
// Events from inside stop at the host, so the site does not take a click in our dialog for a click
// outside its composer (and close it).
import { UI_CSS } from './styles.js';

/** True only in dist/firefox-test (build.mjs: the Firefox suite reads the UI from the page); every
 *  bundle defines it, and in the others `false` folds the open branch away. */
declare const __POSTCHECK_OPEN_UI__: boolean;

let host: HTMLElement | null = null;
let root: ShadowRoot | null = null;
let layer: HTMLElement | null = null;

const CONTAINED = ['click', 'dblclick', 'mousedown', 'mouseup', 'pointerdown', 'pointerup', 'touchstart', 'touchend',
  'keydown', 'keyup', 'keypress', 'focusin', 'focusout', 'input', 'beforeinput', 'paste', 'copy', 'cut', 'contextmenu'];

/** The shadow root's top layer element (`.pc`), created on first use. */
export function uiLayer(): HTMLElement {
  if (layer && host && !host.isConnected) {
    // it was inside a site's modal dialog that has gone: back to <html>, with everything in it
    document.documentElement.append(host);
    offsetHost();
  }
  if (layer && host?.isConnected) return layer;
  host = document.createElement('div');
  host.style.cssText = 'all: initial; position: fixed; top: 0; left: 0; width: 0; height: 0; z-index: 2147483647; pointer-events: none;';
  root = host.attachShadow({ mode: __POSTCHECK_OPEN_UI__ ? 'open' : 'closed' });
  if (__POSTCHECK_OPEN_UI__) host.setAttribute('data-postcheck', 'ui');
  const style = document.createElement('style');
  style.textContent = UI_CSS;
  layer = document.createElement('div');
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
 * goes back to <html> when it closes (where it is says nothing about a draft: it follows the modal).
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

/** Is this node PostCheck's own UI (its host or anything in its shadow root)? */
export function isOwnUi(node: Node | null): boolean {
  return !!node && !!host && (node === host || node.getRootNode() === root);
}

export function removeUi(): void {
  host?.remove();
  host = null;
  root = null;
  layer = null;
}
