// linkedin.com: two DOMs side by side. Older: Quill share modal and comment forms. Newer React UI:
// TipTap/ProseMirror editors in `ui-core-tiptap-text-editor-wrapper`. Enter is a newline in both;
// only the button posts. Messaging sends on Enter.
import type { SiteAdapter } from './types.js';

export const linkedin: SiteAdapter = {
  site: 'linkedin',
  hosts: ['www.linkedin.com', 'linkedin.com'],
  composers: [
    {
      kind: 'comment',
      editor: 'form[class*="comments-comment-box"] .ql-editor, .comments-comment-texteditor .ql-editor',
      container: 'form',
      post: 'button[class*="comments-comment-box__submit-button"], button[type="submit"]',
    },
    {
      kind: 'comment',
      editor: '[componentkey^="commentBox-"] .ProseMirror',
      container: '[componentkey^="commentBox-"]',
      post: '[componentkey*="commentButtonSection"] button',
    },
    {
      kind: 'message',
      editor: '.msg-form__contenteditable',
      container: 'form',
      post: '.msg-form__send-button, button[type="submit"]',
      enterSubmits: true,
    },
    {
      kind: 'post',
      editor: '.ql-editor, [data-testid="ui-core-tiptap-text-editor-wrapper"] .ProseMirror',
      container: '[data-test-modal-id="sharebox"], [role="dialog"]',
      post: 'button.share-actions__primary-action',
      postText: ['Post'],
    },
  ],
};
