// www.threads.com: Meta's Lexical textboxes. The "New thread" dialog posts every part ("Add to
// thread") with one "Post", a div[role=button] known only by its text. The inline reply under a post
// submits with an icon-only div[role=button] holding svg[aria-label="Reply"]; the reply spec comes
// first, and its container is the nearest ancestor holding that submit (the post's own reply action,
// the same icon, is further out). Ctrl/Cmd+Enter is taken as a post (unverified on the live site).
import type { SiteAdapter } from './types.js';

export const threads: SiteAdapter = {
  site: 'threads',
  hosts: ['www.threads.com'],
  composers: [
    {
      kind: 'reply',
      editor: '[contenteditable="true"][role="textbox"][aria-placeholder^="Reply to"]',
      post: '[role="button"]:has(svg[aria-label="Reply"])',
      postText: ['Post', 'Reply'],
      ctrlEnterSubmits: true,
    },
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
