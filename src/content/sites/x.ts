// x.com: Draft.js composers (`tweetTextarea_N` sits on the contenteditable). A thread puts parts
// `tweetTextarea_0`, `_1`… behind one "Post all" button; Post buttons move as a thread grows, so they
// are re-queried at each use. Direct messages are XChat's textarea; Enter sends.
import type { SiteAdapter } from './types.js';

export const x: SiteAdapter = {
  site: 'x',
  hosts: ['x.com'],
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
      editor: 'textarea[data-testid="dm-composer-textarea"]',
      post: '[data-testid="dm-composer-send-button"]',
      enterSubmits: true,
    },
  ],
  media: '[data-testid="attachments"] img, [data-testid="attachments"] video',
};
