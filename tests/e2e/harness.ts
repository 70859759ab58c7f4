/**
 * Real-Chromium harness for the e2e tests: launches /usr/bin/chromium through
 * playwright-core (optionally with the unpacked extension), serves the fixture
 * pages at the sites' real URLs and refuses every other request.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type BrowserContext, type Locator, type Page, type Worker } from 'playwright-core';
import { Cdp, type Attached, type TargetInfo } from './cdp';
import { buildFixtures, SITE_URLS as FIXTURE_URLS } from './fixtures/build.mjs';
import { ISOLATION, policyRoom, type PolicyRoom } from './policy-namespace';

const here = dirname(fileURLToPath(import.meta.url));
export const REPO_ROOT = resolve(here, '../..');
export const FIXTURES_DIR = join(REPO_ROOT, 'dist/fixtures');
export const FIXTURES_SRC = join(here, 'fixtures');
/** An 8×8 PNG for `page.setInputFiles`. */
export const PNG_PATH = join(FIXTURES_SRC, 'assets/tiny.png');
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export type Site = 'x' | 'facebook' | 'instagram' | 'linkedin' | 'threads' | 'bluesky' | 'youtube' | 'reddit' | 'practice';

/** Where each fixture is served (tests/e2e/fixtures/build.mjs). The practice page is served on localhost. */
export const SITE_URLS: Record<Site, string> = FIXTURE_URLS;

/** Origin → fixture page. Any path on these origins serves the page (x.com reads its path). */
const ORIGINS: Record<string, Site> = {
  'https://x.com': 'x',
  'https://www.facebook.com': 'facebook',
  'https://web.facebook.com': 'facebook',
  'https://www.instagram.com': 'instagram',
  'https://www.linkedin.com': 'linkedin',
  'https://www.threads.com': 'threads',
  'https://bsky.app': 'bluesky',
  'https://www.youtube.com': 'youtube',
  'https://www.reddit.com': 'reddit',
  'http://localhost:8765': 'practice',
};

// ---------------------------------------------------------------- fixtures

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(path) : statSync(path).mtimeMs);
  }
  return newest;
}

const SITES: Site[] = ['x', 'facebook', 'instagram', 'linkedin', 'threads', 'bluesky', 'youtube', 'reddit', 'practice'];
let loading: Promise<Map<Site, string>> | undefined;

/**
 * Builds the fixture pages into dist/fixtures unless they are newer than their
 * sources, then holds them in memory: the project's build empties dist/, maybe
 * while tests run, so pages are never read from disk again after this.
 */
export function ensureFixtures(): Promise<Map<Site, string>> {
  loading ??= (async () => {
    const sources = Math.max(newestMtime(FIXTURES_SRC), statSync(join(REPO_ROOT, 'package-lock.json')).mtimeMs);
    const file = (site: Site) => join(FIXTURES_DIR, `${site}.html`);
    for (let attempt = 1; ; attempt++) {
      try {
        const fresh = SITES.every((site) => existsSync(file(site)) && statSync(file(site)).mtimeMs >= sources);
        if (!fresh) await buildFixtures(FIXTURES_DIR);
        return new Map(SITES.map((site) => [site, readFileSync(file(site), 'utf8')]));
      } catch (error) {
        // dist/ removed under us by a concurrent `node build.mjs`: build again.
        if (attempt >= 3) throw error;
      }
    }
  })();
  return loading;
}

// ---------------------------------------------------------------- routing

export interface Routing {
  /**
   * Every request that was not the exact fixture page a test opened (openSite), the page's
   * /favicon.ico, or chrome-extension://, data:, blob:, about: — seen by Playwright and, in every
   * target (pages, frames, workers, the service worker, extension pages), through CDP, WebSocket
   * creation included (watchNetwork). network-guard.setup.ts fails any test that adds to it.
   */
  networkLog: string[];
  /** how much of networkLog the guard has already checked */
  checkedUpTo: number;
  /** the fixture pages tests opened, by exact URL */
  expected: Set<string>;
}

const routings = new WeakMap<BrowserContext, Routing>();
/** Live routings, for the per-test guard (tests/e2e/network-guard.setup.ts). */
const live: Set<Routing> = ((globalThis as { __postcheckRoutings?: Set<Routing> }).__postcheckRoutings ??= new Set());

const ignored = (url: string) => /^(chrome-extension|data|blob|about|chrome|devtools):/.test(url);

/** A request that is neither a fixture page a test opened, the site's favicon, nor the browser's own. */
function unexpected(routing: Routing, url: string, isDocument: boolean, mainFrame: boolean): boolean {
  if (ignored(url) || isFavicon(url)) return false;
  return !(isDocument && mainFrame && routing.expected.has(url));
}

/**
 * Serves the fixtures at the real sites' URLs (document requests on their
 * origins) and aborts every other request, recording it in `networkLog`.
 */
export async function routeSites(context: BrowserContext): Promise<Routing> {
  const existing = routings.get(context);
  if (existing) return existing;
  const pages = await ensureFixtures();
  const routing: Routing = { networkLog: [], checkedUpTo: 0, expected: new Set() };
  routings.set(context, routing);
  live.add(routing);
  context.on('close', () => live.delete(routing));

  // Sees requests from pages and, on recent Chromium, from service workers too.
  context.on('request', (request) => {
    let mainFrame = false;
    try {
      mainFrame = request.frame().parentFrame() === null;
    } catch {
      // a service worker's request has no frame
    }
    if (unexpected(routing, request.url(), request.resourceType() === 'document', mainFrame)) routing.networkLog.push(request.url());
  });
  await context.route('**/*', async (route) => {
    const request = route.request();
    const url = request.url();
    // the extension's own pages (popup.html, options.html) load their scripts and styles from it
    if (ignored(url)) {
      await route.continue();
      return;
    }
    if (isFixtureDocument(url, request.resourceType())) {
      const site = ORIGINS[new URL(url).origin]!;
      await route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: pages.get(site)! }).catch(() => {});
      return;
    }
    if (isFavicon(url)) {
      await route.fulfill({ status: 204, body: '' }).catch(() => {});
      return;
    }
    await route.abort('blockedbyclient').catch(() => {});
  });
  return routing;
}

function isFixtureDocument(url: string, resourceType: string): boolean {
  if (resourceType !== 'document') return false;
  try {
    return new URL(url).origin in ORIGINS;
  } catch {
    return false;
  }
}

/** Exactly a fixture origin's /favicon.ico: with a query or a fragment it could carry data. */
function isFavicon(url: string): boolean {
  try {
    const parsed = new URL(url);
    return parsed.origin in ORIGINS && parsed.pathname === '/favicon.ico' && parsed.search === '' && !url.includes('#');
  } catch {
    return false;
  }
}

const WATCHED = new Set(['page', 'iframe', 'service_worker', 'worker', 'shared_worker', 'background_page', 'other']);

/**
 * Watches every target of the browser through CDP (cdp.ts): each one is attached as it starts and
 * held until its Network domain is on, so not one request is missed, and its children (frames in
 * other processes, workers) the same way. Requests and WebSocket creation go through `unexpected`.
 */
export async function watchNetwork(cdp: Cdp, routing: Routing): Promise<void> {
  const targets = new Map<string, TargetInfo>();
  const release = (sessionId: string) => cdp.send('Runtime.runIfWaitingForDebugger', {}, sessionId).catch(() => undefined);
  cdp.on('Target.attachedToTarget', (e: Attached) => {
    const t = e.targetInfo;
    targets.set(e.sessionId, t);
    void (async () => {
      if (WATCHED.has(t.type)) {
        await cdp.send('Network.enable', {}, e.sessionId).catch(() => undefined);
        await cdp.send('Target.setAutoAttach', { autoAttach: true, waitForDebuggerOnStart: true, flatten: true }, e.sessionId).catch(() => undefined);
      }
      if (e.waitingForDebugger) await release(e.sessionId);
    })();
  });
  const from = (sessionId: string | undefined) => {
    const t = sessionId ? targets.get(sessionId) : undefined;
    return t ? `${t.type} ${t.url.slice(0, 80)}` : 'browser';
  };
  cdp.on('Network.requestWillBeSent', (e: { request: { url: string }; type?: string; frameId?: string }, sessionId) => {
    const t = sessionId ? targets.get(sessionId) : undefined;
    const mainFrame = !!t && t.type === 'page' && e.frameId === t.targetId;
    if (unexpected(routing, e.request.url, e.type === 'Document', mainFrame)) routing.networkLog.push(`${e.type ?? 'request'} ${e.request.url} (from ${from(sessionId)})`);
  });
  cdp.on('Network.webSocketCreated', (e: { url: string }, sessionId) => routing.networkLog.push(`WebSocket ${e.url} (from ${from(sessionId)})`));
  await cdp.send('Target.setAutoAttach', { autoAttach: true, waitForDebuggerOnStart: true, flatten: true });
}

// ---------------------------------------------------------------- launch

export interface LaunchOptions {
  /** Path of an unpacked extension directory (e.g. dist/chrome). */
  extension?: string;
  /** Profile directory; a temporary one (removed on close) by default. */
  userDataDir?: string;
  /** Default true. */
  headless?: boolean;
  /** Install routeSites before returning (default true). */
  routes?: boolean;
  /**
   * The managed-policy directory Chromium sees (see policy-namespace.ts). Without it, Chromium
   * gets an empty one of its own where that is possible (root on Linux), so no policy file left
   * on the machine changes what a test sees; elsewhere it reads the machine's.
   */
  policy?: PolicyRoom;
  /** Load a copy of the extension from a temporary folder (which tests may change, e.g. to update it). */
  copyExtension?: boolean;
  /** More Chromium switches. */
  args?: string[];
  /**
   * Default true: wait for the extension's service worker. A browser started on a profile where the
   * extension is already installed starts no worker until an event wakes it (a cold start).
   */
  waitForWorker?: boolean;
}

export interface Launched {
  context: BrowserContext;
  extensionId?: string;
  /** where the extension was loaded from (a temporary copy with copyExtension) */
  extensionDir?: string;
  serviceWorker?: Worker;
  /** Requests refused by routeSites (empty array when routes: false). */
  networkLog: string[];
  routing?: Routing;
  /** the browser's DevTools protocol, at browser level (cdp.ts) */
  cdp: Cdp;
  close(): Promise<void>;
}

/** The id Chromium gives an unpacked extension whose manifest has a `key`. */
export function extensionIdFromKey(key: string): string {
  const hex = createHash('sha256').update(Buffer.from(key, 'base64')).digest('hex').slice(0, 32);
  return [...hex].map((d) => String.fromCharCode(97 + parseInt(d, 16))).join('');
}

export async function launch(options: LaunchOptions = {}): Promise<Launched> {
  const headless = options.headless ?? true;
  const ownDir = options.userDataDir === undefined;
  const userDataDir = options.userDataDir ?? (await mkdtemp(join(tmpdir(), 'postcheck-e2e-')));
  const args = [
    // a second DevTools client (cdp.ts) beside Playwright's pipe; port 0: any free one
    '--remote-debugging-port=0',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ];
  if (headless) args.unshift('--headless=new');
  args.push(...(options.args ?? []));
  let extension = options.extension ? resolve(options.extension) : undefined;
  let copyDir: string | undefined;
  if (extension && options.copyExtension) {
    copyDir = await mkdtemp(join(tmpdir(), 'postcheck-ext-'));
    await cp(extension, copyDir, { recursive: true });
    extension = copyDir;
  }
  if (extension) args.push(`--disable-extensions-except=${extension}`, `--load-extension=${extension}`);

  // Chromium's own temporary files (the .org.chromium.Chromium.* directory holding its singleton
  // socket) go in a directory of this launch's, removed on close: a browser that is killed, or slow to
  // exit on a loaded machine, leaves that directory behind, and npm test counts whatever is left in
  // its temporary directory as a test that did not clean up (short name: the socket path must stay
  // under 107 bytes)
  const browserTmp = await mkdtemp(join(tmpdir(), 'pc-'));
  const ownRoom = !options.policy && !ISOLATION ? policyRoom() : undefined;
  const room = options.policy ?? ownRoom;
  const context = await chromium
    .launchPersistentContext(userDataDir, {
      executablePath: room?.executable ?? CHROMIUM,
      headless,
      args,
      viewport: { width: 1280, height: 900 },
      timeout: 60_000,
      env: { ...process.env, TMPDIR: browserTmp },
    })
    .catch(async (error: unknown) => {
      ownRoom?.dispose();
      await rm(browserTmp, { recursive: true, force: true }).catch(() => {});
      if (ownDir) await rm(userDataDir, { recursive: true, force: true }).catch(() => {});
      if (copyDir) await rm(copyDir, { recursive: true, force: true }).catch(() => {});
      throw error;
    });
  const cdp = await Cdp.connect(userDataDir);
  const routing = options.routes === false ? undefined : await routeSites(context);
  if (routing) await watchNetwork(cdp, routing);

  let serviceWorker: Worker | undefined;
  let extensionId: string | undefined;
  if (extension) {
    const manifest = JSON.parse(readFileSync(join(extension, 'manifest.json'), 'utf8')) as {
      key?: string;
      background?: { service_worker?: string };
    };
    if (manifest.key) extensionId = extensionIdFromKey(manifest.key);
    if (manifest.background?.service_worker && options.waitForWorker !== false) {
      serviceWorker =
        context.serviceWorkers().find((w) => w.url().startsWith('chrome-extension://')) ??
        (await context.waitForEvent('serviceworker', { timeout: 30_000 }));
      extensionId ??= new URL(serviceWorker.url()).host;
    }
  }

  return {
    context,
    extensionId,
    extensionDir: extension,
    serviceWorker,
    networkLog: routing?.networkLog ?? [],
    routing,
    cdp,
    async close() {
      await cdp.close();
      await context.close().catch(() => {});
      if (ownDir) await rm(userDataDir, { recursive: true, force: true }).catch(() => {});
      ownRoom?.dispose();
      if (copyDir) await rm(copyDir, { recursive: true, force: true }).catch(() => {});
      await rm(browserTmp, { recursive: true, force: true }).catch(() => {});
    },
  };
}

// ---------------------------------------------------------------- pages

/**
 * Opens a fixture site in a new tab (at `path` on its origin if given, e.g.
 * '/compose/post' on x) and waits until the page's app has mounted.
 */
export async function openSite(context: BrowserContext, site: Site, path?: string): Promise<Page> {
  await routeSites(context);
  const page = await context.newPage();
  const errors: string[] = [];
  errorsByPage.set(page, errors);
  page.on('pageerror', (error) => errors.push(error.message));
  const url = path === undefined ? SITE_URLS[site] : new URL(path, SITE_URLS[site]).href;
  (await routeSites(context)).expected.add(url);
  await page.goto(url, { waitUntil: 'load', timeout: 60_000 });
  await page.waitForFunction(() => 'composers' in ((window as { __fixture?: object }).__fixture ?? {}), undefined, {
    timeout: 30_000,
  });
  return page;
}

const errorsByPage = new WeakMap<Page, string[]>();

/** Uncaught errors of a page opened by openSite, from before its load on. */
export function pageErrors(page: Page): string[] {
  return errorsByPage.get(page) ?? [];
}

/** Clicks into the editor and types `text` key by key, as a person would. */
export async function typeSlowly(page: Page, locator: Locator, text: string, delay = 15): Promise<void> {
  await locator.click();
  await page.keyboard.type(text, { delay });
}

/** The composer's text from the editor framework's own state (`__fixture.getText`). */
export function editorText(page: Page, composer: string): Promise<string> {
  return page.evaluate((name) => (window as unknown as { __fixture: { getText(n: string): string } }).__fixture.getText(name), composer);
}

export interface Posted {
  composer: string;
  text: string;
  media: number;
}

/** What the page's submit handlers recorded. */
export function postedItems(page: Page): Promise<Posted[]> {
  return page.evaluate(() => (window as unknown as { __fixture: { posted: Posted[] } }).__fixture.posted.slice());
}

/** Names of the composers mounted right now. */
export function composerNames(page: Page): Promise<string[]> {
  return page.evaluate(() => (window as unknown as { __fixture: { composers(): string[] } }).__fixture.composers());
}

/** `__fixture.openLater()`: opens a composer that did not exist at load, returns its name. */
export function openLater(page: Page): Promise<string> {
  return page.evaluate(() => (window as unknown as { __fixture: { openLater(): string } }).__fixture.openLater());
}

/** Wrapper of a composer (`[data-fixture-composer=name]`). */
export function composer(page: Page, name: string): Locator {
  return page.locator(`[data-fixture-composer="${name}"]`);
}
