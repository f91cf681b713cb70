/** Kept in step with apps/cli/package.json by the version test. */
export const TOOL_VERSION = '0.1.0';
