// The effective configuration: demo school (only when nothing is set) <- the user's own settings <-
// the school's managed policy. A field the school sets always wins; `locked` makes the school's
// policy the whole configuration. A managed policy that fails validation never stops PostCheck.
//
// Validation is per top-level field, because that is what Chrome does: it checks each top-level
// key of an extension's managed policy against managed_schema.json and leaves out (never publishes)
// any key whose value does not match, reporting it only at chrome://policy. So a wrong type pushed
// by IT reaches us as a *missing* key. We therefore keep the last good managed configuration and,
// for every key it had that is now missing or invalid, go on using the last good value and say so.
// Firefox passes policies.json through unvalidated; there zod finds the bad key and the same rule
// applies. A school that really wants to stop setting a key sets it to its neutral value (see
// docs/deploying.md); removing the whole policy forgets the last good one.
import demo from '../../examples/demo-school.json';
import { parseConfig, type ConfigProblem, type SchoolConfig } from './schema.js';

export type ConfigSource = 'demo' | 'user' | 'managed' | 'managed+user';

export type SourcedProblem = ConfigProblem & { from: 'managed' | 'user' };

export interface EffectiveConfig {
  config: SchoolConfig;
  source: ConfigSource;
  /** dotted paths of fields set by the school's managed policy ("pupils", "rules.supplier") */
  managedFields: string[];
  locked: boolean;
  /** problems in the managed policy or the user's settings, each naming its field */
  problems: SourcedProblem[];
  /** top-level managed keys running on their last good value because the current one is missing or invalid */
  held: string[];
}

/** The top-level name lists, which a large school's policy makes megabytes. */
const NAME_LISTS = ['pupils', 'staff', 'suppliers'] as const;

/** A configuration without its name lists, for a page that shows none (the popup). */
export function withoutNameLists<T>(config: T): T {
  if (!isPlainObject(config) || !NAME_LISTS.some((k) => k in config)) return config;
  const out: Record<string, unknown> = { ...config };
  for (const k of NAME_LISTS) delete out[k];
  return out as T;
}

const demoParsed = parseConfig(demo);
if (!demoParsed.ok) throw new Error(`examples/demo-school.json is invalid: ${JSON.stringify(demoParsed.problems)}`);
export const DEMO_SCHOOL: SchoolConfig = demoParsed.config;

/** Objects whose keys merge one by one (a school can set one rule's severity without the others). */
export const MERGED = new Set(['school', 'terms', 'rules', 'sites']);

function isEmpty(c: object | undefined | null): boolean {
  return !c || Object.keys(c).length === 0;
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

export function managedPaths(managed: SchoolConfig | undefined | null): string[] {
  if (!managed) return [];
  const out: string[] = [];
  for (const [k, v] of Object.entries(managed)) {
    if (v === undefined) continue;
    if (MERGED.has(k) && isPlainObject(v)) for (const sub of Object.keys(v)) out.push(`${k}.${sub}`);
    else out.push(k);
  }
  return out;
}

export function merge(user: SchoolConfig | undefined | null, managed: SchoolConfig | undefined | null): SchoolConfig {
  const out: Record<string, unknown> = {};
  for (const layer of [user, managed]) {
    if (!layer) continue;
    for (const [k, v] of Object.entries(layer)) {
      if (v === undefined) continue;
      const prev = out[k];
      if (MERGED.has(k) && isPlainObject(prev) && isPlainObject(v)) out[k] = { ...prev, ...v };
      else out[k] = v;
    }
  }
  return out as SchoolConfig;
}

/** The top-level key a problem path belongs to ("pupils[3]" → "pupils", "rules.x" → "rules"). */
function topKey(path: string): string {
  return path.split(/[.[]/)[0] ?? path;
}

export interface Salvaged {
  /** the valid part (every top-level key whose value validates), or null when nothing usable */
  config: SchoolConfig | null;
  problems: ConfigProblem[];
  /** top-level keys left out because their value is invalid */
  bad: string[];
}

/**
 * Validates a configuration key by key: the valid keys are kept, each invalid key is reported (by
 * its full path) and left out. A value that is not an object at all yields nothing usable.
 */
export function salvage(raw: unknown): Salvaged {
  const r = parseConfig(raw);
  if (r.ok) return { config: r.config, problems: r.warnings, bad: [] };
  if (!isPlainObject(raw)) return { config: null, problems: r.problems, bad: [] };
  // a field wrong as a whole is left out; one bad entry of a list never costs the list (see parseConfig)
  const whole = r.problems.filter((p) => !p.entry);
  const bad = [...new Set(whole.map((p) => topKey(p.path)))];
  const rest = Object.fromEntries(Object.entries(raw).filter(([k]) => !bad.includes(k)));
  const r2 = parseConfig(rest);
  return { config: r2.ok ? r2.config : null, problems: [...whole, ...(r2.ok ? r2.warnings : r2.problems)], bad };
}

export interface ManagedResolution {
  /** the school's configuration to apply (current valid keys + last good values of missing/invalid ones) */
  managed: SchoolConfig | null;
  problems: SourcedProblem[];
  held: string[];
  /** what to store as the last good managed configuration: undefined = leave as it is, null = forget it */
  remember: SchoolConfig | null | undefined;
}

/** Lists of people's names: removed from the policy means removed, never held from the last good copy. */
const PEOPLE = new Set(['pupils', 'staff']);

const HELD_MISSING =
  "was set by your school's policy but this browser no longer receives it (Chrome leaves out a value of the wrong type; chrome://policy shows why). Using the last good value until the policy sets it again";

// Chrome leaves a key of the wrong type out and shows it at chrome://policy only as "Not set", so a
// mistyped roster on a first deployment (no last good copy) would otherwise leave no trace at all.
const NO_PUPILS =
  'your school\'s policy sets no pupil list, so pupil names are not checked. If IT set one, this browser did not receive it: Chrome leaves out a value that is not a list of names (chrome://policy, "Show policies with no value set", lists it as "Not set"). A school that means to set none sets "pupils": []';

/** The school's layer from the raw storage.managed value and the last good one. */
export function resolveManaged(managedRaw: unknown, lastGood: SchoolConfig | null | undefined): ManagedResolution {
  // no managed storage on this browser (Firefox without policies.json, or it could not be read)
  if (managedRaw === undefined || managedRaw === null) return { managed: null, problems: [], held: [], remember: undefined };
  // the school has no policy for PostCheck (or removed it): forget the last good one
  if (isPlainObject(managedRaw) && isEmpty(managedRaw)) return { managed: null, problems: [], held: [], remember: null };

  const s = salvage(managedRaw);
  const last = (lastGood ?? {}) as Record<string, unknown>;
  if (!isPlainObject(managedRaw)) {
    // not an object at all: nothing of it is usable, the whole last good configuration applies
    const held = Object.keys(last);
    const note = held.length ? ' (using the last good configuration)' : ' (ignored)';
    const problems = s.problems.map((p) => ({ ...p, message: `${p.message}${note}`, from: 'managed' as const }));
    return { managed: lastGood && !isEmpty(lastGood) ? lastGood : null, problems, held, remember: undefined };
  }
  const current: Record<string, unknown> = { ...(s.config ?? {}) };
  // A name list the policy no longer has was removed (leavers' names must not live on), unless it is
  // there but invalid (Firefox passes a wrong type through and zod finds it): only then is it held.
  const heldKeys = Object.keys(last).filter((k) => last[k] !== undefined && !(k in current) && (!PEOPLE.has(k) || s.bad.includes(k)));
  const problems: SourcedProblem[] = s.problems.map((p) => ({
    ...p,
    message: p.entry ? p.message : `${p.message}${heldKeys.includes(topKey(p.path)) ? ' (using the last good value)' : ' (ignored)'}`,
    from: 'managed',
  }));
  for (const k of heldKeys) {
    current[k] = last[k];
    if (!s.bad.includes(k)) problems.push({ path: k, message: HELD_MISSING, from: 'managed' });
  }
  const managed = isEmpty(current) ? null : (current as SchoolConfig);
  return { managed, problems, held: heldKeys, remember: managed ?? undefined };
}

export interface Layers {
  /** raw managed value from storage.managed (may be invalid); undefined when there is no managed storage */
  managedRaw?: unknown;
  /** the last managed configuration that validated */
  lastGoodManaged?: SchoolConfig | null;
  /** raw user value from storage.local (may be invalid, e.g. written by an older version) */
  userRaw?: unknown;
}

export interface Resolved extends EffectiveConfig {
  /** what the store should keep as lastGoodManaged (undefined = leave it) */
  remember: SchoolConfig | null | undefined;
}

export function resolveLayers(layers: Layers): Resolved {
  const m = resolveManaged(layers.managedRaw, layers.lastGoodManaged);
  const problems: SourcedProblem[] = [...m.problems];
  const locked = m.managed?.locked === true;
  let user: SchoolConfig | null = null;
  if (!locked && layers.userRaw !== undefined && layers.userRaw !== null) {
    const s = salvage(layers.userRaw);
    user = s.config;
    for (const p of s.problems) problems.push({ ...p, message: p.entry ? p.message : `${p.message} (your setting is ignored)`, from: 'user' });
  }
  const base = { problems, held: m.held, remember: m.remember };
  // the school has a policy but no pupils reach the checks (and no problem above already says why)
  const pupilsReported = problems.some((p) => p.from === 'managed' && topKey(p.path) === 'pupils');
  if (m.managed && !locked && user?.pupils === undefined && m.managed.pupils === undefined && !pupilsReported) problems.push({ path: 'pupils', message: NO_PUPILS, from: 'managed' });
  else if (m.managed && locked && m.managed.pupils === undefined && !pupilsReported) problems.push({ path: 'pupils', message: NO_PUPILS, from: 'managed' });
  if (isEmpty(m.managed) && isEmpty(user)) {
    // the school set something, none of it usable: the defaults, never the fictional demo school
    if (m.problems.length) return { config: {}, source: 'managed', managedFields: [], locked: false, ...base };
    return { config: DEMO_SCHOOL, source: 'demo', managedFields: [], locked: false, ...base };
  }
  const source: ConfigSource = !isEmpty(m.managed) && !isEmpty(user) ? 'managed+user' : !isEmpty(m.managed) ? 'managed' : 'user';
  return { config: merge(user, m.managed), source, managedFields: managedPaths(m.managed), locked, ...base };
}

export function effectiveConfig(layers: Layers): EffectiveConfig {
  const { remember: _remember, ...effective } = resolveLayers(layers);
  return effective;
}
