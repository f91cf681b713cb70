export { generate, instrumentationGenerator, INSTRUMENTATION_PATH } from './generate.js';
export { renderModule } from './module.js';
