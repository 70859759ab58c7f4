// A short note beside a composer, gone by itself after a while or on the next click: what
// PostCheck did with a post the page may not have taken (see Controller.postAnyway).
import { h } from './dom.js';
import { uiLayer } from './host.js';

const SHOWN_MS = 8000;
let current: { el: HTMLElement; timer: ReturnType<typeof setTimeout> } | null = null;

export function showNotice(text: string, anchor: DOMRect): void {
  hideNotice();
  const el = h('div', { class: 'notice', role: 'status', text });
  el.style.left = `${Math.max(8, Math.min(anchor.left, innerWidth - 328))}px`;
  el.style.top = `${Math.min(anchor.bottom + 8, innerHeight - 64)}px`;
  uiLayer().append(el);
  current = { el, timer: setTimeout(hideNotice, SHOWN_MS) };
}

export function hideNotice(): void {
  if (!current) return;
  clearTimeout(current.timer);
  current.el.remove();
  current = null;
}
