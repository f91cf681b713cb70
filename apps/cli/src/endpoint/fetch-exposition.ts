import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { createGunzip, createInflate } from 'node:zlib';
import type { Transform } from 'node:stream';
import { UsageError } from '../errors.js';

export interface FetchLimits {
  /** The whole exchange (every redirect, the body) must finish within this many milliseconds. */
  readonly timeoutMs: number;
  /** Cap on the body as sent and, separately, after decompression (a gzip bomb stops here). */
  readonly maxBytes: number;
}

/** Prometheus's own scraper follows redirects (`follow_redirects`, default true); so do we, a few. */
const MAX_REDIRECTS = 5;
const REDIRECTS = new Set([301, 302, 303, 307, 308]);

/** True for the URLs check-endpoint fetches; the scheme is case-insensitive (`HTTP://` is a URL too). */
export function isHttpUrl(target: string): boolean {
  return /^https?:\/\//i.test(target);
}

const mib = (n: number) => `${(n / 1048576).toFixed(n % 1048576 === 0 ? 0 : 1)} MiB`;

/**
 * Fetches a metrics endpoint the way a scrape would, with every way it can fail reported as a usage
 * error that names the URL and what was expected: refused or unresolvable hosts, timeouts, redirects to
 * anything but http(s) (no `file:`), non-200 answers, bodies over the cap (sent or decompressed) and
 * bodies cut short of their Content-Length.
 */
export async function fetchExposition(target: string, limits: FetchLimits): Promise<string> {
  const deadline = Date.now() + limits.timeoutMs;
  let url: URL;
  try {
    url = new URL(target);
  } catch {
    throw new UsageError(`Unexpected URL ${target}, expected http://host[:port]/path`);
  }
  for (let hop = 0; ; hop++) {
    const response = await get(url, deadline, limits);
    const status = response.statusCode ?? 0;
    if (REDIRECTS.has(status)) {
      response.resume();
      const location = response.headers.location;
      if (!location) throw new UsageError(`Unexpected HTTP ${status} without a Location header from ${url.href}, expected 200 with a Prometheus exposition`);
      const next = new URL(location, url);
      if (next.protocol !== 'http:' && next.protocol !== 'https:') {
        throw new UsageError(`Unexpected redirect from ${url.href} to ${next.protocol} (${next.href}), expected a redirect to an http or https URL`);
      }
      if (hop + 1 > MAX_REDIRECTS) throw new UsageError(`Unexpected redirect number ${hop + 1} from ${url.href}, expected at most ${MAX_REDIRECTS} redirects`);
      url = next;
      continue;
    }
    if (status !== 200) {
      response.resume();
      throw new UsageError(`Unexpected HTTP ${status} from ${url.href}, expected 200 with a Prometheus exposition`);
    }
    return readBody(response, url, deadline, limits);
  }
}

function timeoutError(url: URL, limits: FetchLimits, stage: string): UsageError {
  return new UsageError(`Unexpected timeout ${stage} ${url.href} (no complete answer in ${limits.timeoutMs} ms), expected a metrics endpoint that answers within --timeout`);
}

function get(url: URL, deadline: number, limits: FetchLimits): Promise<IncomingMessage> {
  const request = url.protocol === 'https:' ? httpsRequest : url.protocol === 'http:' ? httpRequest : undefined;
  if (!request) throw new UsageError(`Unexpected scheme ${url.protocol} in ${url.href}, expected http or https`);
  return new Promise((resolve, reject) => {
    const req = request(url, { method: 'GET', headers: { accept: 'text/plain;version=0.0.4', 'accept-encoding': 'gzip, deflate' } });
    const timer = setTimeout(() => {
      req.destroy();
      reject(timeoutError(url, limits, 'connecting to'));
    }, Math.max(0, deadline - Date.now()));
    req.on('response', (res) => {
      clearTimeout(timer);
      resolve(res);
    });
    req.on('error', (err: NodeJS.ErrnoException) => {
      clearTimeout(timer);
      const why = err.code === 'ECONNREFUSED' ? 'connection refused' : err.code === 'ENOTFOUND' || err.code === 'EAI_AGAIN' ? 'host not found' : (err.code ?? err.message);
      reject(new UsageError(`Unexpected failure fetching ${url.href} (${why}), expected a reachable metrics endpoint`));
    });
    req.end();
  });
}

function decoder(res: IncomingMessage, url: URL): Transform | undefined {
  const encoding = (res.headers['content-encoding'] ?? 'identity').toLowerCase();
  if (encoding === 'identity') return undefined;
  if (encoding === 'gzip' || encoding === 'x-gzip') return createGunzip();
  if (encoding === 'deflate') return createInflate();
  throw new UsageError(`Unexpected Content-Encoding ${encoding} from ${url.href}, expected gzip, deflate or none`);
}

function readBody(res: IncomingMessage, url: URL, deadline: number, limits: FetchLimits): Promise<string> {
  const declared = res.headers['content-length'] === undefined ? undefined : Number(res.headers['content-length']);
  if (declared !== undefined && declared > limits.maxBytes) {
    res.destroy();
    return Promise.reject(new UsageError(`Unexpected body of ${mib(declared)} from ${url.href}, expected at most ${mib(limits.maxBytes)} (--max-bytes)`));
  }
  return new Promise((resolve, reject) => {
    let unzip: Transform | undefined;
    try {
      unzip = decoder(res, url);
    } catch (err) {
      res.destroy();
      reject(err);
      return;
    }
    let sent = 0;
    let decoded = 0;
    const chunks: Buffer[] = [];
    let settled = false;
    const fail = (err: UsageError) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      res.destroy();
      unzip?.destroy();
      reject(err);
    };
    const timer = setTimeout(() => fail(timeoutError(url, limits, 'reading the body of')), Math.max(0, deadline - Date.now()));
    const onDecoded = (chunk: Buffer) => {
      decoded += chunk.length;
      if (decoded > limits.maxBytes) fail(new UsageError(`Unexpected body over ${mib(limits.maxBytes)} after decompression from ${url.href}, expected at most ${mib(limits.maxBytes)} (--max-bytes)`));
      else chunks.push(chunk);
    };
    const finish = () => {
      if (settled) return;
      if (declared !== undefined && sent < declared) {
        fail(new UsageError(`Unexpected end of the body from ${url.href} after ${sent} of ${declared} bytes, expected the whole body (the connection closed early)`));
        return;
      }
      settled = true;
      clearTimeout(timer);
      resolve(new TextDecoder('utf-8').decode(Buffer.concat(chunks)));
    };
    res.on('data', (chunk: Buffer) => {
      sent += chunk.length;
      if (sent > limits.maxBytes) fail(new UsageError(`Unexpected body over ${mib(limits.maxBytes)} from ${url.href}, expected at most ${mib(limits.maxBytes)} (--max-bytes)`));
    });
    // A connection reset or closed before the body ended: `aborted` (Node 20) or an error on the stream.
    res.on('aborted', () => fail(new UsageError(`Unexpected end of the body from ${url.href} after ${sent} bytes, expected the whole body (the connection closed early)`)));
    res.on('error', () => fail(new UsageError(`Unexpected end of the body from ${url.href} after ${sent} bytes, expected the whole body (the connection closed early)`)));
    if (unzip) {
      unzip.on('data', onDecoded);
      unzip.on('end', finish);
      unzip.on('error', (err: Error) => fail(new UsageError(`Unexpected compressed body from ${url.href} (${err.message}), expected valid ${res.headers['content-encoding']} data`)));
      res.pipe(unzip);
    } else {
      res.on('data', onDecoded);
      res.on('end', finish);
    }
  });
}
