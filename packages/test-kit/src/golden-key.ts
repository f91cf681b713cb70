/** What the golden global setup provides to the test files: whether goldens are being rewritten. */
export const GOLDEN_UPDATE_KEY = 'monspec:golden-update';

declare module 'vitest' {
  export interface ProvidedContext {
    'monspec:golden-update': boolean;
  }
}
