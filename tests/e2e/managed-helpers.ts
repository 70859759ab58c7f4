/**
 * Helpers for the popup/options/managed-policy e2e tests: a real managed policy file for Chromium,
 * in a policy directory of the test's own that only its Chromium sees (policy-namespace.ts), and
 * the extension's own pages driven as a person would.
 */
import { copyFileSync, existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { extensionIdFromKey, launch as launchChromium, REPO_ROOT, type Launched, type LaunchOptions } from './harness';
import { ISOLATION, MACHINE_POLICY_DIR, policyRoom, type PolicyRoom } from './policy-namespace';

export const EXTENSION_DIR = join(REPO_ROOT, 'dist/chrome');
export const EXTENSION_ID = extensionIdFromKey((JSON.parse(readFileSync(join(REPO_ROOT, 'manifest.json'), 'utf8')) as { key: string }).key);

/**
 * Why a suite that needs a managed policy cannot run here (not root, no mount namespaces), or
 * undefined; said on the suite's output when it skips. Use: `describe.skipIf(managedSkip())`.
 */
export function managedSkip(): string | undefined {
  // "skipped: " is what scripts/test.mjs looks for to repeat the reason under its summary line
  if (ISOLATION) console.warn(`skipped: ${ISOLATION}`);
  return ISOLATION;
}

let room: PolicyRoom | undefined;
const theRoom = () => (room ??= policyRoom());

/** The policy file a test writes, in its own directory (Chromium sees it in /etc/chromium/policies/managed). */
export const policyFile = (name = 'postcheck-test.json') => join(theRoom().dir, name);

/** Writes `config` as this extension's 3rdparty managed policy. Chromium reads it when it starts. */
export function writePolicy(config: unknown, file = policyFile()): void {
  writeFileSync(file, JSON.stringify({ '3rdparty': { extensions: { [EXTENSION_ID]: config } } }, null, 2));
}

/** Copies a policy file unchanged into the test's policy directory, as school IT would install it. */
export function installPolicyFile(source: string, name = 'postcheck.json'): void {
  copyFileSync(source, policyFile(name));
}

/** Removes the test's policy directory and everything in it. */
export function removePolicy(): void {
  room?.dispose();
  room = undefined;
}

/** Also removes the policy directory if the test process exits without running afterAll. */
export function removePolicyOnExit(): void {
  process.once('exit', removePolicy);
}

/** Chromium (harness.launch) seeing the test's policy directory as the machine's managed policy. */
export function launch(options: Omit<LaunchOptions, 'policy'> = {}): Promise<Launched> {
  return launchChromium({ ...options, policy: theRoom() });
}

/**
 * For suites that need no managed policy and run as any user: where Chromium cannot be given an
 * empty policy directory of its own, the machine's must hold nothing for this extension.
 */
export function machinePolicyFiles(): string[] {
  if (!ISOLATION || !existsSync(MACHINE_POLICY_DIR)) return [];
  return readdirSync(MACHINE_POLICY_DIR).filter((f) => {
    try {
      return readFileSync(join(MACHINE_POLICY_DIR, f), 'utf8').includes(EXTENSION_ID);
    } catch {
      return false;
    }
  });
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
