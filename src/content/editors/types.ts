// What the content script needs to know about an editor framework: how to recognise its root, how
// to read it, and how multi-line text goes in so that the framework's own state and undo stay right.
import type { TextMap } from '../textmap.js';

export type Framework = 'draft' | 'lexical' | 'prosemirror' | 'quill' | 'textarea' | 'contenteditable';

export interface EditorDriver {
  framework: Framework;
  /** `el` is an editable root (a contenteditable host or a textarea) of this framework */
  detect(el: HTMLElement): boolean;
  read(el: HTMLElement): TextMap;
  /**
   * Multi-line text: 'paste' dispatches a paste with a DataTransfer (one undo step; the frameworks
   * parse it into blocks); 'lines' inserts line by line with insertLineBreak; 'text' one insertText.
   */
  multiline: 'paste' | 'lines' | 'text';
  /** the text control has no DOM text to highlight (overlay with a mirror instead) */
  isTextControl?: boolean;
}
