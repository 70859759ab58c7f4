// After an install or update, the tabs already open on the supported sites have no working
// PostCheck: browsers do not inject manifest content scripts into open tabs (Chrome never does),
// and the content script an update left behind has lost its extension context. So the worker
// injects the content script into each of them again, exactly as the manifest would (same files,
// same pages, top frame only). That needs the `scripting` permission (no install warning) and host
// permissions for the same pages (build.mjs sets host_permissions to content_scripts.matches, so
// the warning is the one the content scripts already give). The new script tells the orphaned one
// to step aside (content/index.ts); a tab that cannot be scripted keeps the orphan, which holds
// Post under confirm/block rather than let it through unchecked (content/controller.ts).
import browser from '../platform/browser.js';

export async function reinjectOpenTabs(): Promise<number> {
  let injected = 0;
  for (const script of browser.runtime.getManifest().content_scripts ?? []) {
    if (!script.matches?.length || !script.js?.length) continue;
    const tabs = await browser.tabs.query({ url: script.matches });
    for (const tab of tabs) {
      // a discarded tab loads afresh (with the manifest's content script) when it is next shown
      if (tab.id === undefined || tab.discarded) continue;
      try {
        await browser.scripting.executeScript({ target: { tabId: tab.id, allFrames: script.all_frames ?? false }, files: script.js });
        injected++;
      } catch {
        // an error page or a tab being closed: nothing to protect there, or the orphan holds Post
      }
    }
  }
  return injected;
}
