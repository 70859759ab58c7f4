// Builds PostCheck's in-page UI elements. Words go in as CSS generated content (`data-t`, drawn by
// `[data-t]::before { content: attr(data-t) }` in styles.ts), never as text nodes and never as
// markup: the page's window.find() searches text nodes even inside closed shadow roots, so a
// finding's message or a count in a text node would tell the site what PostCheck found. Generated
// content is drawn and read by screen readers like text, but is not searchable or selectable.
type Attrs = Record<string, string | number | boolean | undefined | null | ((e: Event) => void)>;
type Child = Node | string | null | undefined | false;

/** Sets the words an element shows (replacing what it showed). */
export function setText(el: Element, text: string): void {
  el.setAttribute('data-t', text);
}

/** A span showing `text`. */
export function words(text: string, cls?: string): HTMLSpanElement {
  const s = document.createElement('span');
  if (cls) s.className = cls;
  setText(s, text);
  return s;
}

/**
 * An element with attributes and children. `text` is the element's words; a string child becomes
 * a span of words. Event handlers given as `onclick` etc. run only for the user's own (trusted)
 * events: the page can dispatch events at anything it can reach.
 */
export function h<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Attrs = {}, ...children: Child[]): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined || v === null || v === false) continue;
    if (typeof v === 'function') onUser(el, k.replace(/^on/, '').toLowerCase(), v);
    else if (k === 'text') setText(el, String(v));
    else el.setAttribute(k, v === true ? '' : String(v));
  }
  for (const c of children) if (c !== null && c !== undefined && c !== false) el.append(typeof c === 'string' ? words(c) : c);
  return el;
}

/** Listens for the user's own events only (`isTrusted`), never ones a script dispatched. */
export function onUser<E extends Event>(target: EventTarget, type: string, fn: (e: E) => void, options?: AddEventListenerOptions): void {
  target.addEventListener(type, (e) => {
    if (e.isTrusted) fn(e as E);
  }, options);
}

/** Focusable elements inside `root`, in tab order (for focus traps). */
export function focusables(root: ParentNode): HTMLElement[] {
  return [...root.querySelectorAll<HTMLElement>('button:not([disabled]), [href], [tabindex]:not([tabindex="-1"])')];
}
