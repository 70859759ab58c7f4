// bsky.app: a TipTap/ProseMirror composer in a dialog; "Post"/"Reply" is composerPublishBtn and
// Ctrl/Cmd+Enter publishes. Selectors from Bluesky's open-source client; no fixture yet.
import type { SiteAdapter } from './types.js';

export const bluesky: SiteAdapter = {
  site: 'bluesky',
  hosts: ['bsky.app'],
  composers: [
    {
      kind: 'post',
      editor: '[data-testid="composerTextInput"] .ProseMirror, [role="dialog"] .ProseMirror',
      container: '[role="dialog"], [data-testid="composePostView"]',
      post: '[data-testid="composerPublishBtn"]',
      ctrlEnterSubmits: true,
    },
  ],
  media: '[data-testid="composerPostViewImages"] img, [data-testid="composerPostViewVideo"] video',
};
