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

export function uiRoot(): ShadowRoot | null {
  return root;
}

export function removeUi(): void {
  host?.remove();
  host = null;
  root = null;
}
