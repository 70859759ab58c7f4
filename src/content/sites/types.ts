// A site adapter is data: where the composers are, which buttons post them, what keys submit them
// and how attached media shows. The shared code in ../composer.ts and ../intercept.ts does the rest.
import type { Site } from '../../engine/types.js';

export interface ComposerSpec {
  /** what the composer is, for people reading the code and the UI ("post", "reply", "comment"…) */
  kind: string;
  /** the editor, or a wrapper around it (the editable root inside is used) */
  editor: string;
  /** the composer's container (dialog, form, known wrapper); media previews are looked for in it */
  container?: string;
  /** Post/submit buttons; looked for between the editor and its container */
  post: string;
  /** buttons (`button`, `[role=button]`) whose own text is one of these also post (Instagram) */
  postText?: readonly string[];
  /** only use this spec when a Post button was found near the editor */
  requirePost?: boolean;
  /** plain Enter submits (comment boxes); Shift+Enter is always a newline */
  enterSubmits?: boolean;
  /** Ctrl/Cmd+Enter submits */
  ctrlEnterSubmits?: boolean;
  /** media preview selectors for this composer (replace the generic blob:/data:/video ones) */
  media?: string;
}

export interface SiteAdapter {
  site: Site;
  /** hostnames this adapter serves */
  hosts: readonly string[];
  /** in priority order: the first spec that accepts an editor wins */
  composers: readonly ComposerSpec[];
  /** media preview selectors for the whole site (replace the generic blob:/data:/video ones) */
  media?: string;
  /** only work on pages where this holds (checked at each scan) */
  when?: () => boolean;
}
