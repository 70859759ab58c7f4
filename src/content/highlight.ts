// Marks the offending words without touching the editor's DOM. Where the CSS Custom Highlight API
// exists: one Highlight per severity (shared by every composer on the page) plus `::highlight()`
// rules in one <style> that holds nothing but those rules. Otherwise, and always for <textarea>
// (which has no text nodes), an overlay in PostCheck's shadow root, laid over the editor.
import type { Severity } from '../engine/types.js';
import { h } from '../ui/inpage/dom.js';
import { uiLayer } from '../ui/inpage/host.js';
import { forceOverlay } from './perf.js';
import { rangeFor, type TextMap } from './textmap.js';

export interface Mark {
  start: number;
  end: number;
  severity: Severity;
}

export interface Highlighter {
  set(marks: readonly Mark[], map: TextMap): void;
  /** follow scroll/resize (overlays only) */
  layout(): void;
  dispose(): void;
}

const NAMES: Record<Severity, string> = { block: 'postcheck-block', warn: 'postcheck-warn', info: 'postcheck-info' };
const PRIORITY: Record<Severity, number> = { block: 3, warn: 2, info: 1 };
const HIGHLIGHT_CSS = `
::highlight(postcheck-block) { background-color: rgba(234, 67, 53, 0.16); text-decoration: underline wavy #d93025; text-decoration-thickness: 2px; }
::highlight(postcheck-warn) { background-color: rgba(251, 188, 4, 0.22); text-decoration: underline wavy #e37400; text-decoration-thickness: 2px; }
::highlight(postcheck-info) { text-decoration: underline dotted #1a73e8; text-decoration-thickness: 2px; }
`;

let registry: Record<Severity, Highlight> | null = null;
let styleEl: HTMLStyleElement | null = null;

export function highlightApi(): boolean {
  return !forceOverlay && typeof CSS !== 'undefined' && 'highlights' in CSS && typeof Highlight === 'function';
}

function shared(): Record<Severity, Highlight> {
  if (!registry) {
    registry = { block: new Highlight(), warn: new Highlight(), info: new Highlight() };
    for (const s of ['block', 'warn', 'info'] as const) {
      registry[s].priority = PRIORITY[s];
      CSS.highlights.set(NAMES[s], registry[s]);
    }
  }
  if (!styleEl?.isConnected) {
    styleEl = document.createElement('style');
    styleEl.setAttribute('data-postcheck', 'highlights');
    styleEl.textContent = HIGHLIGHT_CSS;
    (document.head ?? document.documentElement).append(styleEl);
  }
  return registry;
}

/** Removes the page-wide highlights and their style (extension unloaded). */
export function removeHighlights(): void {
  if (registry) for (const s of ['block', 'warn', 'info'] as const) CSS.highlights.delete(NAMES[s]);
  registry = null;
  styleEl?.remove();
  styleEl = null;
}

class RegistryHighlighter implements Highlighter {
  private ranges: [Severity, Range][] = [];

  set(marks: readonly Mark[], map: TextMap): void {
    if (this.ranges.length === 0 && marks.length === 0) return;
    const reg = shared();
    for (const [s, r] of this.ranges) reg[s].delete(r);
    this.ranges = [];
    for (const m of marks) {
      const r = rangeFor(map, m.start, m.end);
      if (!r || r.collapsed) continue;
      reg[m.severity].add(r);
      this.ranges.push([m.severity, r]);
    }
  }
  layout(): void {}
  dispose(): void {
    if (registry) for (const [s, r] of this.ranges) registry[s].delete(r);
    this.ranges = [];
  }
}

/** Properties a mirror copies from a textarea so its text wraps exactly like the textarea's. */
const MIRRORED = ['fontFamily', 'fontSize', 'fontWeight', 'fontStyle', 'fontStretch', 'fontVariant', 'letterSpacing', 'wordSpacing',
  'lineHeight', 'textTransform', 'textIndent', 'tabSize', 'paddingTop', 'paddingRight', 'paddingBottom', 'paddingLeft', 'direction'] as const;

class OverlayHighlighter implements Highlighter {
  private box = h('div', { class: 'overlay', 'aria-hidden': 'true', hidden: true });
  private inner = h('div', { class: 'mirror' });
  private marks: readonly Mark[] = [];
  private map: TextMap | null = null;

  constructor(private readonly el: HTMLElement, private readonly textControl: boolean) {
    this.box.append(this.inner);
    uiLayer().append(this.box);
  }

  set(marks: readonly Mark[], map: TextMap): void {
    this.marks = marks.filter((m) => m.end > m.start);
    this.map = map;
    if (this.textControl) this.fillMirror(map.text);
    // positions are laid out in the controller's next animation frame (no forced layout per key)
    if (this.marks.length === 0) this.box.hidden = true;
  }

  private fillMirror(text: string): void {
    const parts: Node[] = [];
    let at = 0;
    for (const m of [...this.marks].sort((a, b) => a.start - b.start)) {
      if (m.start < at) continue;
      parts.push(document.createTextNode(text.slice(at, m.start)));
      parts.push(h('mark', { class: m.severity, text: text.slice(m.start, m.end) }));
      at = m.end;
    }
    // a trailing newline needs something after it to take up its line
    parts.push(document.createTextNode(text.slice(at) + '\u200b'));
    this.inner.replaceChildren(...parts);
  }

  layout(): void {
    if (this.marks.length === 0 || !this.el.isConnected) {
      this.box.hidden = true;
      return;
    }
    const rect = this.el.getBoundingClientRect();
    if (rect.width === 0 || rect.height === 0) {
      this.box.hidden = true;
      return;
    }
    this.box.hidden = false;
    const s = this.box.style;
    if (this.textControl) {
      // the padding box of the textarea (inside its border, without the scrollbar)
      const ta = this.el as HTMLTextAreaElement;
      s.left = `${rect.left + ta.clientLeft}px`;
      s.top = `${rect.top + ta.clientTop}px`;
      s.width = `${ta.clientWidth}px`;
      s.height = `${ta.clientHeight}px`;
      const cs = getComputedStyle(ta);
      const ms = this.inner.style;
      for (const p of MIRRORED) ms[p] = cs[p];
      ms.width = `${ta.clientWidth}px`;
      ms.transform = `translate(${-ta.scrollLeft}px, ${-ta.scrollTop}px)`;
      return;
    }
    s.left = `${rect.left}px`;
    s.top = `${rect.top}px`;
    s.width = `${rect.width}px`;
    s.height = `${rect.height}px`;
    const boxes: Node[] = [];
    if (this.map) {
      for (const m of this.marks) {
        const r = rangeFor(this.map, m.start, m.end);
        if (!r) continue;
        for (const cr of r.getClientRects()) {
          const b = h('div', { class: `box ${m.severity}` });
          b.style.cssText = `left:${cr.left - rect.left}px;top:${cr.top - rect.top}px;width:${cr.width}px;height:${cr.height}px`;
          boxes.push(b);
        }
      }
    }
    this.inner.replaceChildren(...boxes);
  }

  dispose(): void {
    this.box.remove();
  }
}

export function createHighlighter(el: HTMLElement, textControl: boolean): Highlighter {
  return !textControl && highlightApi() ? new RegistryHighlighter() : new OverlayHighlighter(el, textControl);
}
