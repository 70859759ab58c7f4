// The background worker: receives messages, validates them, runs the engine on the effective
// configuration. Listeners are registered synchronously at top level so a stopped service worker
// wakes for them. Handlers are a mapped type over the protocol: a missing one fails the typecheck.
import { checkCooperatively, worst } from '../engine/engine.js';
import type { Finding } from '../engine/types.js';
import browser from '../platform/browser.js';
import { parseConfig } from '../config/schema.js';
import { withoutNameLists } from '../config/effective.js';
import { pageRequest, contentRequest, type PageRequest, type Kind, type ProfileSummary } from '../shared/protocol.js';
import { toWire } from '../shared/wire.js';
import { PartStore } from './parts.js';
import { CheckQueue } from './queue.js';
import { reinjectOpenTabs } from './reinject.js';
import { invalidate, KEYS, loaded, readUserConfig, saveUserConfig } from './store.js';
import { readStats, recordOutcome, recordPopupDraft, resetStats } from './stats.js';
import { PROFILE_IDS } from '../config/schema.js';
import { resolveProfile } from '../data/profiles.js';
import { RULE_IDS } from '../engine/types.js';

type Handler<K extends Kind> = (req: Extract<PageRequest, { kind: K }>, sender: browser.Runtime.MessageSender) => Promise<unknown>;

/** Long drafts' parts, until their check arrives; checks, shortest first (one long draft must not stall other tabs). */
const parts = new PartStore();
const queue = new CheckQueue();
const senderKey = (s: browser.Runtime.MessageSender) => `${s.tab?.id ?? 'page'}:${s.frameId ?? 0}:${s.url ?? ''}`;

function localIso(d = new Date()): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}T${p(d.getHours())}:${p(d.getMinutes())}:${p(d.getSeconds())}`;
}

let summaries: ProfileSummary[] | null = null;
/** Every policy profile's default severities (before overrides), for the options page. */
function profileSummaries(): ProfileSummary[] {
  summaries ??= PROFILE_IDS.map((id) => {
    const p = resolveProfile(id);
    return { id, title: p.title, rules: Object.fromEntries(RULE_IDS.map((r) => [r, p.rules[r]?.severity ?? 'off'])) };
  });
  return summaries;
}

const handlers: { [K in Kind]: Handler<K> } = {
  async check(req, sender) {
    let text = req.text;
    if (req.parts) {
      const whole = parts.take(senderKey(sender), req.parts.id, req.parts.count, req.text);
      if (whole === null) return { kind: 'error', error: 'part of this draft did not arrive: send it again' };
      text = whole;
    }
    const { effective, compiled } = await loaded();
    const cfg = effective.config;
    const siteKey = req.site as keyof NonNullable<typeof cfg.sites>;
    const enabled = req.site === 'other' || cfg.sites?.[siteKey] !== false;
    let findings: Finding[] = [];
    const ctx = { site: req.site, media: req.media, at: req.at ?? localIso(), schoolAccount: req.schoolAccount ?? false };
    // the queue starts the shortest waiting draft first; a long draft's check then hands the thread
    // back between rules (checkCooperatively), so checks started after it run in between
    if (enabled) findings = await queue.run(text.length, () => checkCooperatively(text, ctx, compiled));
    // not counted: a draft is checked on every pause in typing (see stats.ts for what is counted)
    return toWire(findings, {
      kind: 'checked',
      seq: req.seq,
      enabled,
      worst: worst(findings),
      enforcement: cfg.enforcement ?? 'advise',
      disclaimer: compiled.disclaimer,
    });
  },
  async 'check-part'(req, sender) {
    if (!parts.add(senderKey(sender), req.id, req.index, req.text)) return { kind: 'error', error: 'this draft is longer than PostCheck can hold' };
    return { kind: 'ok' };
  },
  async outcome(req) {
    const { effective } = await loaded();
    if (effective.config.statistics) await recordOutcome(req.outcome, req.rules);
    return { kind: 'ok' };
  },
  async 'get-state'(req) {
    const { effective, compiled } = await loaded();
    const userConfig = await readUserConfig();
    const names = req.names !== false;
    return {
      kind: 'state',
      effective: names ? effective : { ...effective, config: withoutNameLists(effective.config) },
      profile: compiled.profile,
      rules: Object.fromEntries(compiled.rules),
      userConfig: names ? userConfig : withoutNameLists(userConfig),
      profiles: profileSummaries(),
    };
  },
  async 'save-user-config'(req) {
    const { effective } = await loaded();
    if (effective.locked) return { kind: 'saved', ok: false, problems: [{ path: '(configuration)', message: 'your school has locked these settings' }] };
    const r = parseConfig(req.config);
    if (!r.ok) return { kind: 'saved', ok: false, problems: r.problems };
    await saveUserConfig(r.config);
    // saved without the entries left out alone (a blank line, a term with no word): say which
    return { kind: 'saved', ok: true, problems: r.warnings };
  },
  async 'get-stats'() {
    const { effective } = await loaded();
    return { kind: 'stats', stats: await readStats(), enabled: effective.config.statistics === true };
  },
  async 'reset-stats'() {
    const { effective } = await loaded();
    await resetStats();
    return { kind: 'stats', stats: await readStats(), enabled: effective.config.statistics === true };
  },
  async 'popup-checked'(req) {
    const { effective } = await loaded();
    if (effective.config.statistics) await recordPopupDraft(req.newDraft, req.rules);
    return { kind: 'ok' };
  },
};

const extensionOrigin = new URL(browser.runtime.getURL('/')).origin;

/** The extension's own pages (popup, options) may use every request; content scripts only theirs. */
function isOwnPage(sender: browser.Runtime.MessageSender): boolean {
  if (sender.id !== browser.runtime.id) return false;
  try {
    return Boolean(sender.url) && new URL(sender.url!).origin === extensionOrigin && !sender.tab?.url?.startsWith('http');
  } catch {
    return false;
  }
}

browser.runtime.onMessage.addListener((message: unknown, sender: browser.Runtime.MessageSender) => {
  if (sender.id !== browser.runtime.id) return undefined;
  const schema = isOwnPage(sender) ? pageRequest : contentRequest;
  const parsed = schema.safeParse(message);
  if (!parsed.success) {
    const kind = (message as { kind?: unknown } | null)?.kind;
    return Promise.resolve({ kind: 'error', error: `rejected ${typeof kind === 'string' ? `"${kind}"` : 'a'} message: ${parsed.error.issues[0]?.message ?? 'invalid'}` });
  }
  const req = parsed.data as PageRequest;
  const handler = handlers[req.kind] as Handler<typeof req.kind>;
  return handler(req as never, sender).catch((e: unknown) => ({ kind: 'error', error: e instanceof Error ? e.message : String(e) }));
});

browser.storage.onChanged.addListener((changes, area) => {
  // the user's settings live in the vault (a save invalidates itself); one written to storage.local
  // (an older version, a test) is moved into the vault by the reload this starts
  if (area === 'managed' || (area === 'local' && KEYS.user in changes)) void invalidate();
});

// Open tabs on the supported sites get a working content script again after an install or update.
browser.runtime.onInstalled.addListener(() => void reinjectOpenTabs().catch(() => undefined));

// Warm the engine when the worker starts, so the first check in a tab is fast. The marks time the
// start for `npm run bench:e2e` (cold start): the bundle evaluated, then the configuration ready.
performance.mark('postcheck:evaluated');
void loaded().then(() => performance.mark('postcheck:configured'), () => undefined);
