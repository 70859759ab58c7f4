// <textarea> (Instagram comments, mobile X, YouTube fallbacks). The value is the text; there are no
// DOM text nodes to highlight, so the highlighter draws on a mirror instead.
import type { EditorDriver } from './types.js';

export const textarea: EditorDriver = {
  framework: 'textarea',
  detect: (el) => el.tagName === 'TEXTAREA',
  read: (el) => ({ text: (el as HTMLTextAreaElement).value, nodes: [], starts: [] }),
  multiline: 'text',
  isTextControl: true,
};
