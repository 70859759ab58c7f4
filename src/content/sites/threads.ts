// threads.net / threads.com: contenteditable textboxes (Meta's Lexical) in the "New thread" dialog and
// in reply boxes; the Post button is a div[role=button] known only by its text. Unverified against
// the live site (no fixture yet).
import type { SiteAdapter } from './types.js';

export const threads: SiteAdapter = {
  site: 'threads',
  hosts: ['www.threads.net', 'threads.net', 'www.threads.com', 'threads.com'],
  composers: [
    {
      kind: 'post',
      editor: '[contenteditable="true"][role="textbox"]',
      container: '[role="dialog"]',
      post: '[data-postcheck-never]',
      postText: ['Post', 'Reply'],
      ctrlEnterSubmits: true,
    },
  ],
};
