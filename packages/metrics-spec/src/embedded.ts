import { fileURLToPath } from 'node:url';

/** The embedded default spec (the streaming-proxy tunnel), shipped in this package's spec/ folder. */
export const EMBEDDED_SPEC_DIR: string = fileURLToPath(new URL('../spec/', import.meta.url));

/** The published JSON Schema, for editors and for `monspec init`. */
export const SCHEMA_PATH: string = fileURLToPath(new URL('../schema/monspec.schema.json', import.meta.url));
