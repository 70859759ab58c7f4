/**
 * Cold start (issue 9) in real Chromium: a Post pressed before the background worker can answer is
 * held, and the check still completes and decides. Once with the worker made busy on purpose for
 * longer than the typing and the click take (so the click is certainly before any answer), once in
 * a browser just started on a profile where the school is in `confirm` mode, its worker not
 * running, the draft typed and posted as soon as the page is there.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page, Worker } from 'playwright-core';
import { editorText, launch, openSite, postedItems, REPO_ROOT, typeSlowly, type Launched } from './harness';
import { configure, expectCount, extensionBuilt, extensionPage, pupilName, ui } from './inpage-helpers';

const EXTENSION = join(REPO_ROOT, 'dist/chrome-dev');
const X_HOME = { name: 'home', editor: '[data-fixture-composer="home"] [data-testid="tweetTextarea_0"]', post: '[data-fixture-composer="home"] [data-testid="tweetButtonInline"]' };

let profile: string;
let pupil = '';

beforeAll(async () => {
  if (!extensionBuilt()) throw new Error('dist/chrome-dev is missing: run `node build.mjs` (npm test does) first');
  profile = await mkdtemp(join(tmpdir(), 'postcheck-cold-'));
  // the school's setting goes into the profile once; every test below starts its own browser on it
  const b = await launch({ extension: EXTENSION, userDataDir: profile });
  try {
    const ext = await extensionPage(b);
    await configure(ext, { enforcement: 'confirm' });
    pupil = await pupilName(ext);
  } finally {
    await b.close();
  }
}, 180_000);

afterAll(async () => {
  if (profile) await rm(profile, { recursive: true, force: true });
});

const posted = async (p: Page) => (await postedItems(p)).length;

/** The extension's worker as it runs now (a handle from before a restart is stale). */
async function currentWorker(b: Launched): Promise<Worker> {
  return b.context.serviceWorkers().find((w) => w.url().startsWith('chrome-extension://')) ?? (await b.context.waitForEvent('serviceworker'));
}

/** Post anyway on the confirm dialog posts the draft exactly once, as typed. */
async function postAnyway(p: Page, draft: string, before: number): Promise<void> {
  await ui.button(p, 'Post anyway').click();
  await expect.poll(() => posted(p)).toBe(before + 1);
  expect((await postedItems(p)).at(-1)?.text).toBe(draft);
  await expectCount(ui.dialog(p), 0);
}

describe('a check asked for before the worker can answer', () => {
  test('Post pressed while the worker cannot answer is held; the check completes and asks', async () => {
    const b = await launch({ extension: EXTENSION, userDataDir: profile, waitForWorker: false });
    try {
      const p = await openSite(b.context, 'x');
      // typing wakes the worker if the browser did not start it
      await typeSlowly(p, p.locator(X_HOME.editor), ' ');
      const worker = await currentWorker(b);
      await p.keyboard.press('Backspace');
      // the worker's one thread is taken for BUSY_MS from now: every message waits, as at a cold start
      const BUSY_MS = 8000;
      const busyUntil = await worker.evaluate((ms) => {
        const until = Date.now() + ms;
        setTimeout(() => {
          while (Date.now() < until);
        }, 0);
        return until;
      }, BUSY_MS);
      const draft = `Well done ${pupil}`;
      await typeSlowly(p, p.locator(X_HOME.editor), draft);
      const before = await posted(p);
      const clickedAt = Date.now();
      await p.locator(X_HOME.post).click();
      // the premise: the click came before the worker could answer anything
      expect(clickedAt).toBeLessThan(busyUntil);
      await p.waitForTimeout(Math.min(1500, Math.max(0, busyUntil - Date.now() - 200)));
      expect(await posted(p)).toBe(before);
      await expect.poll(() => ui.dialog(p).locator('li[data-rule="pupil-name"]').count(), { timeout: 30_000 }).toBe(1);
      expect(Date.now()).toBeGreaterThanOrEqual(busyUntil);
      expect(await posted(p)).toBe(before);
      expect(await editorText(p, X_HOME.name)).toBe(draft);
      await postAnyway(p, draft, before);
    } finally {
      await b.close();
    }
  }, 90_000);

  test('a browser just started: the first draft, posted as soon as it is typed, is held and checked', async () => {
    const b = await launch({ extension: EXTENSION, userDataDir: profile, waitForWorker: false });
    try {
      const p = await openSite(b.context, 'x');
      const draft = `Well done ${pupil}`;
      await typeSlowly(p, p.locator(X_HOME.editor), draft, 0);
      const before = await posted(p);
      await p.locator(X_HOME.post).click();
      await expect.poll(() => ui.dialog(p).locator('li[data-rule="pupil-name"]').count(), { timeout: 30_000 }).toBe(1);
      expect(await posted(p)).toBe(before);
      await postAnyway(p, draft, before);
      expect(b.networkLog).toEqual([]);
    } finally {
      await b.close();
    }
  }, 90_000);
});
