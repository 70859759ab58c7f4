// The practice page `npm start` opens (served on this machine): one composer per editor framework.
// Only a page titled "PostCheck practice page" on localhost is touched.
import type { SiteAdapter } from './types.js';

export const practice: SiteAdapter = {
  site: 'other',
  hosts: ['localhost', '127.0.0.1'],
  when: () => document.title.includes('PostCheck practice'),
  composers: [
    {
      kind: 'post',
      editor: '[data-testid^="tweetTextarea_"]',
      post: '[data-testid="tweetButtonInline"], [data-testid="tweetButton"]',
      ctrlEnterSubmits: true,
    },
    {
      kind: 'post',
      editor: '[contenteditable="true"], textarea',
      container: 'section',
      post: '[data-postcheck-never]',
      postText: ['Post'],
    },
  ],
};
