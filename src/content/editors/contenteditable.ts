// Any other contenteditable (and the fallback for the frameworks below): the DOM is the text, and
// the browser's own editing is the editor, so a multi-line insert is one insertText (one undo step;
// line by line would take one Ctrl+Z per line).
import { readDom } from '../textmap.js';
import type { EditorDriver } from './types.js';

export const contenteditable: EditorDriver = {
  framework: 'contenteditable',
  detect: (el) => el.isContentEditable,
  read: (el) => readDom(el),
  multiline: 'text',
};
