// The effective configuration: demo school (only when nothing is set) <- the user's own settings <-
// the school's managed policy. A field the school sets always wins; `locked` makes the school's
// policy the whole configuration. A managed policy that fails validation never stops PostCheck:
// the last good one is used and the problems are shown.
import demo from '../../examples/demo-school.json';
import { parseConfig, type ConfigProblem, type SchoolConfig } from './schema.js';

export type ConfigSource = 'demo' | 'user' | 'managed' | 'managed+user';

export interface EffectiveConfig {
  config: SchoolConfig;
  source: ConfigSource;
  /** dotted paths of fields set by the school's managed policy ("pupils", "rules.supplier") */
  managedFields: string[];
  locked: boolean;
  /** problems in the managed policy or the user's settings, each naming its field */
  problems: Array<ConfigProblem & { from: 'managed' | 'user' }>;
}

const demoParsed = parseConfig(demo);
if (!demoParsed.ok) throw new Error(`examples/demo-school.json is invalid: ${JSON.stringify(demoParsed.problems)}`);
export const DEMO_SCHOOL: SchoolConfig = demoParsed.config;

/** Objects whose keys merge one by one (a school can set one rule's severity without the others). */
const MERGED = new Set(['school', 'terms', 'rules', 'sites']);

function isEmpty(c: SchoolConfig | undefined | null): boolean {
  return !c || Object.keys(c).length === 0;
}

export function managedPaths(managed: SchoolConfig | undefined | null): string[] {
  if (!managed) return [];
  const out: string[] = [];
  for (const [k, v] of Object.entries(managed)) {
    if (MERGED.has(k) && v && typeof v === 'object' && !Array.isArray(v)) for (const sub of Object.keys(v)) out.push(`${k}.${sub}`);
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
      if (MERGED.has(k) && prev && typeof prev === 'object' && v && typeof v === 'object') out[k] = { ...(prev as object), ...(v as object) };
      else out[k] = v;
    }
  }
  return out as SchoolConfig;
}

export interface Layers {
  /** raw managed value from storage.managed (may be invalid) */
  managedRaw?: unknown;
  /** the last managed configuration that validated */
  lastGoodManaged?: SchoolConfig | null;
  /** raw user value from storage.local (may be invalid, e.g. written by an older version) */
  userRaw?: unknown;
}

export function effectiveConfig(layers: Layers): EffectiveConfig {
  const problems: EffectiveConfig['problems'] = [];
  let managed: SchoolConfig | null = null;
  if (layers.managedRaw !== undefined && layers.managedRaw !== null && !(typeof layers.managedRaw === 'object' && Object.keys(layers.managedRaw as object).length === 0)) {
    const r = parseConfig(layers.managedRaw);
    if (r.ok) managed = r.config;
    else {
      for (const p of r.problems) problems.push({ ...p, from: 'managed' });
      managed = layers.lastGoodManaged ?? null;
    }
  } else if (layers.lastGoodManaged && layers.managedRaw === undefined) {
    managed = null;
  }
  let user: SchoolConfig | null = null;
  if (layers.userRaw !== undefined && layers.userRaw !== null) {
    const r = parseConfig(layers.userRaw);
    if (r.ok) user = r.config;
    else for (const p of r.problems) problems.push({ ...p, from: 'user' });
  }
  const locked = managed?.locked === true;
  if (locked) user = null;
  if (isEmpty(managed) && isEmpty(user)) {
    return { config: DEMO_SCHOOL, source: 'demo', managedFields: [], locked: false, problems };
  }
  const source: ConfigSource = !isEmpty(managed) && !isEmpty(user) ? 'managed+user' : !isEmpty(managed) ? 'managed' : 'user';
  return { config: merge(user, managed), source, managedFields: managedPaths(managed), locked, problems };
}
