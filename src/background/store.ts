// Where the background worker keeps configuration: the school's managed policy
// (storage.managed, read-only), the user's own settings and the last good managed policy
// (storage.local). The compiled configuration is cached in memory and rebuilt when either changes;
// a stopped-and-restarted service worker rebuilds it on the first request.
import { compileConfig, type CompiledConfig } from '../engine/engine.js';
import { effectiveConfig, type EffectiveConfig } from '../config/effective.js';
import { parseConfig, type SchoolConfig } from '../config/schema.js';
import browser from '../platform/browser.js';

export const KEYS = { user: 'userConfig', lastGoodManaged: 'lastGoodManaged', version: 'configVersion', stats: 'stats' } as const;

export interface Loaded {
  effective: EffectiveConfig;
  compiled: CompiledConfig;
}

let current: Promise<Loaded> | null = null;

async function readManaged(): Promise<unknown> {
  try {
    return await browser.storage.managed.get();
  } catch {
    // no managed storage on this browser/profile (Firefox without policies.json, or no schema)
    return undefined;
  }
}

async function load(): Promise<Loaded> {
  const [managedRaw, local] = await Promise.all([readManaged(), browser.storage.local.get([KEYS.user, KEYS.lastGoodManaged])]);
  const lastGood = local[KEYS.lastGoodManaged] as SchoolConfig | undefined;
  const effective = effectiveConfig({ managedRaw, lastGoodManaged: lastGood ?? null, userRaw: local[KEYS.user] });
  // remember a managed policy that validated, so a later bad push keeps working on this one
  if (managedRaw && typeof managedRaw === 'object' && Object.keys(managedRaw).length > 0) {
    const r = parseConfig(managedRaw);
    if (r.ok && JSON.stringify(r.config) !== JSON.stringify(lastGood)) await browser.storage.local.set({ [KEYS.lastGoodManaged]: r.config });
  }
  let compiled: CompiledConfig;
  try {
    compiled = compileConfig(effective.config);
  } catch (e) {
    // a configuration that validates but cannot compile must not stop the extension
    effective.problems.push({ path: '(configuration)', message: (e as Error).message, from: effective.source === 'user' ? 'user' : 'managed' });
    compiled = compileConfig({});
  }
  return { effective, compiled };
}

export function loaded(): Promise<Loaded> {
  if (!current) current = load().catch((e) => {
    current = null;
    throw e;
  });
  return current;
}

/** Drop the cache and tell open tabs (content scripts watch this key) to re-check. */
export async function invalidate(): Promise<void> {
  current = null;
  await browser.storage.local.set({ [KEYS.version]: Date.now() });
}
