// Where the background worker keeps configuration: the school's managed policy (storage.managed,
// read-only), and, in the vault (extension-origin IndexedDB, out of content scripts' reach), the
// user's own settings and the last good managed policy. storage.local holds only `configVersion`
// (the signal open tabs watch: a number, never settings) and the statistics' counts. The compiled
// configuration is cached in memory and rebuilt when either changes; a stopped-and-restarted service
// worker rebuilds it on the first request. No storage failure stops checking: it is said instead.
import { compileConfig, type CompiledConfig } from '../engine/engine.js';
import { resolveLayers, salvage, type EffectiveConfig, type SourcedProblem } from '../config/effective.js';
import type { SchoolConfig } from '../config/schema.js';
import browser from '../platform/browser.js';
import { vaultDelete, vaultGet, vaultSet } from './vault.js';

export const KEYS = { user: 'userConfig', lastGoodManaged: 'lastGoodManaged', lastManagedDigest: 'lastManagedDigest', version: 'configVersion', stats: 'stats' } as const;

/**
 * How long a load waits for storage.managed before answering from what this profile last saw. In a
 * browser just started, Chromium answers storage.managed.get only once its policy service is up:
 * 2.5–4 s after the worker starts, measured by `npm run bench:e2e` (cold start), while the vault
 * answers in about 200 ms.
 */
const MANAGED_GRACE_MS = 300;

export interface Loaded {
  effective: EffectiveConfig;
  compiled: CompiledConfig;
}

let current: Promise<Loaded> | null = null;

// By default Chrome lets every content script read storage.managed (the school's policy, roster and
// all) and hands it each managed storage.onChanged payload. Keep that area to the extension's own
// pages and worker. Chromium 156 accepts this for storage.managed: content scripts then get "Access
// to storage is not allowed from this context" and no managed change events, and the level stays
// with the profile (tests/e2e/managed-policy.test.ts shows both). It is asked again at every worker
// start, which costs nothing. storage.local stays open: it carries configVersion, which open tabs
// watch, and no names. Firefox (ESR 153) has no setAccessLevel at all: there the content script
// can read storage.managed, roster included, and nothing here can stop it (docs/deploying.md says
// so). A browser that lacks the call or refuses it is left as it is: checks do not depend on it.
type AccessLevelArea = { setAccessLevel?: (o: { accessLevel: string }) => Promise<void> };
try {
  const managed = (globalThis as { chrome?: { storage?: { managed?: AccessLevelArea } } }).chrome?.storage?.managed;
  void managed?.setAccessLevel?.({ accessLevel: 'TRUSTED_CONTEXTS' })?.catch(() => undefined);
} catch {
  // a synchronous refusal: as above
}

async function readManaged(): Promise<unknown> {
  try {
    return await browser.storage.managed.get();
  } catch {
    // no managed storage on this browser/profile (Firefox without policies.json, or no schema)
    return undefined;
  }
}

/**
 * Moves settings found in storage.local (readable by content scripts) into the vault and removes
 * them there: an earlier version kept them there, and a tool or test may still write them there.
 * What is in storage.local is newer than the vault's copy (it is removed once moved). Runs on every
 * load: one small read when there is nothing to move.
 */
async function migrate(): Promise<void> {
  const old = await browser.storage.local.get([KEYS.user, KEYS.lastGoodManaged]);
  const keys = [KEYS.user, KEYS.lastGoodManaged].filter((k) => old[k] !== undefined);
  if (!keys.length) return;
  for (const k of keys) await vaultSet(k, old[k]);
  await browser.storage.local.remove(keys);
}

/** Reads a vault key; a vault that cannot be read is a problem to show, never a stop. */
async function readVault(key: string, problems: SourcedProblem[]): Promise<unknown> {
  try {
    return await vaultGet(key);
  } catch (e) {
    problems.push({ path: '(storage)', message: `could not read the saved settings (${(e as Error).message}); checking without them`, from: key === KEYS.user ? 'user' : 'managed' });
    return undefined;
  }
}

async function remember(value: SchoolConfig | null, lastGood: SchoolConfig | null, problems: SourcedProblem[]): Promise<void> {
  try {
    if (value === null) {
      if (lastGood !== null) await vaultDelete(KEYS.lastGoodManaged);
    } else if (JSON.stringify(value) !== JSON.stringify(lastGood)) await vaultSet(KEYS.lastGoodManaged, value);
  } catch (e) {
    // e.g. the disk is full: the current policy still applies, only the fallback copy is missing
    problems.push({ path: '(storage)', message: `could not keep a copy of the school's settings (${(e as Error).message}); checks go on with the current policy`, from: 'managed' });
  }
}

const delay = (ms: number): Promise<null> => new Promise((resolve) => setTimeout(() => resolve(null), ms));

/**
 * A digest of the school's policy as storage.managed gave it (nothing, or anything, even invalid):
 * enough to tell after a slow start whether it is the one this profile last had, and no second copy
 * of a roster on disk.
 */
async function digest(raw: unknown): Promise<string> {
  const bytes = new TextEncoder().encode(JSON.stringify(raw ?? null));
  const hash = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes));
  return Array.from(hash, (b) => b.toString(16).padStart(2, '0')).join('');
}

async function rememberDigest(d: string, problems: SourcedProblem[]): Promise<void> {
  try {
    await vaultSet(KEYS.lastManagedDigest, d);
  } catch (e) {
    problems.push({ path: '(storage)', message: `could not note which school settings were read (${(e as Error).message}); the next start waits for them`, from: 'managed' });
  }
}

async function load(): Promise<Loaded> {
  const storageProblems: SourcedProblem[] = [];
  // asked first: in a browser just started it is by far the slowest read
  const managedRead = readManaged();
  try {
    await migrate();
  } catch (e) {
    storageProblems.push({ path: '(storage)', message: `could not move the saved settings to private storage (${(e as Error).message})`, from: 'user' });
  }
  const [lastGoodRaw, userRaw, seen] = await Promise.all([
    readVault(KEYS.lastGoodManaged, storageProblems),
    readVault(KEYS.user, storageProblems),
    readVault(KEYS.lastManagedDigest, storageProblems),
  ]);
  // `npm run bench:e2e` (cold start) times the phases of a worker's first load by these marks
  performance.mark('postcheck:read');
  const early = await Promise.race([managedRead.then((raw) => ({ raw })), delay(MANAGED_GRACE_MS)]);
  // written by us after validation, but re-checked: an older version may have stored another shape
  const lastGood = lastGoodRaw === undefined ? null : salvage(lastGoodRaw).config;
  let managedRaw: unknown;
  let provisional = false;
  if (early) managedRaw = early.raw;
  else if (typeof seen === 'string') {
    // storage.managed is slow to answer (a browser just started): check with the school's policy as
    // this profile last had it, and reload as soon as the policy turns out to be another one. A
    // profile that has never read storage.managed waits: it has nothing safe to answer from.
    managedRaw = lastGood ?? undefined;
    provisional = true;
    void managedRead.then(async (raw) => {
      if ((await digest(raw)) !== seen) await invalidate();
    });
  } else managedRaw = await managedRead;
  const { remember: keep, ...effective } = resolveLayers({ managedRaw, lastGoodManaged: lastGood, userRaw });
  // remember the school's configuration that validated (with last good values for keys it lost), so
  // a later bad push keeps working on it; forget it when the school removes its policy
  if (!provisional) {
    if (keep !== undefined) await remember(keep, lastGood, storageProblems);
    const d = await digest(managedRaw);
    if (d !== seen) await rememberDigest(d, storageProblems);
  }
  effective.problems.push(...storageProblems);
  // each part compiles on its own (engine.ts): what one part cannot use is skipped and said, never the whole
  performance.mark('postcheck:resolved');
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

/** The user's own settings as saved (for the options page), or null. */
export async function readUserConfig(): Promise<unknown> {
  try {
    return (await vaultGet(KEYS.user)) ?? null;
  } catch {
    return null;
  }
}

/** Saves the user's own settings (already validated) and tells open tabs. */
export async function saveUserConfig(config: SchoolConfig): Promise<void> {
  await vaultSet(KEYS.user, config);
  await invalidate();
}

/** Drop the cache and tell open tabs (content scripts watch this key: a number, never settings) to re-check. */
export async function invalidate(): Promise<void> {
  current = null;
  try {
    await browser.storage.local.set({ [KEYS.version]: Date.now() });
  } catch {
    // a full storage.local must not stop the save: the next check rebuilds from the vault anyway
  }
}
