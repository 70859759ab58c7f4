// Lexical (Facebook, Instagram captions, Threads). Lexical keeps only the first line of a
// multi-line insertText, so multi-line text goes in as a paste (one history entry).
import { readDom } from '../textmap.js';
import type { EditorDriver } from './types.js';

export const lexical: EditorDriver = {
  framework: 'lexical',
  detect: (el) => el.getAttribute('data-lexical-editor') === 'true',
  read: (el) => readDom(el),
  multiline: 'paste',
};
