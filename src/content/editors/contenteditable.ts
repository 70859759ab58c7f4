// Any other contenteditable (and the fallback for the frameworks below): the DOM is the text.
import { readDom } from '../textmap.js';
import type { EditorDriver } from './types.js';

export const contenteditable: EditorDriver = {
  framework: 'contenteditable',
  detect: (el) => el.isContentEditable,
  read: (el) => readDom(el),
  multiline: 'lines',
};
