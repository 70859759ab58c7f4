// x.com: Draft.js on desktop (`tweetTextarea_N` sits on the contenteditable), a <textarea> on mobile
// web. Post buttons move as a thread grows, so they are re-queried at each use.
import type { SiteAdapter } from './types.js';

export const x: SiteAdapter = {
  site: 'x',
  hosts: ['x.com', 'twitter.com', 'mobile.x.com', 'mobile.twitter.com'],
  composers: [
    {
      kind: 'post',
      editor: '[data-testid^="tweetTextarea_"]',
      container: '[role="dialog"], [data-testid="primaryColumn"] form',
      post: '[data-testid="tweetButton"], [data-testid="tweetButtonInline"]',
      ctrlEnterSubmits: true,
    },
    {
      kind: 'message',
      editor: '[data-testid="dmComposerTextInput"]',
      post: '[data-testid="dmComposerSendButton"]',
      enterSubmits: true,
    },
  ],
  media: '[data-testid="attachments"] img, [data-testid="attachments"] video',
};
