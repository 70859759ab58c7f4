/**
 * Helpers for the popup/options/managed-policy e2e tests: a real managed policy file for Chromium
 * (removed again whatever happens), and the extension's own pages driven as a person would.
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { extensionIdFromKey, REPO_ROOT } from './harness';

export const EXTENSION_DIR = join(REPO_ROOT, 'dist/chrome');
export const EXTENSION_ID = extensionIdFromKey((JSON.parse(readFileSync(join(REPO_ROOT, 'manifest.json'), 'utf8')) as { key: string }).key);

/** Where Chromium on Linux reads managed policy (browser-tests.md). */
export const POLICY_DIR = '/etc/chromium/policies/managed';
export const POLICY_FILE = join(POLICY_DIR, 'postcheck-test.json');

/** Writes `config` as this extension's 3rdparty managed policy. Chromium reads it when it starts. */
export function writePolicy(config: unknown, file = POLICY_FILE): void {
  try {
    mkdirSync(POLICY_DIR, { recursive: true });
    writeFileSync(file, JSON.stringify({ '3rdparty': { extensions: { [EXTENSION_ID]: config } } }, null, 2));
  } catch (e) {
    throw new Error(`cannot write ${file} (${(e as NodeJS.ErrnoException).code}): the managed-policy tests write Chromium's policy directory and need root`);
  }
}

export function removePolicy(file = POLICY_FILE): void {
  rmSync(file, { force: true });
}

/** Also removes the policy file if the test process exits without running afterAll. */
export function removePolicyOnExit(file = POLICY_FILE): void {
  process.once('exit', () => removePolicy(file));
}

async function openPage(context: BrowserContext, name: 'popup' | 'options'): Promise<Page> {
  const page = await context.newPage();
  await page.goto(`chrome-extension://${EXTENSION_ID}/${name}.html`);
  // the page marks itself ready once it shows the background's state
  await page.waitForSelector('body[data-ready]', { timeout: 30_000 });
  return page;
}

export const openPopup = (context: BrowserContext) => openPage(context, 'popup');
export const openOptions = (context: BrowserContext) => openPage(context, 'options');

/** The rules of the findings the page lists now. */
export function findingRules(page: Page, scope = 'body'): Promise<string[]> {
  return page.locator(`${scope} li.finding`).evaluateAll((els) => els.map((e) => e.getAttribute('data-rule') ?? ''));
}

/** Types a draft into the page's (first) draft box and waits until a finding of `rule` is listed. */
export async function checkDraft(page: Page, text: string, rule: string, scope = 'body'): Promise<void> {
  await page.locator(`${scope} [data-testid="draft"]`).fill(text);
  await expect.poll(() => findingRules(page, scope), { timeout: 15_000 }).toContain(rule);
}

/** The words marked in the draft mirror, with their severity class. */
export function markedWords(page: Page, scope = 'body'): Promise<Array<{ text: string; severity: string }>> {
  return page.locator(`${scope} [data-testid="mirror"] mark`).evaluateAll((els) => els.map((e) => ({ text: e.textContent ?? '', severity: e.className })));
}

/** get-state from the background, as the pages ask for it. */
export function state(page: Page): Promise<{
  effective: { source: string; managedFields: string[]; problems: Array<{ path: string; message: string; from: string }>; config: Record<string, unknown> };
  userConfig: Record<string, unknown> | null;
}> {
  return page.evaluate(() => chrome.runtime.sendMessage({ kind: 'get-state' }));
}

/** The control for a configuration path on the options page. */
export function field(page: Page, path: string) {
  return page.locator(`[data-path="${path}"]`);
}
