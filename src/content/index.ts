// PostCheck's content script: runs at document_start on the supported sites (manifest.json), finds
// their composers and checks drafts against the school's policy through the background worker.
// The engine is not in this bundle: the background runs it.
//
// After an install or update the worker injects this script again into tabs already open
// (background/reinject.ts). It starts once per extension instance (a second injection into the
// same world does nothing) and tells a script the update left behind, which runs in another world
// and can no longer reach the worker, to step aside (controller.ts `SUCCESSOR_EVENT`).
import { alive } from './client.js';
import { Controller, SUCCESSOR_EVENT } from './controller.js';
import { adapterFor } from './sites/index.js';

const g = globalThis as { __postcheckStarted?: boolean };
const adapter = adapterFor(location.hostname);
if (adapter && alive() && !g.__postcheckStarted) {
  g.__postcheckStarted = true;
  document.dispatchEvent(new Event(SUCCESSOR_EVENT));
  const start = () => new Controller(adapter).start();
  // adapters that apply to some pages of a host only (the local practice page) wait for the page
  // to say what it is; the four sites start at document_start, before the site's own scripts
  if (!adapter.when) start();
  else if (document.readyState !== 'loading') adapter.when() && start();
  else document.addEventListener('DOMContentLoaded', () => adapter.when?.() && start(), { once: true });
}
