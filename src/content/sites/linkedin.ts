// linkedin.com: several DOMs side by side (docs/sites.md has the evidence, with dates).
//  - Classic (Ember) share modal, Quill 1: inside the open shadow root of `#interop-outlet`, found by
//    the shadow-root scan; Post is `share-actions__primary-action`.
//  - SDUI share box: a native <dialog> with TipTap on `[componentkey="ShareBox_textEditor"]`; the
//    company-page composer a bare `[role=textbox]` in a dialog. Post is a text-only button with
//    hashed classes, known by its (translated) label.
//  - Comments: classic Quill forms, and TipTap in `[componentkey^="commentBox-"]` whose submit
//    carries `componentkey="commentButtonSection…"` / `data-view-name="comment-post"` itself and
//    exists only once something is typed.
//  - Messaging (also in the shadow root): Enter sends.
// Enter is a newline in share boxes and comments; Ctrl/Cmd+Enter submits a TipTap comment.
import type { SiteAdapter } from './types.js';

/** The share box's Post in the languages LinkedIn shows it in (the SDUI button has only its text). */
const POST = ['Post', 'Posten', 'Plaatsen', 'Publier', 'Publicar', 'Pubblica', 'Publicera', 'Publiser', 'Opublikuj', 'Yayınla'];

export const linkedin: SiteAdapter = {
  site: 'linkedin',
  hosts: ['www.linkedin.com'],
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
      post: 'button[componentkey*="commentButtonSection"], [componentkey*="commentButtonSection"] button, button[data-view-name="comment-post"], button[data-view-name="comment-reply-post"]',
      ctrlEnterSubmits: true,
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
      editor: '.ql-editor, [componentkey="ShareBox_textEditor"], [data-testid="ui-core-tiptap-text-editor-wrapper"] .ProseMirror, dialog [role="textbox"][contenteditable="true"], [role="dialog"] [role="textbox"][contenteditable="true"]',
      container: '[data-test-modal-id="sharebox"], dialog, [role="dialog"]',
      post: 'button.share-actions__primary-action',
      postText: POST,
    },
  ],
};
