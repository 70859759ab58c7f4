// The supported sites. Adding one: a new adapter file, its hostnames in manifest.json's
// content_scripts.matches (tests/content/sites.test.ts keeps the two equal), and a fixture page under
// tests/e2e/fixtures driven by tests/e2e/sites.test.ts: a site no fixture tests is not matched.
import { bluesky } from './bluesky.js';
import { facebook } from './facebook.js';
import { instagram } from './instagram.js';
import { linkedin } from './linkedin.js';
import { practice } from './practice.js';
import { reddit } from './reddit.js';
import { threads } from './threads.js';
import type { SiteAdapter } from './types.js';
import { x } from './x.js';
import { youtube } from './youtube.js';

export type { ComposerSpec, SiteAdapter } from './types.js';

export const ADAPTERS: readonly SiteAdapter[] = [x, facebook, instagram, linkedin, threads, bluesky, youtube, reddit, practice];

export function adapterFor(hostname: string): SiteAdapter | null {
  return ADAPTERS.find((a) => a.hosts.includes(hostname)) ?? null;
}
