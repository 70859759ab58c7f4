// The one facade over the browser's extension API. Every `browser.*` call in the extension goes
// through here, so Chrome/Firefox differences have one home (webextension-polyfill gives Chrome the
// promise-based `browser` namespace Firefox has natively).
import browser from 'webextension-polyfill';

export type Runtime = typeof browser.runtime;
export type StorageArea = typeof browser.storage.local;
export default browser;

/** True when this extension context has been invalidated (the extension was updated or reloaded). */
export function contextAlive(): boolean {
  try {
    return Boolean(browser.runtime?.id);
  } catch {
    return false;
  }
}
