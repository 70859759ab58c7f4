// What the benchmark times: the same engine and data the background worker bundles.
export { check, compileConfig } from '../src/engine/engine.js';
export { parseConfig } from '../src/config/schema.js';
