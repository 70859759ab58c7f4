/**
 * Real Firefox ESR for the e2e tests, driven by puppeteer-core over WebDriver BiDi (browser-tests.md):
 * the add-on (dist/firefox-test: dist/firefox with its UI's shadow root open, see build.mjs) installed as Firefox installs a temporary add-on, the fixture pages served
 * at the sites' real URLs by request interception (every other request refused and logged), and the
 * school's enterprise policy in a policies.json that only this Firefox sees.
 *
 * Firefox reads enterprise policy from `distribution/policies.json` beside its binary
 * (/usr/lib/firefox-esr/distribution → /usr/share/firefox-esr/distribution). So that no file is
 * written where other browsers or people on the machine would see it, Firefox runs in a private
 * mount namespace (`unshare -m`, private propagation) in which a temporary directory holding the
 * policy is bind-mounted over that one. That needs root; without it the suite is skipped and says why.
 */
import { chmod, mkdtemp, rm, writeFile, mkdir } from 'node:fs/promises';
import { existsSync, realpathSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import puppeteer, { type Browser, type HTTPRequest, type Page } from 'puppeteer-core';
import { ensureFixtures, REPO_ROOT, SITE_URLS, type Site } from './harness';

export const FIREFOX = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
/** The gecko id in manifest.json: the key of the add-on's policy in policies.json. */
export const GECKO_ID = 'postcheck@postcheck.school';

/** Why the Firefox suite cannot run here, or null when it can. */
export function firefoxUnavailable(): string | null {
  if (!existsSync(FIREFOX)) return `${FIREFOX} is missing (apt-get install firefox-esr)`;
  if (process.getuid?.() !== 0) return `needs root: the Firefox suite puts its policies.json in place of Firefox's own in a private mount namespace (unshare --mount), and only root may do that (running as uid ${process.getuid?.()}). CI runs it as root.`;
  if (!existsSync('/usr/bin/unshare')) return 'unshare (util-linux) is missing';
  if (!existsSync(join(REPO_ROOT, 'dist/firefox-test/manifest.json'))) return 'dist/firefox-test is missing: run `node build.mjs` first';
  return null;
}

export interface Firefox {
  browser: Browser;
  /** every request that was neither a fixture page nor the browser's own */
  networkLog: string[];
  open(site: Site, path?: string): Promise<Page>;
  close(): Promise<void>;
}

const ORIGIN_SITE = new Map(Object.entries(SITE_URLS).map(([site, url]) => [new URL(url).origin, site as Site]));

/** Starts Firefox with the add-on installed and `policy` as the school's managed configuration. */
export async function launchFirefox(policy: unknown): Promise<Firefox> {
  const dir = await mkdtemp(join(tmpdir(), 'postcheck-firefox-'));
  const distribution = join(dir, 'distribution');
  await mkdir(distribution);
  await writeFile(join(distribution, 'policies.json'), JSON.stringify({ policies: { '3rdparty': { Extensions: { [GECKO_ID]: policy } } } }, null, 2));
  const target = realpathSync(join(realpathSync(FIREFOX), '..', 'distribution'));
  const wrapper = join(dir, 'firefox');
  // $0 = the policy directory, "$@" = Puppeteer's arguments; the mount is gone with the namespace
  await writeFile(wrapper, `#!/bin/sh\nexec unshare --mount --propagation private sh -c 'mount --bind "$0" ${target} && exec ${FIREFOX} "$@"' ${distribution} "$@"\n`);
  await chmod(wrapper, 0o755);

  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: wrapper,
    headless: true,
    dumpio: !!process.env.FF_DUMPIO,
    defaultViewport: { width: 1280, height: 900 },
    extraPrefsFirefox: {
      // nothing of Firefox's own reaching for the (closed) network while the tests run
      'app.normandy.enabled': false,
      'browser.region.network.url': '',
      'browser.safebrowsing.provider.mozilla.updateURL': '',
      'extensions.getAddons.cache.enabled': false,
      'messaging-system.rsexperimentloader.enabled': false,
      'network.connectivity-service.enabled': false,
      'services.settings.server': 'data:,',
      ...(process.env.FF_DUMPIO ? { 'devtools.console.stdout.content': true, 'devtools.console.stdout.chrome': true } : {}),
    },
  });
  await browser.installExtension(join(REPO_ROOT, 'dist/firefox-test'));
  const pages = await ensureFixtures();
  const networkLog: string[] = [];

  const serve = (request: HTTPRequest) => {
    try {
      route(request);
    } catch (e) {
      networkLog.push(`${request.url()} (not served: ${(e as Error).message})`);
      void request.abort('failed').catch(() => {});
    }
  };
  const route = (request: HTTPRequest) => {
    const url = request.url();
    if (/^(moz-extension|data|blob|about|chrome):/.test(url)) return void request.continue().catch(() => {});
    let origin = '';
    try {
      origin = new URL(url).origin;
    } catch {
      // not a URL we serve
    }
    const site = ORIGIN_SITE.get(origin) ?? (origin === 'https://web.facebook.com' ? 'facebook' : undefined);
    if (site && request.isNavigationRequest()) {
      return void request.respond({ status: 200, contentType: 'text/html; charset=utf-8', body: pages.get(site)! }).catch(() => {});
    }
    if (site && new URL(url).pathname === '/favicon.ico') return void request.respond({ status: 204, body: '' }).catch(() => {});
    networkLog.push(url);
    void request.abort('blockedbyclient').catch(() => {});
  };

  return {
    browser,
    networkLog,
    async open(site, path) {
      const page = await browser.newPage();
      await page.setRequestInterception(true);
      page.on('request', serve);
      const url = path === undefined ? SITE_URLS[site] : new URL(path, SITE_URLS[site]).href;
      await page.goto(url, { waitUntil: 'load', timeout: 60_000 });
      await page.waitForFunction(() => 'composers' in ((window as { __fixture?: object }).__fixture ?? {}), { timeout: 30_000 });
      return page;
    },
    async close() {
      await browser.close().catch(() => {});
      await rm(dir, { recursive: true, force: true }).catch(() => {});
    },
  };
}
