// The managed-storage schema (manifest `storage.managed_schema`), generated from the zod schema at
// build time so the two cannot drift. Chrome accepts a draft-03 subset: top level `type: object`
// without `additionalProperties`, and every node with exactly one `type` (or a `$ref`). Anything
// else makes Chrome refuse to load the extension, so the conversion is strict about what it keeps.
import * as z from 'zod';
import { configSchema } from './schema.js';

type Json = Record<string, unknown>;

const KEEP = new Set(['type', 'description', 'title', 'properties', 'items', 'enum', 'pattern', 'minimum', 'maximum']);

function convert(node: Json, path: string): Json {
  const out: Json = {};
  if (typeof node.type !== 'string') throw new Error(`managed schema: ${path} has no single type (${JSON.stringify(node).slice(0, 120)})`);
  for (const [k, v] of Object.entries(node)) {
    if (!KEEP.has(k)) continue;
    if (k === 'properties') {
      const props: Json = {};
      for (const [pk, pv] of Object.entries(v as Json)) props[pk] = convert(pv as Json, `${path}.${pk}`);
      out.properties = props;
    } else if (k === 'items') {
      // zod writes a tuple as prefixItems + `items: false`; that case is handled below
      if (v && typeof v === 'object' && !Array.isArray(v)) out.items = convert(v as Json, `${path}[]`);
    } else out[k] = v;
  }
  // a tuple (["10:30", "10:45"]) becomes a list of its (uniform) item type
  if (node.type === 'array' && !out.items && Array.isArray(node.prefixItems)) {
    out.items = convert(node.prefixItems[0] as Json, `${path}[]`);
  }
  // a record keyed by an enum becomes one property per key
  const names = node.propertyNames as Json | undefined;
  if (node.type === 'object' && names && Array.isArray(names.enum) && node.additionalProperties && typeof node.additionalProperties === 'object') {
    const props: Json = {};
    for (const key of names.enum as string[]) props[key] = convert(node.additionalProperties as Json, `${path}.${key}`);
    out.properties = props;
  }
  return out;
}

/** The Chrome managed-storage schema for the school configuration. */
export function managedSchema(): Json {
  const js = z.toJSONSchema(configSchema, { io: 'input', unrepresentable: 'throw' }) as Json;
  const out = convert(js, 'config');
  out.title = 'PostCheck school configuration';
  out.description =
    'Set by school IT through managed policy. Fields set here are shown to staff as "Set by your school"; see docs/deploying.md.';
  return out;
}
