import { UsageError } from '../errors.js';

/**
 * A server's base URL as the user gave it (`what` names where: `--prometheus`, `GRAFANA_URL`):
 * http or https, without credentials (they would be printed in every message naming the server,
 * so they are refused unprinted), without a trailing slash.
 */
export function baseUrl(what: string, value: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new UsageError(`Unexpected ${what} ${value}, expected an http or https URL such as http://localhost:9090`);
  }
  if (url.username !== '' || url.password !== '') throw new UsageError(`Unexpected credentials in ${what}, expected only the address (a token or password goes in its own variable)`);
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new UsageError(`Unexpected ${what} ${value}, expected an http or https URL`);
  return value.replace(/\/+$/, '');
}
