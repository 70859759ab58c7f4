#!/usr/bin/env node
// `npm run bench:e2e`, second part: the cold start in real Chromium. Each trial launches a browser
// with the extension, opens the X fixture, types a draft naming a pupil as soon as the editor is
// there, and times (from the moment the launch began, ms):
//  - browser: the launch returned;  worker: the background worker started (its timeOrigin);
//  - evaluated / read / resolved / configured: the worker's own marks (src/background/index.ts,
//    store.ts): its bundle ran, storage was read, the layers were validated, the engine compiled;
//  - page: the fixture's editor was mounted;  typed: the last key was sent;
//  - firstMark: the first frame with a PostCheck mark drawn (CSS highlight or overlay), seen from
//    the content script's isolated world, where PostCheck's closed UI can be read.
// Two kinds of start: a new profile (the first run after install: the worker must wait for
// storage.managed, which Chromium answers only once its policy service is up), and the everyday one,
// a browser restarted on a profile PostCheck has run in before (a copy of one, per trial).
// A benchmark, not a test: it prints medians and every trial, and never fails on them.
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { buildFixtures, SITE_URLS } from '../tests/e2e/fixtures/build.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
// EXTENSION: another build to compare (a folder like dist/chrome-dev)
const extension = process.env.EXTENSION ?? join(root, 'dist/chrome-dev');
const TRIALS = Number(process.env.COLD_TRIALS ?? 5);
const URL_X = SITE_URLS.x;
const DRAFT = 'Well done Amelia-Rose Kaur ';

const fixtures = join(root, 'dist/fixtures');
await buildFixtures(fixtures);
const html = readFileSync(join(fixtures, 'x.html'), 'utf8');

/** In the content script's world: the epoch ms of the first frame with a mark, or null after 20 s. */
const FIRST_MARK = `new Promise((resolve) => {
  const drawn = () => {
    for (const [name, h] of CSS.highlights) if (name.startsWith('postcheck-') && h.size > 0) return true;
    for (const el of document.querySelectorAll('[data-postcheck], html > *')) {
      const r = chrome.dom?.openOrClosedShadowRoot?.(el) ?? el.shadowRoot;
      if (r?.querySelector('.overlay:not([hidden]) .box, .overlay:not([hidden]) mark')) return true;
    }
    return false;
  };
  const started = performance.now();
  const tick = () => {
    if (drawn()) resolve(performance.timeOrigin + performance.now());
    else if (performance.now() - started > 20000) resolve(null);
    else requestAnimationFrame(tick);
  };
  tick();
})`;

const quantile = (xs, q) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))];
};
const round = (x) => (x === null || x === undefined ? null : Math.round(x));

const launchIn = (profile) =>
  chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    viewport: { width: 1280, height: 900 },
    args: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', `--disable-extensions-except=${extension}`, `--load-extension=${extension}`],
  });

/** A profile PostCheck has run in once: its worker read its settings, then the browser closed. */
async function primedProfile() {
  const profile = mkdtempSync(join(tmpdir(), 'postcheck-primed-'));
  const context = await launchIn(profile);
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 60_000 }));
  // a build without the marks (EXTENSION= an older one) is given 15 s
  await worker.evaluate(async () => {
    const until = Date.now() + 15_000;
    while (!performance.getEntriesByName('postcheck:configured').length && Date.now() < until) await new Promise((r) => setTimeout(r, 50));
  });
  await context.close();
  return profile;
}

async function trial(from) {
  const profile = mkdtempSync(join(tmpdir(), 'postcheck-cold-'));
  if (from) cpSync(from, profile, { recursive: true });
  const t0 = Date.now();
  const context = await launchIn(profile);
  const at = { browser: Date.now() - t0 };
  const requests = [];
  try {
    await context.route('**/*', (route) => {
      const url = route.request().url();
      if (new URL(url).origin === 'https://x.com' && route.request().resourceType() === 'document') return route.fulfill({ status: 200, contentType: 'text/html', body: html });
      if (!/^(chrome-extension|data|blob):/.test(url)) requests.push(url);
      return route.abort();
    });
    const workerSeen = context.serviceWorkers()[0] ? Promise.resolve(context.serviceWorkers()[0]) : context.waitForEvent('serviceworker', { timeout: 60_000 });
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    const worlds = [];
    cdp.on('Runtime.executionContextCreated', (e) => worlds.push(e.context));
    await cdp.send('Runtime.enable');
    await page.goto(URL_X);
    const editor = page.locator('[data-fixture-composer="home"] [data-testid="tweetTextarea_0"]');
    await editor.waitFor({ timeout: 60_000 });
    at.page = Date.now() - t0;
    await editor.click();
    await page.keyboard.type(DRAFT);
    at.typed = Date.now() - t0;
    // the fixture has one frame: the one extension-origin world is PostCheck's content script
    const world = worlds.find((w) => w.origin.startsWith('chrome-extension://'));
    if (!world) throw new Error('the content script did not start');
    const r = await cdp.send('Runtime.evaluate', { expression: FIRST_MARK, contextId: world.id, awaitPromise: true, returnByValue: true });
    at.firstMark = r.result.value === null ? null : r.result.value - t0;
    const worker = await workerSeen;
    const w = await worker.evaluate(() => ({ origin: performance.timeOrigin, marks: performance.getEntriesByType('mark').map((m) => [m.name, performance.timeOrigin + m.startTime]) }));
    at.worker = w.origin - t0;
    for (const [name, t] of w.marks) if (name.startsWith('postcheck:')) at[name.slice('postcheck:'.length)] = t - t0;
  } finally {
    await context.close().catch(() => undefined);
    rmSync(profile, { recursive: true, force: true });
  }
  return { at, requests };
}

const primed = await primedProfile();
const runs = { newProfile: [], restarted: [] };
const otherRequests = [];
for (let i = 0; i < TRIALS; i++) {
  for (const [kind, from] of [['newProfile', null], ['restarted', primed]]) {
    const { at, requests } = await trial(from);
    runs[kind].push(at);
    otherRequests.push(...requests);
  }
}
rmSync(primed, { recursive: true, force: true });
const PHASES = ['browser', 'worker', 'evaluated', 'read', 'resolved', 'configured', 'page', 'typed', 'firstMark'];
function summary(trials, what) {
  const median = (k) => {
    const xs = trials.map((t) => t[k]).filter((x) => typeof x === 'number');
    return xs.length ? round(quantile(xs, 0.5)) : null;
  };
  const marked = trials.filter((t) => typeof t.firstMark === 'number');
  return {
    what,
    trials: trials.length,
    missed: trials.length - marked.length,
    median: Object.fromEntries(PHASES.map((k) => [k, median(k)])),
    launchToFirstMarkMs: median('firstMark'),
    typedToFirstMarkMs: marked.length ? round(quantile(marked.map((t) => t.firstMark - t.typed), 0.5)) : null,
    workerStartToConfiguredMs: round(quantile(trials.filter((t) => t.configured).map((t) => t.configured - t.worker), 0.5)),
    each: trials.map((t) => Object.fromEntries(PHASES.map((k) => [k, round(t[k])]))),
  };
}
console.log(
  JSON.stringify(
    {
      coldStart: {
        what: 'ms from the browser launch beginning to each phase (median of trials)',
        restarted: summary(runs.restarted, 'a browser restarted on a profile PostCheck has run in (the everyday start)'),
        newProfile: summary(runs.newProfile, 'a new profile: the first run after install'),
      },
      otherRequests,
    },
    null,
    2,
  ),
);
