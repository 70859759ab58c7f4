/**
 * The 2026 composers (issue 9) in real Chromium with the built extension: LinkedIn's shadow-root
 * share box and messaging, its SDUI and company-page share boxes, thread composers with several
 * editors behind one Post (X, Threads, Bluesky), Facebook's Page composer and reply box, X's inline
 * reply and XChat, Threads' icon-only reply, Bluesky's lazy editor, YouTube and Reddit comments, and
 * a site that ignores a script's click. The school is in `confirm` mode throughout; each composer is
 * typed into key by key, marked, fixed and undone through its own editor, and held at Post.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { join } from 'node:path';
import { editorText, launch, openSite, postedItems, REPO_ROOT, typeSlowly, type Launched, type Site } from './harness';
import {
  clearComposer,
  closePanel,
  configure,
  editorOf,
  expectCount,
  expectMarked,
  extensionBuilt,
  extensionPage,
  openPanel,
  pupilName,
  ui,
} from './inpage-helpers';
import { pcUi } from './inpage-world';

interface Case {
  site: Site;
  label: string;
  /** fixture composer name */
  name: string;
  /** the editable element inside the composer's wrapper */
  editor: string;
  /** a path on the site's origin other than the default */
  path?: string;
  open?: (page: Page) => Promise<void>;
  /** how a person posts it */
  post: (page: Page) => Promise<void>;
  /** after "Post anyway": what else a person does before the site records the post */
  thenPost?: (page: Page) => Promise<void>;
}

/** Clicks the first match; `text`: only an element whose whole text is this (a button by its label). */
const click = (selector: string, text?: string) => (p: Page) =>
  p.locator(selector, text === undefined ? {} : { hasText: new RegExp(`^${text}$`) }).first().click();
const key = (combo: string) => (p: Page) => p.keyboard.press(combo);

const CASES: Case[] = [
  {
    site: 'linkedin',
    label: 'LinkedIn SDUI share box (TipTap in a <dialog>, shadow root)',
    name: 'share-sdui',
    editor: '[componentkey="ShareBox_textEditor"]',
    open: click('[data-fixture-open="share-sdui"]'),
    post: click('dialog[data-testid="dialog"] button', 'Post'),
  },
  {
    site: 'linkedin',
    label: 'LinkedIn company page (bare textbox, "Posten", modal <dialog>)',
    name: 'share-company',
    path: '/company/oakfield-academy/admin/',
    editor: '[role="textbox"]',
    open: click('[data-fixture-open="share-company"]'),
    post: click('dialog[data-testid="dialog"] button', 'Posten'),
  },
  {
    site: 'linkedin',
    label: 'LinkedIn TipTap comment (Ctrl+Enter)',
    name: 'comment-tiptap',
    editor: '.ProseMirror',
    post: key('Control+Enter'),
  },
  {
    site: 'x',
    label: 'X inline reply on a status page',
    name: 'status-reply',
    path: '/oakfield_school/status/1790000000000000001',
    editor: '[data-testid="tweetTextarea_0"]',
    post: click('[data-testid="tweetButtonInline"]'),
  },
  {
    site: 'x',
    label: 'XChat message (textarea, Enter)',
    name: 'dm',
    path: '/i/chat/1-2',
    editor: 'textarea',
    post: key('Enter'),
  },
  {
    site: 'facebook',
    label: 'Facebook reply box (submit appears once typed)',
    name: 'reply',
    editor: '[contenteditable="true"]',
    open: async (p) => {
      if ((await p.locator('[data-fixture-composer="reply"]').count()) === 0) await p.locator('[aria-label="Reply to Oakfield PTA\'s comment"]').click();
    },
    post: click('#focused-state-composer-submit'),
  },
  {
    site: 'facebook',
    label: 'Facebook Page composer (Next → Post settings → Post)',
    name: 'page-post',
    path: '/OakfieldPrimary',
    editor: '[contenteditable="true"]',
    open: click('[role="button"][aria-label="Create post"]'),
    post: click('[role="dialog"] [role="button"][aria-label="Next"]'),
    thenPost: click('[role="dialog"][aria-label="Post settings"] [role="button"][aria-label="Post"]'),
  },
  {
    site: 'threads',
    label: 'Threads inline reply (icon-only submit)',
    name: 'inline-reply',
    editor: '[contenteditable="true"]',
    open: async (p) => {
      if ((await p.locator('[data-fixture-composer="inline-reply"]').count()) === 0) await p.locator('[data-pressable-container] [role="button"]:has(svg[aria-label="Reply"])').first().click();
    },
    post: click('[data-fixture-composer="inline-reply"] [role="button"]:has(svg[aria-label="Reply"])'),
  },
  {
    site: 'bluesky',
    label: 'Bluesky post (TipTap after the fallback textarea)',
    name: 'post',
    editor: '.ProseMirror',
    open: async (p) => {
      await p.locator('[data-testid="composeFAB"]').click();
      await p.locator('[role="dialog"] .ProseMirror').waitFor();
    },
    post: click('[data-testid="composerPublishBtn"]'),
  },
  {
    site: 'youtube',
    label: 'YouTube comment (plain contenteditable)',
    name: 'comment',
    editor: '#contenteditable-root',
    open: async (p) => {
      if ((await p.locator('ytd-commentbox').count()) === 0) await p.locator('#placeholder-area').click();
    },
    post: click('ytd-commentbox #submit-button button'),
  },
  {
    site: 'reddit',
    label: 'Reddit comment (light-DOM Lexical slotted into shreddit-composer)',
    name: 'comment',
    editor: '[slot="rte"]',
    open: async (p) => {
      if (await p.locator('comment-composer-host faceplate-textarea-input').isVisible()) await p.locator('comment-composer-host faceplate-textarea-input').click();
    },
    post: click('#comment-composer-submit-button'),
  },
];

let b: Launched;
let ext: Page;
let pupil = 'Amelia-Rose Kaur';
const pages = new Map<string, Page>();
const errors: string[] = [];

beforeAll(async () => {
  if (!extensionBuilt()) throw new Error('dist/chrome-dev is missing: run `node build.mjs` (npm test does) first');
  b = await launch({ extension: join(REPO_ROOT, 'dist/chrome-dev') });
  ext = await extensionPage(b);
  await configure(ext, { enforcement: 'confirm' });
  pupil = await pupilName(ext);
}, 180_000);

afterAll(async () => {
  await b?.close();
});

/** One tab per site and path, reused. */
async function tab(site: Site, path?: string): Promise<Page> {
  const id = `${site}${path ?? ''}`;
  let p = pages.get(id);
  if (!p) {
    p = await openSite(b.context, site, path);
    p.setDefaultTimeout(10_000);
    await p.emulateMedia({ reducedMotion: 'reduce' });
    p.on('pageerror', (e) => errors.push(`${id}: ${e.message}`));
    p.on('console', (m) => m.type() === 'error' && errors.push(`${id} console: ${m.text()}`));
    pages.set(id, p);
  }
  await p.bringToFront();
  return p;
}

const posted = async (p: Page) => (await postedItems(p)).length;

describe.each(CASES)('$label', (c) => {
  test('marked as typed, fixed and undone in the editor’s own state, held at Post, then posted once', async () => {
    const p = await tab(c.site, c.path);
    await c.open?.(p);
    await editorOf(p, c).waitFor();
    await clearComposer(p, c);
    // ends on a word boundary, as people type
    const draft = `Well done ${pupil} on a super assembly`;
    await typeSlowly(p, editorOf(p, c), draft);
    await expectMarked(p, pupil, 'block');
    expect(await editorText(p, c.name)).toBe(draft);

    await openPanel(p, c);
    // the framework's undo groups keystrokes for up to 500 ms: let the fix be its own step
    await p.waitForTimeout(600);
    await ui.finding(p, 'pupil-name').locator('button.fix').click();
    await expect.poll(() => editorText(p, c.name)).toBe(draft.replace(pupil, 'a pupil'));
    await p.keyboard.press('Control+Z');
    await expect.poll(() => editorText(p, c.name)).toBe(draft);
    await expectMarked(p, pupil, 'block');
    await closePanel(p);

    const before = await posted(p);
    await editorOf(p, c).focus();
    await c.post(p);
    await ui.dialog(p).waitFor();
    await expectCount(ui.dialog(p).locator('li[data-rule="pupil-name"]'), 1);
    expect(await posted(p)).toBe(before);
    await ui.button(p, 'Post anyway').click();
    await c.thenPost?.(p);
    await expect.poll(() => posted(p)).toBe(before + 1);
    expect((await postedItems(p)).at(-1)?.text).toBe(draft);
    await expectCount(ui.dialog(p), 0);
  });
});

describe('every editor behind one Post', () => {
  interface Thread {
    site: Site;
    label: string;
    path?: string;
    open: (p: Page) => Promise<void>;
    /** fixture names of the first and second part, and their editor */
    parts: [string, string];
    editor: string;
    addPart: (p: Page) => Promise<void>;
    post: (p: Page) => Promise<void>;
  }
  const THREADS: Thread[] = [
    {
      site: 'x',
      label: 'X "Post all"',
      path: '/compose/post',
      open: async (p) => {
        if ((await p.locator('[role="dialog"] [data-testid="tweetTextarea_0"]').count()) === 0) await p.locator('[data-testid="SideNav_NewTweet_Button"]').click();
      },
      parts: ['compose', 'compose:1'],
      editor: '[contenteditable="true"]',
      addPart: click('[role="dialog"] [data-testid="addButton"]'),
      post: click('[role="dialog"] [data-testid="tweetButton"]'),
    },
    {
      site: 'threads',
      label: 'Threads "Add to thread"',
      open: click('[role="button"][aria-label="Create"]'),
      parts: ['thread', 'thread:1'],
      editor: '[contenteditable="true"]',
      addPart: click('[role="dialog"] [role="button"]', 'Add to thread'),
      post: click('[role="dialog"] [role="button"]', 'Post'),
    },
    {
      site: 'bluesky',
      label: 'Bluesky "Post All"',
      open: async (p) => {
        await p.locator('[data-testid="composeFAB"]').click();
        await p.locator('[role="dialog"] .ProseMirror').waitFor();
      },
      parts: ['post', 'post:1'],
      editor: '.ProseMirror',
      addPart: click('[role="dialog"] [aria-label="Add another post"]'),
      post: click('[data-testid="composerPublishBtn"]'),
    },
  ];

  describe.each(THREADS)('$label', (t) => {
    test('a pupil named in any part is held at Post, whichever part was typed last, and listed with its part', async () => {
      const p = await tab(t.site, t.path);
      const [first, second] = t.parts.map((name) => ({ name, editor: t.editor }));
      const named = `Well done ${pupil} today`;
      const clean = 'Lovely walk by the canal this afternoon';
      for (const [a, bText] of [[named, clean], [clean, named]] as const) {
        await t.open(p);
        await clearComposer(p, first!);
        await typeSlowly(p, editorOf(p, first!), a);
        await t.addPart(p);
        await editorOf(p, second!).waitFor();
        await typeSlowly(p, editorOf(p, second!), bText);
        const before = await posted(p);
        await t.post(p);
        await ui.dialog(p).waitFor();
        const item = ui.dialog(p).locator('li[data-rule="pupil-name"]');
        await expectCount(item, 1);
        expect(await item.getAttribute('data-part')).toBe(a === named ? 'Post 1 of 2' : 'Post 2 of 2');
        expect(await posted(p)).toBe(before);
        if (a === named) {
          await ui.button(p, 'Edit post').click();
          await expectCount(ui.dialog(p), 0);
          expect(await posted(p)).toBe(before);
          // the dialog stays open with both parts: post it, then start the second round from scratch
          await t.post(p);
          await ui.dialog(p).waitFor();
        }
        await ui.button(p, 'Post anyway').click();
        await expect.poll(() => posted(p)).toBe(before + 2);
        expect((await postedItems(p)).slice(-2).map((x) => x.text.trim())).toEqual([a, bText]);
      }
    });
  });
});

describe('a multi-line fix (the disclaimer after a blank line) is one paste and one undo', () => {
  const EDITORS = [
    { site: 'x' as Site, name: 'home', editor: '[data-testid="tweetTextarea_0"]', newline: 'Enter', label: 'Draft.js' },
    { site: 'facebook' as Site, name: 'comment', editor: '[contenteditable="true"]', newline: 'Shift+Enter', label: 'Lexical' },
    { site: 'linkedin' as Site, name: 'message', editor: '.msg-form__contenteditable', newline: 'Shift+Enter', label: 'a contenteditable in a shadow root' },
  ];
  test.each(EDITORS)('$label', async (c) => {
    const p = await tab(c.site);
    await clearComposer(p, c);
    const draft = `Well done ${pupil}`;
    await typeSlowly(p, editorOf(p, c), draft);
    await p.keyboard.press(c.newline);
    // no trailing space: the disclaimer then goes after a blank line, a multi-line insert
    await p.keyboard.type('Such a proud day', { delay: 15 });
    await expectMarked(p, pupil, 'block');
    const typed = await editorText(p, c.name);
    await openPanel(p, c);
    await p.waitForTimeout(600);
    await ui.finding(p, 'disclaimer-missing').locator('button.fix').click();
    await expect.poll(() => editorText(p, c.name)).toMatch(/\n+Views are my own\.$/);
    expect((await editorText(p, c.name)).startsWith(typed.trimEnd())).toBe(true);
    await p.keyboard.press('Control+Z');
    await expect.poll(() => editorText(p, c.name)).toBe(typed);
    await closePanel(p);
    await clearComposer(p, c);
  });
});

describe('a site that ignores a script’s click (LinkedIn messaging)', () => {
  test('after "Post anyway" the replay is ignored, PostCheck says so, and the person’s next Enter goes through once', async () => {
    const p = await tab('linkedin');
    const c = { name: 'message', editor: '.msg-form__contenteditable' };
    await clearComposer(p, c);
    const draft = `Well done ${pupil}`;
    await typeSlowly(p, editorOf(p, c), draft);
    await expectMarked(p, pupil, 'block');
    const before = await posted(p);
    await p.keyboard.press('Enter');
    await ui.dialog(p).waitFor();
    await ui.button(p, 'Post anyway').click();
    // the page took no untrusted event: nothing was sent, and the draft is still there
    const notice = pcUi(p, '.notice');
    await notice.waitFor();
    expect(await notice.text()).toMatch(/press Post again/);
    expect(await posted(p)).toBe(before);
    expect(await editorText(p, c.name)).toBe(draft);
    await editorOf(p, c).focus();
    await p.keyboard.press('End');
    await p.keyboard.press('Enter');
    await expect.poll(() => posted(p)).toBe(before + 1);
    expect(await ui.dialog(p).count()).toBe(0);
    expect((await postedItems(p)).at(-1)?.text).toBe(draft);
    // once: the next draft is checked again
    await typeSlowly(p, editorOf(p, c), draft);
    await p.keyboard.press('Enter');
    await ui.dialog(p).waitFor();
    await ui.button(p, 'Edit post').click();
    await clearComposer(p, c);
  });
});

test('web.facebook.com is the same Facebook: a draft is marked there too', async () => {
  const p = await openSite(b.context, 'facebook', 'https://web.facebook.com/');
  const c = { name: 'comment', editor: '[contenteditable="true"]' };
  await typeSlowly(p, editorOf(p, c), `Well done ${pupil} `);
  await expectMarked(p, pupil, 'block');
  await p.close();
});

test('no network request, no page error; nothing posted that was not typed', async () => {
  expect(b.networkLog).toEqual([]);
  expect(errors).toEqual([]);
  for (const p of pages.values()) for (const item of await postedItems(p)) expect(item.text.trim().length).toBeGreaterThan(0);
});
