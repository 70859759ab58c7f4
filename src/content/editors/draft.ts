// Draft.js (X's desktop composer). Draft re-renders leaves as React spans; its selection lives in
// its own state and follows the DOM through `select` events, which insert.ts waits for.
import { readDom } from '../textmap.js';
import type { EditorDriver } from './types.js';

export const draft: EditorDriver = {
  framework: 'draft',
  detect: (el) => el.classList.contains('public-DraftEditor-content') || el.closest('.DraftEditor-root') !== null,
  read: (el) => readDom(el),
  // Draft turns a pasted text into blocks as one undo step; insertText with "\n" would not split blocks
  multiline: 'paste',
};
