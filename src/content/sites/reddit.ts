// www.reddit.com comments: `shreddit-composer` is a custom element whose shadow root only lays out
// slots; the editor is a light-DOM Lexical div slotted into it (`[slot="rte"]`) and the submit a
// light-DOM `button[slot="submit-button"]`. The collapsed trigger (a textarea in
// faceplate-textarea-input's shadow root) is not a composer: focusing it opens the real one.
// Enter makes a new paragraph; only the button posts.
import type { SiteAdapter } from './types.js';

export const reddit: SiteAdapter = {
  site: 'reddit',
  hosts: ['www.reddit.com'],
  composers: [
    {
      kind: 'comment',
      editor: 'shreddit-composer > [slot="rte"][contenteditable="true"]',
      container: 'shreddit-composer',
      post: 'button[slot="submit-button"], #comment-composer-submit-button',
    },
  ],
};
