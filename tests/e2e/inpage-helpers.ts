/**
 * Helpers for the in-page e2e tests (tests/e2e/inpage.test.ts): the composers of each fixture
 * site as data, configuration through the extension's real storage, and read-backs of what the
 * content script drew (PostCheck's closed shadow-root UI, read from the content script's world).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { composer, editorText, openSite, PNG_PATH, postedItems, REPO_ROOT, type Launched, type Posted } from './harness';
import { drawnMarks, inContentWorld, pcUi, type Marked, type UiLocator } from './inpage-world';

declare function pcRoot(): ShadowRoot | null;

export type SiteName = 'x' | 'facebook' | 'instagram' | 'linkedin';

export interface ComposerCase {
  site: SiteName;
  label: string;
  /** fixture composer name (`data-fixture-composer`) */
  name: string;
  /** the editable element, inside the composer's wrapper */
  editor: string;
  /** how the page posts it: a button (page-wide selector) or a key in the editor */
  submit: { button: string } | { key: 'Enter' | 'Control+Enter'; button: string };
  /** makes the composer exist if it does not (dialogs, share boxes) */
  open?: (page: Page) => Promise<void>;
  /** closes its dialog, so it does not cover the page's other composers */
  close?: (page: Page) => Promise<void>;
  /** attaches a photo in this composer */
  attach?: (page: Page) => Promise<void>;
  /** removes attached photos (so later drafts are photo-free) */
  detach?: (page: Page) => Promise<void>;
  /** a textarea: highlights are drawn on PostCheck's overlay, not with CSS.highlights */
  textarea?: boolean;
}

async function ensure(page: Page, name: string, open: () => Promise<void>): Promise<void> {
  if ((await composer(page, name).count()) > 0) return;
  await open();
  await composer(page, name).waitFor();
}

async function closeIfOpen(page: Page, selector: string): Promise<void> {
  const close = page.locator(selector);
  if ((await close.count()) > 0) await close.first().click();
  await expect.poll(() => close.count()).toBe(0);
}

export const CASES: ComposerCase[] = [
  {
    site: 'x',
    label: 'X post',
    name: 'home',
    editor: '[data-testid="tweetTextarea_0"]',
    submit: { button: '[data-fixture-composer="home"] [data-testid="tweetButtonInline"]' },
    attach: (page) => page.setInputFiles('[data-fixture-composer="home"] input[data-testid="fileInput"]', PNG_PATH),
    detach: async (page) => {
      while ((await page.locator('[data-fixture-composer="home"] [data-testid="removeMedia"]').count()) > 0) {
        await page.locator('[data-fixture-composer="home"] [data-testid="removeMedia"]').first().click();
      }
    },
  },
  {
    site: 'x',
    label: 'X reply',
    name: 'reply',
    editor: '[data-testid="tweetTextarea_0"]',
    submit: { key: 'Control+Enter', button: '[data-fixture-composer="reply"] [data-testid="tweetButton"]' },
    close: (page) => closeIfOpen(page, '[role="dialog"] [data-testid="app-bar-close"]'),
    open: (page) => ensure(page, 'reply', () => page.locator('[data-testid="tweet"] [data-testid="reply"]').first().click()),
  },
  {
    site: 'facebook',
    label: 'Facebook post',
    name: 'post',
    editor: '[contenteditable="true"]',
    submit: { button: '[role="dialog"] [role="button"][aria-label="Post"]' },
    close: (page) => closeIfOpen(page, '[role="dialog"] [role="button"][aria-label="Close"]'),
    open: (page) => ensure(page, 'post', () => page.locator('[role="button"][aria-label="Create post"]').click()),
    attach: (page) => page.setInputFiles('[data-fixture-composer="post"] input[type="file"]', PNG_PATH),
    detach: async (page) => {
      while ((await page.locator('[data-fixture-composer="post"] .media [aria-label="Remove"]').count()) > 0) {
        await page.locator('[data-fixture-composer="post"] .media [aria-label="Remove"]').first().click();
      }
    },
  },
  {
    site: 'facebook',
    label: 'Facebook comment',
    name: 'comment',
    editor: '[contenteditable="true"]',
    submit: { key: 'Enter', button: '[data-fixture-composer="comment"] [role="button"][aria-label="Comment"]' },
  },
  {
    site: 'instagram',
    label: 'Instagram caption',
    name: 'caption',
    editor: '[contenteditable="true"]',
    submit: { button: '[role="dialog"] [data-fixture-composer="caption"] [role="button"]:text-is("Share")' },
    // the caption editor appears once a photo is chosen, as on Instagram
    close: (page) => closeIfOpen(page, '[role="dialog"] [role="button"][aria-label="Close"]'),
    open: (page) =>
      ensure(page, 'caption', async () => {
        await page.locator('nav a', { hasText: 'Create' }).click();
        await page.setInputFiles('[role="dialog"] input[type="file"]', PNG_PATH);
      }),
  },
  {
    site: 'instagram',
    label: 'Instagram comment',
    name: 'comment',
    editor: 'textarea',
    submit: { key: 'Enter', button: '[data-fixture-composer="comment"] [role="button"]:text-is("Post")' },
    textarea: true,
  },
  {
    site: 'linkedin',
    // Quill 1, inside #interop-outlet's open shadow root (locators pierce it)
    label: 'LinkedIn share (Quill 1, shadow root)',
    name: 'share',
    editor: '.ql-editor',
    submit: { button: 'button.share-actions__primary-action' },
    close: (page) => closeIfOpen(page, '.artdeco-modal__dismiss'),
    open: (page) => ensure(page, 'share', () => page.locator('button.share-box-feed-entry__trigger').click()),
  },
  {
    site: 'linkedin',
    label: 'LinkedIn comment (Quill 1)',
    name: 'comment',
    editor: '.ql-editor',
    submit: { button: '[data-fixture-composer="comment"] button.comments-comment-box__submit-button' },
  },
  {
    site: 'linkedin',
    label: 'LinkedIn comment (TipTap)',
    name: 'comment-tiptap',
    editor: '.ProseMirror',
    // the submit exists once something is typed, and carries the componentkey itself
    submit: { button: '[data-fixture-composer="comment-tiptap"] button[componentkey^="commentButtonSection"]' },
  },
];

/** The composer that `__fixture.openLater()` adds on each site. */
export const LATER: Record<SiteName, { editor: string; textarea?: boolean }> = {
  x: { editor: '[data-testid="tweetTextarea_0"]' },
  facebook: { editor: '[contenteditable="true"]' },
  instagram: { editor: 'textarea', textarea: true },
  linkedin: { editor: '.ProseMirror' },
};

// ---------------------------------------------------------------- configuration, for real

export type Enforcement = 'advise' | 'confirm' | 'block';

const DEMO = JSON.parse(readFileSync(join(REPO_ROOT, 'examples/demo-school.json'), 'utf8')) as Record<string, unknown>;

/** An extension page, kept open to talk to the background and storage as the options page does. */
export async function extensionPage(b: Launched): Promise<Page> {
  const page = await b.context.newPage();
  await page.goto(`chrome-extension://${b.extensionId}/popup.html`);
  return page;
}

interface State {
  effective: { config: { enforcement?: Enforcement; pupils?: string[]; sites?: Record<string, boolean>; schoolHours?: SchoolHours } };
}

export function getState(ext: Page): Promise<State> {
  return ext.evaluate(() => chrome.runtime.sendMessage({ kind: 'get-state' })) as Promise<State>;
}

/**
 * Sets the user's configuration in storage.local (`userConfig`), as the options page saves it:
 * the demo school with these changes. Waits until the background uses it.
 */
export interface SchoolHours {
  days?: string[];
  start: string;
  end: string;
  breaks?: Array<[string, string]>;
}

/**
 * The demo school with `changes`. Its school hours are left out unless a test passes its own: the
 * worker reads the machine's clock, so with the demo's hours (weekdays 08:45–15:15) every draft
 * typed in lesson time would carry a work-hours finding and a test's result would depend on when it
 * ran (a "clean" draft failed at 13:30, passed at 12:30).
 */
export async function configure(
  ext: Page,
  changes: { enforcement: Enforcement; sites?: Record<string, boolean>; schoolHours?: SchoolHours },
): Promise<void> {
  const { schoolHours: _demoHours, ...demo } = DEMO;
  const config = { ...demo, ...changes };
  await ext.evaluate((c) => chrome.storage.local.set({ userConfig: c }), config);
  const want = Object.entries(changes.sites ?? {});
  const hours = JSON.stringify(changes.schoolHours ?? null);
  await until(async () => {
    const s = (await getState(ext)).effective.config;
    return s.enforcement === changes.enforcement && want.every(([k, v]) => (s.sites?.[k] ?? true) === v) &&
      (changes.sites !== undefined || Object.values(s.sites ?? {}).every((v) => v !== false)) &&
      JSON.stringify(s.schoolHours ?? null) === hours;
  }, 'the background to use the new configuration');
}

/** Polls until `ok` (usable in hooks, where expect.poll is not). */
export async function until(ok: () => Promise<boolean>, what: string, timeout = 15_000): Promise<void> {
  const end = Date.now() + timeout;
  while (!(await ok())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/**
 * A full pupil name from the roster the background really uses: "Amelia-Rose Kaur" from the demo
 * school (a hyphen to get the offsets right), or the first full name if a managed policy on this
 * machine replaced the roster.
 */
export async function pupilName(ext: Page): Promise<string> {
  const pupils = (await getState(ext)).effective.config.pupils ?? [];
  return pupils.find((p) => p === 'Amelia-Rose Kaur') ?? pupils.find((p) => p.includes(' ')) ?? 'Amelia-Rose Kaur';
}

// ---------------------------------------------------------------- what PostCheck drew

export type { Marked } from './inpage-world';

/** The words PostCheck marks on the page, by severity (inpage-world.ts: read by geometry). */
export function highlights(page: Page): Promise<Marked[]> {
  return drawnMarks(page);
}

export async function expectMarked(page: Page, text: string, severity: string): Promise<void> {
  await expect.poll(() => highlights(page), { timeout: 10_000 }).toContainEqual({ severity, text });
}

/** PostCheck's UI (in its closed shadow root, reached from the content script's world). */
export const ui = {
  panel: (page: Page): UiLocator => pcUi(page, '.panel'),
  finding: (page: Page, rule: string): UiLocator => pcUi(page, `.panel li[data-rule="${rule}"]`),
  dialog: (page: Page): UiLocator => pcUi(page, '.dialog'),
  /** a button in PostCheck's UI, by its label */
  button: (page: Page, name: string): UiLocator => pcUi(page, '.pc').button(name),
};

/** The badge drawn for this composer's editor (found by position: in its corner or just outside it). */
export async function badgeFor(page: Page, c: { name: string; editor: string }): Promise<UiLocator | null> {
  const box = await editorOf(page, c).boundingBox();
  if (!box) return null;
  const index = await inContentWorld(page, (r) => {
    const badges = [...(pcRoot()?.querySelectorAll<HTMLElement>('.badge') ?? [])].filter((b) => !b.hidden);
    // the nearest shown badge that touches the editor's box or sits within a few pixels of it
    let best = -1;
    let bestDistance = Infinity;
    badges.forEach((b, i) => {
      // the gap between the badge's box and the editor's (0 when they overlap)
      const br = b.getBoundingClientRect();
      const dx = Math.max(r.x - br.right, 0, br.left - (r.x + r.width));
      const dy = Math.max(r.y - br.bottom, 0, br.top - (r.y + r.height));
      const d = Math.hypot(dx, dy);
      if (d <= 12 && d < bestDistance) {
        best = i;
        bestDistance = d;
      }
    });
    return best;
  }, box);
  return index < 0 ? null : pcUi(page, '.badge').nth(index);
}

/** Waits for the composer's badge in this state ("findings", "clean"); "none" = no badge shown. */
export async function expectBadge(page: Page, c: { name: string; editor: string }, state: 'findings' | 'clean' | 'none'): Promise<UiLocator | null> {
  await expect
    .poll(async () => {
      const badge = await badgeFor(page, c);
      return badge ? await badge.getAttribute('data-state') : 'none';
    }, { timeout: 10_000 })
    .toBe(state);
  return badgeFor(page, c);
}

export async function openPanel(page: Page, c: { name: string; editor: string }): Promise<void> {
  const badge = await expectBadge(page, c, 'findings');
  await badge!.click();
  await ui.panel(page).waitFor();
}

export async function closePanel(page: Page): Promise<void> {
  // as a person would: press close again if the panel is still there. A check that ends as the
  // press lands (an undo just before) redraws the panel, and the press goes to the old button.
  await expect
    .poll(
      async () => {
        if ((await ui.panel(page).count()) === 0) return 0;
        await ui.panel(page).locator('.close').click().catch(() => undefined);
        await page.waitForTimeout(200);
        return ui.panel(page).count();
      },
      { timeout: 10_000 },
    )
    .toBe(0);
}

export async function expectCount(locator: Locator | UiLocator, n: number): Promise<void> {
  await expect.poll(() => locator.count(), { timeout: 10_000 }).toBe(n);
}

export function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

// ---------------------------------------------------------------- driving a composer

export function editorOf(page: Page, c: { name: string; editor: string }): Locator {
  return composer(page, c.name).locator(c.editor).first();
}

/** Empties the composer the way a person would (select all, delete). */
export async function clearComposer(page: Page, c: { name: string; editor: string }): Promise<void> {
  if ((await editorText(page, c.name)) === '') return;
  await editorOf(page, c).click();
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Backspace');
  await expect.poll(() => editorText(page, c.name)).toBe('');
}

export async function submit(page: Page, c: ComposerCase): Promise<void> {
  if ('key' in c.submit) {
    await editorOf(page, c).focus();
    await page.keyboard.press(c.submit.key);
  } else {
    await page.locator(c.submit.button).first().click();
  }
}

/**
 * Posts (button click, or the submit key as a keydown in the editor) and says whether the page's
 * submit handler ran in that same task: a clean, already checked draft is never held back.
 */
export async function postsSynchronously(page: Page, c: ComposerCase): Promise<boolean> {
  const key = 'key' in c.submit ? c.submit.key : '';
  const target = key ? editorOf(page, c) : page.locator(c.submit.button).first();
  const handle = await target.elementHandle();
  return page.evaluate(
    ([el, key]) => {
      const fixture = (window as unknown as { __fixture: { posted: unknown[] } }).__fixture;
      const before = fixture.posted.length;
      if (key) {
        const init = { key: 'Enter', code: 'Enter', keyCode: 13, which: 13, ctrlKey: key.startsWith('Control'), bubbles: true, cancelable: true };
        (el as HTMLElement).dispatchEvent(new KeyboardEvent('keydown', init as KeyboardEventInit));
      } else {
        (el as HTMLElement).click();
      }
      return fixture.posted.length === before + 1;
    },
    [handle, key] as const,
  );
}

export async function postedCount(page: Page): Promise<number> {
  return (await postedItems(page)).length;
}

export async function lastPosted(page: Page): Promise<Posted | undefined> {
  return (await postedItems(page)).at(-1);
}

export async function openSitePage(b: Launched, site: SiteName): Promise<Page> {
  const page = await openSite(b.context, site);
  // fail fast (and say where) instead of hanging until the test's own timeout
  page.setDefaultTimeout(10_000);
  // PostCheck's panel and dialog then appear without their fade, so screenshots show them whole
  await page.emulateMedia({ reducedMotion: 'reduce' });
  page.on('pageerror', (e) => {
    pageErrors.push(`${site}: ${e.message}`);
  });
  page.on('console', (m) => {
    if (m.type() === 'error') pageErrors.push(`${site} console: ${m.text()}`);
  });
  return page;
}

/** Uncaught errors on the fixture pages (PostCheck must cause none). */
export const pageErrors: string[] = [];

export function extensionBuilt(): boolean {
  return existsSync(join(REPO_ROOT, 'dist/chrome-dev/content.js'));
}
