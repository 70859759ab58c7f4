// instagram.com: a Lexical caption editor in the "Create new post" dialog (Share), comment
// textareas in forms (Enter submits) and the DM composer (Enter sends).
import type { SiteAdapter } from './types.js';

export const instagram: SiteAdapter = {
  site: 'instagram',
  hosts: ['www.instagram.com'],
  composers: [
    {
      kind: 'caption',
      editor: '[aria-label^="Write a caption"][contenteditable="true"], [role="dialog"] [data-lexical-editor="true"]',
      container: '[role="dialog"]',
      post: '[data-postcheck-never]',
      postText: ['Share'],
    },
    {
      kind: 'comment',
      editor: 'textarea[aria-label^="Add a comment"], form textarea',
      container: 'form',
      post: 'button[type="submit"]',
      postText: ['Post', 'Reply'],
      enterSubmits: true,
    },
    {
      kind: 'message',
      editor: '[role="textbox"][contenteditable="true"][aria-label^="Message"]',
      post: '[data-postcheck-never]',
      postText: ['Send'],
      enterSubmits: true,
    },
  ],
};
