// The supported sites. Adding one: a new adapter file, its hostnames in manifest.json's
// content_scripts.matches, and a fixture page under tests/e2e/fixtures. X, Facebook, Instagram and
// LinkedIn have fixtures and e2e tests; Threads, Bluesky and YouTube are selectors only so far.
// Reddit is not supported yet: its editor lives inside the shreddit-composer web component's shadow
// DOM, which the page-wide scan and text reader do not enter.
import { bluesky } from './bluesky.js';
import { facebook } from './facebook.js';
import { instagram } from './instagram.js';
import { linkedin } from './linkedin.js';
import { practice } from './practice.js';
import { threads } from './threads.js';
import type { SiteAdapter } from './types.js';
import { x } from './x.js';
import { youtube } from './youtube.js';

export type { ComposerSpec, SiteAdapter } from './types.js';

export const ADAPTERS: readonly SiteAdapter[] = [x, facebook, instagram, linkedin, threads, bluesky, youtube, practice];

export function adapterFor(hostname: string): SiteAdapter | null {
  return ADAPTERS.find((a) => a.hosts.includes(hostname)) ?? null;
}
