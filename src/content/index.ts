// PostCheck's content script: runs at document_start on the supported sites (manifest.json), finds
// their composers and checks drafts against the school's policy through the background worker.
// The engine is not in this bundle: the background runs it.
import { alive } from './client.js';
import { Controller } from './controller.js';
import { adapterFor } from './sites/index.js';

const adapter = adapterFor(location.hostname);
if (adapter && alive()) new Controller(adapter).start();
