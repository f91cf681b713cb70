export { generate, type GenerateOptions } from './generate.js';
