export { compiledModel, type CompileSpec, type SpecFile } from './model.js';
export { DEMO_SPEC } from './demo-spec.js';
export { EXAMPLE_BASE_SPEC } from './example-base-spec.js';
export { writeFiles } from './files.js';
export { syntheticSpec, writeSyntheticSpec } from './synthetic-spec.js';
export { requireTools, toolPath, type Tool, type ToolRequirement } from './tools.js';
export { freePort } from './net.js';
export { writeTurboLayout } from './turbo-fleet.js';
