// Editors are recognised by framework, not by site (after Harper's getLexicalRoot/getDraftRoot…).
import { contenteditable } from './contenteditable.js';
import { draft } from './draft.js';
import { lexical } from './lexical.js';
import { prosemirror } from './prosemirror.js';
import { quill } from './quill.js';
import { textarea } from './textarea.js';
import type { EditorDriver } from './types.js';

export type { EditorDriver, Framework } from './types.js';

const DRIVERS: EditorDriver[] = [textarea, draft, lexical, prosemirror, quill, contenteditable];

/** The editable root at or inside `el` (site selectors may name a wrapper), or null. */
export function editableRoot(el: Element): HTMLElement | null {
  if (el instanceof HTMLTextAreaElement) return el;
  if (el instanceof HTMLElement && el.isContentEditable) {
    // the outermost editable ancestor is the editor's root
    let root: HTMLElement = el;
    for (let p = el.parentElement; p && p.isContentEditable; p = p.parentElement) root = p;
    return root;
  }
  const inner = el.querySelector<HTMLElement>('[contenteditable="true"], [contenteditable=""], [contenteditable="plaintext-only"], textarea');
  return inner ? editableRoot(inner) : null;
}

export function driverFor(el: HTMLElement): EditorDriver {
  return DRIVERS.find((d) => d.detect(el)) ?? contenteditable;
}
