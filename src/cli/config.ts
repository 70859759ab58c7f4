// The configuration file given with --config, for both commands: decoded (src/shared/decode.ts),
// validated by the schema with every problem named by its field, and refused when a string in it
// holds U+FFFD, a character lost before PostCheck read it: such a name would never match, silently.
import { formatProblems, parseConfig, type SchoolConfig } from '../config/schema.js';
import { REPLACEMENT } from '../shared/decode.js';
import { UsageError } from './errors.js';
import { readJson, type Warn } from './io.js';

/** Every string in a configuration that holds U+FFFD, by path: a character lost before PostCheck read it. */
function lostCharacters(v: unknown, path = ''): string[] {
  if (typeof v === 'string') return v.includes(REPLACEMENT) ? [`${path || '(top level)'}: "${v}"`] : [];
  if (Array.isArray(v)) return v.flatMap((x, i) => lostCharacters(x, `${path}[${i}]`));
  if (v && typeof v === 'object') return Object.entries(v).flatMap(([k, x]) => lostCharacters(x, path ? `${path}.${k}` : k));
  return [];
}

/**
 * The configuration file, validated; refused when a name in it has lost a character (it would never
 * match). Entries the schema leaves out alone (a blank roster line) are named in a warning, and the
 * rest of the configuration is used; `leftOut` says where they are left out of.
 */
export function loadConfig(file: string, warn: Warn, leftOut = ''): SchoolConfig {
  const raw = readJson(file, 'config file', warn);
  const r = parseConfig(raw);
  if (!r.ok) throw new UsageError(`config file ${file} is invalid:\n${formatProblems(r.problems).replace(/^/gm, '  ')}`);
  if (r.warnings.length) warn(`warning: config file ${file}${leftOut ? ` (${leftOut})` : ''}:\n${formatProblems(r.warnings).replace(/^/gm, '  ')}`);
  const lost = lostCharacters(r.config);
  if (lost.length)
    throw new UsageError(
      `config file ${file} has ${REPLACEMENT} (a character lost when the file was saved or converted), so those names would never match:\n${lost.slice(0, 5).map((l) => `  ${l}`).join('\n')}\nRetype them, or export the list again as UTF-8.`,
    );
  return r.config;
}

