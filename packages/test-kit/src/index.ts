export { demoModel, DEMO_SPEC } from './demo-spec.js';
export { writeSyntheticSpec } from './synthetic-spec.js';
export { requireTools, toolPath, type Tool, type ToolRequirement } from './tools.js';
export { isCi } from './ci.js';
