// bsky.app: the composer is a dialog layer; its TipTap editor loads lazily, and until it has, a
// `textarea.composer-fallback-input` takes the first keystrokes (bluesky-social/social-app
// TextInput.web.tsx). Every part of a thread goes out with composerPublishBtn ("Post All");
// Ctrl/Cmd+Enter publishes.
import type { SiteAdapter } from './types.js';

export const bluesky: SiteAdapter = {
  site: 'bluesky',
  hosts: ['bsky.app'],
  composers: [
    {
      kind: 'post',
      editor: '[role="dialog"] .ProseMirror, [role="dialog"] textarea.composer-fallback-input',
      container: '[role="dialog"]',
      post: '[data-testid="composerPublishBtn"]',
      ctrlEnterSubmits: true,
    },
  ],
  media: '[data-testid="composerPostViewImages"] img, [data-testid="composerPostViewVideo"] video',
};
