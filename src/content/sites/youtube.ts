// youtube.com comments and replies: ytd-commentbox holds a contenteditable #contenteditable-root
// and a #submit-button. Enter is a newline. Selectors from public extension code; no fixture yet.
import type { SiteAdapter } from './types.js';

export const youtube: SiteAdapter = {
  site: 'youtube',
  hosts: ['www.youtube.com', 'm.youtube.com'],
  composers: [
    {
      kind: 'comment',
      editor: 'ytd-commentbox #contenteditable-root, ytd-commentbox [contenteditable="true"]',
      container: 'ytd-commentbox',
      post: '#submit-button button, #submit-button',
    },
  ],
};
