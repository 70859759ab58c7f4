// ProseMirror and TipTap (LinkedIn's newer UI, Bluesky). Widgets and collaboration cursors are
// skipped by the reader; paste goes through ProseMirror's clipboard parser.
import { readDom } from '../textmap.js';
import type { EditorDriver } from './types.js';

export const prosemirror: EditorDriver = {
  framework: 'prosemirror',
  detect: (el) => el.classList.contains('ProseMirror'),
  read: (el) => readDom(el),
  multiline: 'paste',
};
