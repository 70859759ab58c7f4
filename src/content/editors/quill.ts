// Quill (LinkedIn's older share box and comments). Quill follows DOM mutations into its delta and
// records them for undo; its cursor blot is skipped by the reader.
import { readDom } from '../textmap.js';
import type { EditorDriver } from './types.js';

export const quill: EditorDriver = {
  framework: 'quill',
  detect: (el) => el.classList.contains('ql-editor'),
  read: (el) => readDom(el),
  multiline: 'paste',
};
