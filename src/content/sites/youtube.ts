// www.youtube.com comments and replies: ytd-commentbox holds a plain contenteditable
// #contenteditable-root (mounted when the placeholder is clicked) and a #submit-button. Enter is a
// newline.
import type { SiteAdapter } from './types.js';

export const youtube: SiteAdapter = {
  site: 'youtube',
  hosts: ['www.youtube.com'],
  composers: [
    {
      kind: 'comment',
      editor: 'ytd-commentbox #contenteditable-root, ytd-commentbox [contenteditable="true"]',
      container: 'ytd-commentbox',
      post: '#submit-button button, #submit-button',
    },
  ],
};
