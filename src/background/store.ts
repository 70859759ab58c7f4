// Where the background worker keeps configuration: the school's managed policy
// (storage.managed, read-only), the user's own settings and the last good managed policy
// (storage.local). The compiled configuration is cached in memory and rebuilt when either changes;
// a stopped-and-restarted service worker rebuilds it on the first request.
import { compileConfig, type CompiledConfig } from '../engine/engine.js';
import { resolveLayers, salvage, type EffectiveConfig } from '../config/effective.js';
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
  // written by us after validation, but re-checked: an older version may have stored another shape
  const lastGood = local[KEYS.lastGoodManaged] === undefined ? null : salvage(local[KEYS.lastGoodManaged]).config;
  const { remember, ...effective } = resolveLayers({ managedRaw, lastGoodManaged: lastGood, userRaw: local[KEYS.user] });
  // remember the school's configuration that validated (with last good values for keys it lost), so
  // a later bad push keeps working on it; forget it when the school removes its policy
  if (remember === null && lastGood !== null) await browser.storage.local.remove(KEYS.lastGoodManaged);
  else if (remember && JSON.stringify(remember) !== JSON.stringify(lastGood)) await browser.storage.local.set({ [KEYS.lastGoodManaged]: remember });
  // each part compiles on its own (engine.ts): what one part cannot use is skipped and said, never the whole
  const compiled: CompiledConfig = compileConfig(effective.config);
  const from = effective.source === 'user' ? 'user' : 'managed';
  for (const p of compiled.skipped) effective.problems.push({ ...p, from });
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
