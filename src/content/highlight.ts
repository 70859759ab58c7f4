// Marks the offending words without touching the editor's DOM: boxes in PostCheck's closed shadow
// root (ui/inpage/host.ts), laid over the editor. Not the CSS Custom Highlight API: its registry
// (`CSS.highlights`) is one per document and the page's own scripts can iterate it, so every Range
// in it would tell the site which words are a pupil's name. The boxes come from each mark's
// `Range.getClientRects()` (a <textarea>, which has no text nodes, gets a mirror of its text with
// the marks in it), take no pointer events, and are laid out again by the controller in one
// animation frame after input, scroll and resize. They are clipped to the editor and to every
// ancestor that clips it, so a mark scrolled out of a dialog is not drawn over the dialog's header.
import type { Severity } from '../engine/types.js';
import { h } from '../ui/inpage/dom.js';
import { uiLayer } from '../ui/inpage/host.js';
import { rangeFor, type TextMap } from './textmap.js';

export interface Mark {
  start: number;
  end: number;
  severity: Severity;
}

/** Properties a mirror copies from a textarea so its text wraps exactly like the textarea's. */
const MIRRORED = ['fontFamily', 'fontSize', 'fontWeight', 'fontStyle', 'fontStretch', 'fontVariant', 'letterSpacing', 'wordSpacing',
  'lineHeight', 'textTransform', 'textIndent', 'tabSize', 'paddingTop', 'paddingRight', 'paddingBottom', 'paddingLeft', 'direction'] as const;

interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

const intersect = (a: Box, b: Box): Box => ({
  left: Math.max(a.left, b.left),
  top: Math.max(a.top, b.top),
  right: Math.min(a.right, b.right),
  bottom: Math.min(a.bottom, b.bottom),
});

/** Ancestors whose overflow clips the editor, up to the first fixed-position one (which escapes the rest). */
function clippingAncestors(el: Element): Element[] {
  const out: Element[] = [];
  for (let a = el.parentElement; a && a !== document.documentElement; a = a.parentElement) {
    const cs = getComputedStyle(a);
    if (cs.overflowX !== 'visible' || cs.overflowY !== 'visible') out.push(a);
    if (cs.position === 'fixed') break;
  }
  return out;
}

export class Highlighter {
  /** the visible part of the editor (clip); `frame` is the editor's own box inside it, holding the
   *  boxes (or, for a textarea, the mirror) */
  private readonly clip = h('div', { class: 'overlay', 'aria-hidden': 'true', hidden: true });
  private readonly frame = h('div', { class: 'frame' });
  private readonly mirror = h('div', { class: 'mirror' });
  private marks: readonly Mark[] = [];
  private map: TextMap | null = null;
  private clippers: Element[] | null = null;

  constructor(private readonly el: HTMLElement, private readonly textControl: boolean) {
    if (textControl) this.frame.append(this.mirror);
    this.clip.append(this.frame);
    uiLayer().append(this.clip);
  }

  /** What to mark, in the text `map` was read from. Drawn at the next layout(). */
  set(marks: readonly Mark[], map: TextMap): void {
    this.marks = marks.filter((m) => m.end > m.start);
    this.map = map;
    if (this.clippers && !this.clippers.every((c) => c.isConnected && c.contains(this.el))) this.clippers = null;
    if (this.textControl) this.fillMirror(map.text);
    if (this.marks.length === 0) this.clip.hidden = true;
  }

  private fillMirror(text: string): void {
    const parts: Node[] = [];
    let at = 0;
    for (const m of [...this.marks].sort((a, b) => a.start - b.start)) {
      if (m.start < at) continue;
      parts.push(h('span', { text: text.slice(at, m.start) }));
      parts.push(h('mark', { class: m.severity, text: text.slice(m.start, m.end) }));
      at = m.end;
    }
    // a trailing newline needs something after it to take up its line
    parts.push(h('span', { text: text.slice(at) + '\u200b' }));
    this.mirror.replaceChildren(...parts);
  }

  layout(): void {
    if (this.marks.length === 0 || !this.el.isConnected) {
      this.clip.hidden = true;
      return;
    }
    const rect = this.el.getBoundingClientRect();
    if (rect.width === 0 || rect.height === 0) {
      this.clip.hidden = true;
      return;
    }
    this.clippers ??= clippingAncestors(this.el);
    let visible: Box = intersect(rect, { left: 0, top: 0, right: innerWidth, bottom: innerHeight });
    for (const a of this.clippers) visible = intersect(visible, a.getBoundingClientRect());
    if (visible.right <= visible.left || visible.bottom <= visible.top) {
      this.clip.hidden = true;
      return;
    }
    this.clip.hidden = false;
    const c = this.clip.style;
    c.left = `${visible.left}px`;
    c.top = `${visible.top}px`;
    c.width = `${visible.right - visible.left}px`;
    c.height = `${visible.bottom - visible.top}px`;
    const f = this.frame.style;
    if (this.textControl) {
      // the padding box of the textarea (inside its border, without the scrollbar)
      const ta = this.el as HTMLTextAreaElement;
      f.left = `${rect.left + ta.clientLeft - visible.left}px`;
      f.top = `${rect.top + ta.clientTop - visible.top}px`;
      f.width = `${ta.clientWidth}px`;
      f.height = `${ta.clientHeight}px`;
      const cs = getComputedStyle(ta);
      const ms = this.mirror.style;
      for (const p of MIRRORED) ms[p] = cs[p];
      ms.width = `${ta.clientWidth}px`;
      ms.transform = `translate(${-ta.scrollLeft}px, ${-ta.scrollTop}px)`;
      return;
    }
    f.left = `${rect.left - visible.left}px`;
    f.top = `${rect.top - visible.top}px`;
    f.width = `${rect.width}px`;
    f.height = `${rect.height}px`;
    const boxes: Node[] = [];
    if (this.map) {
      for (const m of this.marks) {
        const r = rangeFor(this.map, m.start, m.end);
        if (!r) continue;
        for (const cr of r.getClientRects()) {
          if (cr.width === 0) continue;
          const b = h('div', { class: `box ${m.severity}` });
          b.style.cssText = `left:${cr.left - rect.left}px;top:${cr.top - rect.top}px;width:${cr.width}px;height:${cr.height}px`;
          boxes.push(b);
        }
      }
    }
    this.frame.replaceChildren(...boxes);
  }

  dispose(): void {
    this.clip.remove();
  }
}
