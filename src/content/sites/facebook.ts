// facebook.com: Lexical editors. A composer with a Post button near it is a post (dialog); any other
// textbox is a comment or reply, where Enter submits. A Page's composer has Next instead: Next opens a
// separate "Post settings" dialog whose Post publishes, and the draft may no longer be readable
// there, so Next is where a Page post is checked. Labels are English; the dialog and the Lexical
// marker are the language-independent anchors.
import type { SiteAdapter } from './types.js';

const TEXTBOX = '[data-lexical-editor="true"], [contenteditable="true"][role="textbox"]';

export const facebook: SiteAdapter = {
  site: 'facebook',
  hosts: ['www.facebook.com', 'web.facebook.com'],
  composers: [
    {
      kind: 'post',
      editor: TEXTBOX,
      container: '[role="dialog"]',
      post: '[role="button"][aria-label="Post"], [role="button"][aria-label="Share now"], [role="button"][aria-label="Next"]',
      requirePost: true,
    },
    {
      kind: 'comment',
      editor: TEXTBOX,
      container: 'form',
      post: '[role="button"][aria-label="Comment"], [role="button"][aria-label="Reply"], [role="button"][aria-label="Send"], #focused-state-composer-submit',
      enterSubmits: true,
    },
  ],
};
