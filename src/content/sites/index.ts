// The supported sites. Adding one: a new adapter file, its hostnames in manifest.json's
// content_scripts.matches, and a fixture page under tests/e2e/fixtures.
import { facebook } from './facebook.js';
import { instagram } from './instagram.js';
import { linkedin } from './linkedin.js';
import { practice } from './practice.js';
import type { SiteAdapter } from './types.js';
import { x } from './x.js';

export type { ComposerSpec, SiteAdapter } from './types.js';

export const ADAPTERS: readonly SiteAdapter[] = [x, facebook, instagram, linkedin, practice];

export function adapterFor(hostname: string): SiteAdapter | null {
  return ADAPTERS.find((a) => a.hosts.includes(hostname)) ?? null;
}
