// `postcheck policy`: ready-to-deploy managed-policy files for school IT, from one configuration JSON
// (docs/configuration.md) and optionally a roster CSV exported from the school information system.
//
//   windows/  .reg files: the extension's 3rdparty policy for Chrome and Edge, and the
//             ExtensionSettings force-install entry (separate files: that policy is one value
//             shared by every extension, so a school that already sets it merges by hand)
//   macos/    .mobileconfig profiles for com.google.Chrome.extensions.<id> and
//             com.microsoft.Edge.extensions.<id> (+ plain .plist for Jamf's custom settings upload)
//   linux/    policy JSON for /etc/opt/chrome/policies/managed/ and /etc/chromium/policies/managed/
//   google-admin/  the JSON to paste in the Admin console ({"key": {"Value": ...}})
//   firefox/  policies.json with 3rdparty.Extensions and ExtensionSettings
//
// Every file is read back the way the browser reads it (registry values converted by the schema's
// types, plist parsed, JSON parsed) and that value is checked against the managed schema and the
// zod schema, and must equal the configuration, before anything is written. Nothing is written
// unless every file passes.
import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import manifest from '../../manifest.json';
import { managedSchema } from '../config/managed-schema.js';
import { formatProblems, parseConfig, type SchoolConfig } from '../config/schema.js';
import { accentedNames, rosterExplained, rosterFromCsv } from '../options/csv.js';
import { decodeText } from '../shared/decode.js';
import { plural } from '../shared/plural.js';
import { loadConfig } from './config.js';
import { UsageError } from './errors.js';
import { parseOptions, readBytes, stderrWarn, type Warn } from './io.js';

export const GECKO_ID = manifest.browser_specific_settings.gecko.id;
export const CHROME_UPDATE_URL = 'https://clients2.google.com/service/update2/crx';
export const EDGE_UPDATE_URL = 'https://edge.microsoft.com/extensionwebstorebase/v1/crx';
export const FIREFOX_INSTALL_URL = 'https://addons.mozilla.org/firefox/downloads/latest/postcheck/latest.xpi';

const USAGE = `Usage: postcheck policy --config FILE [--roster CSV] [--out DIR] [--extension-id ID]
                        [--edge-extension-id ID] [--update-url URL] [--firefox-install-url URL]

Writes managed-policy files for every platform into DIR (default ./postcheck-policy).
  --config FILE             the school configuration JSON (docs/configuration.md)
  --roster CSV              pupils from a school information system export (Name, or
                            Forename/Surname, or Legal Forename/Legal Surname/Preferred Forename),
                            saved as CSV UTF-8 (UTF-16 and Windows-1252 are read too); replaces
                            "pupils" in the configuration. A Reg Group, Form or Class column adds
                            its values to school.classes
  --extension-id ID         Chrome extension id (default: the id fixed by the manifest key, ${extensionIdFromKey(manifest.key)})
  --edge-extension-id ID    Edge extension id, when it differs (Edge Add-ons gives its own)
  --update-url URL          where browsers fetch the extension (default: the Chrome Web Store,
                            and Edge Add-ons for Edge); a self-hosted update manifest URL for both
  --firefox-install-url URL where Firefox fetches the signed .xpi (default: ${FIREFOX_INSTALL_URL})

See docs/deploying.md for where each file goes.`;

/** The id Chromium gives an extension whose manifest has this `key`: SHA-256 of the key, 32 hex digits as a-p. */
export function extensionIdFromKey(key: string): string {
  const hex = createHash('sha256').update(Buffer.from(key, 'base64')).digest('hex').slice(0, 32);
  return [...hex].map((d) => String.fromCharCode(97 + parseInt(d, 16))).join('');
}

// ------------------------------------------------------------------ schema check (run time)

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };
type Schema = { type: string; properties?: Record<string, Schema>; items?: Schema; enum?: unknown[]; pattern?: string };

/**
 * The managed-schema subset Chrome uses (type, properties, items, enum, pattern), strictly: unknown
 * properties are errors here, because Chrome would silently drop them. Returns problems by path.
 */
export function schemaProblems(value: unknown, schema: Schema, path = ''): string[] {
  const at = path || '(top level)';
  const typeOf = (v: unknown) => (v === null ? 'null' : Array.isArray(v) ? 'array' : Number.isInteger(v) ? 'integer' : typeof v);
  const t = typeOf(value);
  if (!(t === schema.type || (schema.type === 'number' && t === 'integer'))) return [`${at}: expected ${schema.type}, got ${t}`];
  if (schema.enum && !schema.enum.some((e) => isDeepStrictEqual(e, value))) return [`${at}: expected one of ${schema.enum.map((e) => JSON.stringify(e)).join(', ')}, got ${JSON.stringify(value)}`];
  if (schema.pattern && typeof value === 'string' && !new RegExp(schema.pattern).test(value)) return [`${at}: ${JSON.stringify(value)} does not match ${schema.pattern}`];
  const out: string[] = [];
  if (schema.type === 'array' && schema.items) (value as unknown[]).forEach((v, i) => out.push(...schemaProblems(v, schema.items!, `${path}[${i}]`)));
  if (schema.type === 'object') {
    for (const [k, v] of Object.entries(value as object)) {
      const sub = schema.properties?.[k];
      const p = path ? `${path}.${k}` : k;
      if (!sub) out.push(`${p}: not in the managed schema (Chrome would drop it)`);
      else out.push(...schemaProblems(v, sub, p));
    }
  }
  return out;
}

// ------------------------------------------------------------------ Windows registry

const regString = (s: string) => `"${s.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;

/** REG_SZ that regedit cannot write as "text" (line breaks, control characters): hex(1), UTF-16LE, NUL-terminated. */
function regHexSz(s: string): string {
  const bytes = Buffer.from(`${s}\0`, 'utf16le');
  return `hex(1):${[...bytes].map((b) => b.toString(16).padStart(2, '0')).join(',')}`;
}

/** One registry value as Chrome's registry policy loader reads it for this schema type. */
function regValue(value: Json): string {
  if (typeof value === 'boolean') return `dword:${value ? '00000001' : '00000000'}`;
  if (typeof value === 'number') return `dword:${(value >>> 0).toString(16).padStart(8, '0')}`;
  // lists and objects: a JSON string, which Chrome parses when the schema expects a list or dict
  const s = typeof value === 'string' ? value : JSON.stringify(value);
  // eslint-disable-next-line no-control-regex
  return /[\u0000-\u001f]/.test(s) ? regHexSz(s) : regString(s);
}

/** A .reg file: UTF-16LE with BOM and CRLF, as regedit writes it, so names like "Zoë" survive. */
function regFile(lines: string[]): Buffer {
  return Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(`Windows Registry Editor Version 5.00\r\n\r\n${lines.join('\r\n')}\r\n`, 'utf16le')]);
}

function regPolicy(key: string, config: SchoolConfig, note: string[]): Buffer {
  const lines = note.map((l) => `; ${l}`);
  // delete the old key first, so a setting removed from the configuration does not linger
  lines.push(`[-${key}]`, '', `[${key}]`);
  for (const [k, v] of Object.entries(config)) lines.push(`${regString(k)}=${regValue(v as Json)}`);
  return regFile(lines);
}

function regForceInstall(parentKey: string, id: string, updateUrl: string, note: string[]): Buffer {
  const settings = { [id]: { installation_mode: 'force_installed', update_url: updateUrl } };
  return regFile([...note.map((l) => `; ${l}`), `[${parentKey}]`, `"ExtensionSettings"=${regValue(settings)}`]);
}

/** Reads a .reg file's values under `key` back as Chrome would, converting by the schema's types. */
export function decodeReg(file: Buffer, key: string, schema: Schema): Record<string, unknown> {
  if (file[0] !== 0xff || file[1] !== 0xfe) throw new Error('not a UTF-16LE .reg file');
  const text = file.subarray(2).toString('utf16le');
  const out: Record<string, unknown> = {};
  let inKey = false;
  for (const line of text.split('\r\n')) {
    if (line.startsWith('[')) {
      inKey = line === `[${key}]`;
      continue;
    }
    if (!inKey || !line.startsWith('"')) continue;
    const m = /^"((?:[^"\\]|\\.)*)"=(.*)$/.exec(line);
    if (!m) throw new Error(`unreadable line: ${line.slice(0, 80)}`);
    const name = m[1]!.replace(/\\(.)/g, '$1');
    const raw = m[2]!;
    let v: unknown;
    if (raw.startsWith('dword:')) v = parseInt(raw.slice(6), 16);
    else if (raw.startsWith('hex(1):')) v = Buffer.from(raw.slice(7).split(',').map((h) => parseInt(h, 16))).toString('utf16le').replace(/\0$/, '');
    else if (raw.startsWith('"') && raw.endsWith('"')) v = raw.slice(1, -1).replace(/\\(.)/g, '$1');
    else throw new Error(`unknown value type for ${name}: ${raw.slice(0, 20)}`);
    // Chrome's ConvertRegistryValue: integers become booleans, JSON strings become lists/dicts
    const type = schema.properties?.[name]?.type;
    if (type === 'boolean' && typeof v === 'number') v = v !== 0;
    else if ((type === 'array' || type === 'object') && typeof v === 'string') v = JSON.parse(v);
    out[name] = v;
  }
  return out;
}

// ------------------------------------------------------------------ macOS profiles

const xmlEscape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

function plistValue(v: Json, indent: string, path: string): string {
  if (typeof v === 'boolean') return `${indent}<${v}/>`;
  if (typeof v === 'number') return `${indent}<integer>${v}</integer>`;
  if (typeof v === 'string') {
    // eslint-disable-next-line no-control-regex
    if (/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/.test(v)) throw new UsageError(`${path || 'a value'}: contains a control character a macOS profile cannot hold`);
    return `${indent}<string>${xmlEscape(v)}</string>`;
  }
  if (Array.isArray(v)) {
    if (v.length === 0) return `${indent}<array/>`;
    return `${indent}<array>\n${v.map((x, i) => plistValue(x, `${indent}  `, `${path}[${i}]`)).join('\n')}\n${indent}</array>`;
  }
  if (v === null) throw new UsageError(`${path}: null cannot be written to a macOS profile`);
  return `${indent}<dict>\n${plistEntries(v, `${indent}  `, path)}\n${indent}</dict>`;
}

function plistEntries(o: { [k: string]: Json }, indent: string, path: string): string {
  return Object.entries(o)
    .map(([k, v]) => `${indent}<key>${xmlEscape(k)}</key>\n${plistValue(v, indent, path ? `${path}.${k}` : k)}`)
    .join('\n');
}

function plistDoc(body: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE plist PUBLIC "-//Apple//DTD PLIST 1.0//EN" "http://www.apple.com/DTDs/PropertyList-1.0.dtd">\n<plist version="1.0">\n${body}\n</plist>\n`;
}

/** A stable UUID for a payload identifier, so regenerating a profile replaces rather than duplicates it. */
function uuidFor(identifier: string): string {
  const h = createHash('sha256').update(identifier).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${((parseInt(h[16]!, 16) & 3) | 8).toString(16)}${h.slice(17, 20)}-${h.slice(20, 32)}`.toUpperCase();
}

interface Payload {
  type: string;
  identifier: string;
  name: string;
  content: { [k: string]: Json };
}

function mobileconfig(identifier: string, name: string, description: string, organisation: string | undefined, payloads: Payload[]): string {
  const inner = payloads.map((p) => {
    const head: { [k: string]: Json } = {
      PayloadType: p.type,
      PayloadIdentifier: p.identifier,
      PayloadUUID: uuidFor(p.identifier),
      PayloadVersion: 1,
      PayloadDisplayName: p.name,
    };
    return { ...head, ...p.content };
  });
  const top: { [k: string]: Json } = {
    PayloadContent: inner,
    PayloadDisplayName: name,
    PayloadDescription: description,
    PayloadIdentifier: identifier,
    PayloadScope: 'System',
    PayloadType: 'Configuration',
    PayloadUUID: uuidFor(identifier),
    PayloadVersion: 1,
    ...(organisation ? { PayloadOrganization: organisation } : {}),
  };
  return plistDoc(plistValue(top, '', ''));
}

/** A small plist reader for what plistValue writes (dict, array, string, integer, true, false). */
export function parsePlist(xml: string): unknown {
  const body = xml.replace(/^[\s\S]*?<plist[^>]*>/, '').replace(/<\/plist>\s*$/, '');
  const tokens = body.match(/<[^>]+>|[^<]+/g) ?? [];
  let i = 0;
  const unescape = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');
  const next = () => {
    while (i < tokens.length && /^\s*$/.test(tokens[i]!)) i++;
    return tokens[i++];
  };
  const text = (close: string) => {
    let s = '';
    while (tokens[i] !== close) {
      if (i >= tokens.length) throw new Error(`unclosed ${close}`);
      s += tokens[i++];
    }
    i++;
    return unescape(s);
  };
  const value = (tag: string | undefined): unknown => {
    switch (tag) {
      case '<true/>':
        return true;
      case '<false/>':
        return false;
      case '<array/>':
        return [];
      case '<dict/>':
        return {};
      case '<string/>':
        return '';
      case '<string>':
        return text('</string>');
      case '<integer>':
        return parseInt(text('</integer>'), 10);
      case '<array>': {
        const out: unknown[] = [];
        for (let t = next(); t !== '</array>'; t = next()) out.push(value(t));
        return out;
      }
      case '<dict>': {
        const out: Record<string, unknown> = {};
        for (let t = next(); t !== '</dict>'; t = next()) {
          if (t !== '<key>') throw new Error(`expected <key>, got ${t}`);
          const k = text('</key>');
          out[k] = value(next());
        }
        return out;
      }
      default:
        throw new Error(`unexpected ${tag}`);
    }
  };
  return value(next());
}

// ------------------------------------------------------------------ the command

export interface PolicyOptions {
  config: SchoolConfig;
  extensionId: string;
  edgeExtensionId: string;
  chromeUpdateUrl: string;
  edgeUpdateUrl: string;
  firefoxInstallUrl: string;
  /** "from FILE" notes for the file headers */
  sourceNote: string;
}

export interface PolicyFile {
  path: string;
  contents: string | Buffer;
  /** the configuration as the browser will read it back from this file, for validation (null: not a config file) */
  readBack: (() => unknown) | null;
  /** a short description for the summary and README.txt */
  about: string;
}

const chromeKey = (id: string) => `HKEY_LOCAL_MACHINE\\Software\\Policies\\Google\\Chrome\\3rdparty\\extensions\\${id}\\policy`;
const edgeKey = (id: string) => `HKEY_LOCAL_MACHINE\\Software\\Policies\\Microsoft\\Edge\\3rdparty\\Extensions\\${id}\\policy`;

/** Every file `postcheck policy` writes, with how to read each back. Pure: writes nothing. */
export function policyFiles(o: PolicyOptions): PolicyFile[] {
  const schema = managedSchema() as unknown as Schema;
  const cfg = o.config as { [k: string]: Json };
  const school = o.config.school?.name;
  const header = (what: string) => [`PostCheck ${what}`, `Generated by postcheck policy ${o.sourceNote}. See docs/deploying.md.`];
  const json = (v: unknown) => `${JSON.stringify(v, null, 2)}\n`;
  const linux = { '3rdparty': { extensions: { [o.extensionId]: cfg } } };
  const firefox = {
    policies: {
      '3rdparty': { Extensions: { [GECKO_ID]: cfg } },
      ExtensionSettings: { [GECKO_ID]: { installation_mode: 'force_installed', install_url: o.firefoxInstallUrl } },
    },
  };
  const admin = Object.fromEntries(Object.entries(cfg).map(([k, v]) => [k, { Value: v }]));
  const macPayload = (browser: 'Chrome' | 'Edge', id: string): Payload => ({
    type: browser === 'Chrome' ? `com.google.Chrome.extensions.${id}` : `com.microsoft.Edge.extensions.${id}`,
    identifier: `school.postcheck.${browser.toLowerCase()}.${id}.policy`,
    name: `PostCheck settings (${browser === 'Chrome' ? 'Google Chrome' : 'Microsoft Edge'})`,
    content: cfg,
  });
  const macProfile = (browser: 'Chrome' | 'Edge', id: string) =>
    mobileconfig(
      `school.postcheck.${browser.toLowerCase()}.${id}`,
      `PostCheck settings for ${browser === 'Chrome' ? 'Google Chrome' : 'Microsoft Edge'}`,
      `The school's PostCheck configuration (social media policy checker). Generated by postcheck policy.`,
      school,
      [macPayload(browser, id)],
    );
  const payloadOf = (xml: string) => ((parsePlist(xml) as { PayloadContent: Array<Record<string, unknown>> }).PayloadContent[0]!);
  const stripPayloadKeys = (p: Record<string, unknown>) => Object.fromEntries(Object.entries(p).filter(([k]) => !k.startsWith('Payload')));
  const chromeMac = macProfile('Chrome', o.extensionId);
  const edgeMac = macProfile('Edge', o.edgeExtensionId);
  const chromeReg = regPolicy(chromeKey(o.extensionId), o.config, header('settings for Google Chrome (HKLM, 3rdparty extension policy)'));
  const edgeReg = regPolicy(edgeKey(o.edgeExtensionId), o.config, header('settings for Microsoft Edge (HKLM, 3rdparty extension policy)'));
  const forceNote = (browser: string) => [
    ...header(`force-install for ${browser}`),
    'ExtensionSettings is one value shared by every extension: if you already set it, add this entry to yours instead.',
  ];
  const plainPlist = (v: Json) => plistDoc(plistValue(v, '', ''));

  return [
    { path: `windows/chrome-postcheck-policy.reg`, contents: chromeReg, readBack: () => decodeReg(chromeReg, chromeKey(o.extensionId), schema), about: 'Chrome on Windows: the settings (import with regedit /s, or as Group Policy Preferences / Intune)' },
    { path: `windows/edge-postcheck-policy.reg`, contents: edgeReg, readBack: () => decodeReg(edgeReg, edgeKey(o.edgeExtensionId), schema), about: 'Edge on Windows: the settings' },
    { path: `windows/chrome-force-install.reg`, contents: regForceInstall('HKEY_LOCAL_MACHINE\\Software\\Policies\\Google\\Chrome', o.extensionId, o.chromeUpdateUrl, forceNote('Google Chrome')), readBack: null, about: 'Chrome on Windows: install PostCheck on every browser (ExtensionSettings)' },
    { path: `windows/edge-force-install.reg`, contents: regForceInstall('HKEY_LOCAL_MACHINE\\Software\\Policies\\Microsoft\\Edge', o.edgeExtensionId, o.edgeUpdateUrl, forceNote('Microsoft Edge')), readBack: null, about: 'Edge on Windows: install PostCheck on every browser (ExtensionSettings)' },
    { path: `macos/chrome-postcheck.mobileconfig`, contents: chromeMac, readBack: () => stripPayloadKeys(payloadOf(chromeMac)), about: `Chrome on macOS: profile for com.google.Chrome.extensions.${o.extensionId}` },
    { path: `macos/edge-postcheck.mobileconfig`, contents: edgeMac, readBack: () => stripPayloadKeys(payloadOf(edgeMac)), about: `Edge on macOS: profile for com.microsoft.Edge.extensions.${o.edgeExtensionId}` },
    { path: `macos/com.google.Chrome.extensions.${o.extensionId}.plist`, contents: plainPlist(cfg), readBack: () => parsePlist(plainPlist(cfg)), about: 'Chrome on macOS: the same settings as a plain plist (Jamf: Application & Custom Settings → Upload)' },
    { path: `macos/com.microsoft.Edge.extensions.${o.edgeExtensionId}.plist`, contents: plainPlist(cfg), readBack: () => parsePlist(plainPlist(cfg)), about: 'Edge on macOS: plain plist for Jamf' },
    {
      path: `macos/force-install.mobileconfig`,
      contents: mobileconfig('school.postcheck.force-install', 'PostCheck: install in Chrome and Edge', 'Installs PostCheck in Google Chrome and Microsoft Edge (ExtensionSettings). Replaces any ExtensionSettings set by another profile.', school, [
        { type: 'com.google.Chrome', identifier: 'school.postcheck.force-install.chrome', name: 'Google Chrome: install PostCheck', content: { ExtensionSettings: { [o.extensionId]: { installation_mode: 'force_installed', update_url: o.chromeUpdateUrl } } } },
        { type: 'com.microsoft.Edge', identifier: 'school.postcheck.force-install.edge', name: 'Microsoft Edge: install PostCheck', content: { ExtensionSettings: { [o.edgeExtensionId]: { installation_mode: 'force_installed', update_url: o.edgeUpdateUrl } } } },
      ]),
      readBack: null,
      about: 'Chrome and Edge on macOS: install PostCheck (ExtensionSettings)',
    },
    { path: `linux/postcheck.json`, contents: json(linux), readBack: () => (JSON.parse(json(linux)) as typeof linux)['3rdparty'].extensions[o.extensionId], about: 'Chrome/Chromium/Edge on Linux: copy to /etc/opt/chrome/policies/managed/ (Chromium: /etc/chromium/policies/managed/, Edge: /etc/opt/edge/policies/managed/)' },
    { path: `linux/postcheck-force-install.json`, contents: json({ ExtensionSettings: { [o.extensionId]: { installation_mode: 'force_installed', update_url: o.chromeUpdateUrl } } }), readBack: null, about: 'Linux: install PostCheck (same directory)' },
    {
      path: `google-admin/postcheck-policy.json`,
      contents: json(admin),
      readBack: () => Object.fromEntries(Object.entries(JSON.parse(json(admin)) as Record<string, { Value: unknown }>).map(([k, v]) => [k, v.Value])),
      about: 'Google Admin console: Devices → Chrome → Apps & extensions → PostCheck → Policy for extensions (paste)',
    },
    { path: `firefox/policies.json`, contents: json(firefox), readBack: () => (JSON.parse(json(firefox)) as typeof firefox).policies['3rdparty'].Extensions[GECKO_ID], about: 'Firefox: policies.json (Windows: <install dir>\\distribution\\, macOS: Firefox.app/Contents/Resources/distribution/, Linux: /etc/firefox/policies/)' },
  ];
}

/** Checks what each file will give the browser: the managed schema, the zod schema, and equality with the configuration. */
export function validateFiles(files: PolicyFile[], config: SchoolConfig): void {
  const schema = managedSchema() as unknown as Schema;
  for (const f of files) {
    if (!f.readBack) continue;
    let value: unknown;
    try {
      value = f.readBack();
    } catch (e) {
      throw new UsageError(`${f.path}: cannot be read back (${(e as Error).message})`);
    }
    const problems = schemaProblems(value, schema);
    if (problems.length) throw new UsageError(`${f.path} does not match the managed schema:\n${problems.map((p) => `  ${p}`).join('\n')}`);
    const r = parseConfig(value);
    if (!r.ok) throw new UsageError(`${f.path} is not a valid configuration:\n${formatProblems(r.problems).replace(/^/gm, '  ')}`);
    if (!isDeepStrictEqual(r.config, config)) throw new UsageError(`${f.path}: the browser would read a different configuration than the one given (internal error)`);
  }
}

function checkUrl(v: string, flag: string): string {
  try {
    const u = new URL(v);
    if (u.protocol === 'https:' || u.protocol === 'http:' || u.protocol === 'file:') return v;
  } catch {
    // reported below
  }
  throw new UsageError(`${flag}: expected an http(s) URL, got ${JSON.stringify(v)}`);
}

function checkId(v: string, flag: string): string {
  if (!/^[a-p]{32}$/.test(v)) throw new UsageError(`${flag}: expected a Chrome extension id (32 letters a-p), got ${JSON.stringify(v)}`);
  return v;
}

export function runPolicy(args: string[], out: (s: string) => void, warn: Warn = stderrWarn): number {
  const { values } = parseOptions(
    args,
    {
      config: { type: 'string' },
      roster: { type: 'string' },
      out: { type: 'string' },
      'extension-id': { type: 'string' },
      'edge-extension-id': { type: 'string' },
      'update-url': { type: 'string' },
      'firefox-install-url': { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
    'policy',
    false,
  );
  if (values.help) {
    out(USAGE);
    return 0;
  }
  if (!values.config) throw new UsageError('--config FILE is required: the school configuration to deploy (docs/configuration.md). "postcheck policy --help" lists the options.');
  const config: SchoolConfig = { ...loadConfig(values.config, warn, 'left out of the policy files') };
  const notes: string[] = [];
  if (values.roster) {
    const d = decodeText(readBytes(values.roster, 'roster'), `roster ${values.roster}`);
    if (!d.ok) throw new UsageError(d.error);
    const roster = rosterFromCsv(d.text);
    if (!roster.ok) throw new UsageError(`roster ${values.roster}: ${roster.error}`);
    if (d.note) {
      const accented = accentedNames(roster.names);
      warn(`note: ${d.note}${accented.length ? `\n  Check these names: ${accented.join(', ')}` : ''}`);
    }
    config.pupils = roster.names;
    if (roster.classes.length) {
      const had = config.school?.classes ?? [];
      const known = new Set(had.map((c) => c.toLocaleLowerCase('en-GB')));
      const added = roster.classes.filter((c) => !known.has(c.toLocaleLowerCase('en-GB')));
      config.school = { ...config.school, classes: [...had, ...added] };
      notes.push(`classes: ${plural(roster.classes.length, 'class', 'classes')} in the ${roster.classColumn} column (${roster.classes.slice(0, 8).join(', ')}${roster.classes.length > 8 ? ', …' : ''}); school.classes now lists ${config.school.classes!.length}${had.length ? ` (${had.length} from the configuration, ${added.length} new)` : ''}`);
    }
    const r = parseConfig(config);
    if (!r.ok) throw new UsageError(`roster ${values.roster} gives an invalid roster:\n${formatProblems(r.problems).replace(/^/gm, '  ')}`);
    const why = rosterExplained(roster).slice(1);
    notes.unshift(`pupils: ${plural(roster.names.length, 'name')} from ${plural(roster.rows, 'row')} of ${values.roster} (columns ${roster.columns.join(', ')})${why.length ? ':' : ''}`, ...why.map((w) => `  ${w}`));
  }
  if (!config.pupils?.length)
    warn(`warning: no pupils: ${values.config} has no "pupils" and no --roster was given, so the pupil-name check will find nothing. Add --roster with your MIS export.`);
  const extensionId = checkId(values['extension-id'] ?? extensionIdFromKey(manifest.key), '--extension-id');
  const updateUrl = values['update-url'] === undefined ? undefined : checkUrl(values['update-url'], '--update-url');
  const opts: PolicyOptions = {
    config,
    extensionId,
    edgeExtensionId: checkId(values['edge-extension-id'] ?? extensionId, '--edge-extension-id'),
    chromeUpdateUrl: updateUrl ?? CHROME_UPDATE_URL,
    edgeUpdateUrl: updateUrl ?? EDGE_UPDATE_URL,
    firefoxInstallUrl: checkUrl(values['firefox-install-url'] ?? FIREFOX_INSTALL_URL, '--firefox-install-url'),
    sourceNote: `from ${values.config.split(/[\\/]/).pop()}${values.roster ? ` and ${values.roster.split(/[\\/]/).pop()}` : ''}`,
  };
  const files = policyFiles(opts);
  validateFiles(files, config);

  const dir = resolve(values.out ?? 'postcheck-policy');
  const readme = [
    `PostCheck managed-policy files ${opts.sourceNote}.`,
    `Chrome extension id ${opts.extensionId}${opts.edgeExtensionId !== opts.extensionId ? `, Edge ${opts.edgeExtensionId}` : ''}; Firefox ${GECKO_ID}.`,
    `Each settings file was read back and checked against the managed schema before it was written.`,
    `Step-by-step instructions: docs/deploying.md in the PostCheck repository.`,
    '',
    ...files.map((f) => `${f.path}\n    ${f.about}`),
    '',
  ].join('\n');
  try {
    for (const f of [...files, { path: 'README.txt', contents: readme }]) {
      const p = join(dir, f.path);
      mkdirSync(dirname(p), { recursive: true });
      writeFileSync(p, f.contents);
    }
  } catch (e) {
    throw new UsageError(`cannot write to ${dir}: ${(e as Error).message}`);
  }
  for (const n of notes) out(n);
  out(`Wrote ${files.length + 1} files to ${dir} (settings checked against the managed schema):`);
  for (const f of files) out(`  ${f.path}`);
  out('  README.txt');
  if (!values['firefox-install-url']) out(`Note: firefox/policies.json installs from ${FIREFOX_INSTALL_URL}; pass --firefox-install-url if you host the signed .xpi yourself.`);
  return 0;
}
