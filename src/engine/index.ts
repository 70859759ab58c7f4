export { check, compileConfig, worst, DEFAULT_DISCLAIMER, type CompiledConfig } from './engine.js';
export { RULES } from './rules/index.js';
export * from './types.js';
