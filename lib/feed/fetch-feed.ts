import type { Translate } from '../i18n/strings';
import type { FeedProblem } from './schema';

export type FeedFetchError =
  | { kind: 'http'; status: number; statusText: string }
  | { kind: 'network'; message: string }
  | { kind: 'timeout'; ms: number }
  | { kind: 'too-large'; maxBytes: number }
  | { kind: 'not-json'; message: string }
  | { kind: 'validation'; problems: FeedProblem[] }
  | { kind: 'storage'; message: string }
  | { kind: 'not-signed-in' };

export interface CacheValidators {
  etag?: string;
  lastModified?: string;
}

export type FeedDownload =
  | { kind: 'not-modified' }
  | { kind: 'downloaded'; json: unknown; validators: CacheValidators }
  | { kind: 'failed'; error: FeedFetchError };

export interface DownloadOptions {
  timeoutMs: number;
  maxBytes: number;
  /** Send the district's cookies (single sign-on) with the request. */
  withCredentials?: boolean;
  bearerToken?: string;
  fetchImpl?: typeof fetch;
}

/**
 * Downloads the feed with a conditional request, a timeout that covers the whole body, and a
 * byte cap enforced while streaming so an oversized or endless response cannot exhaust memory.
 */
export async function downloadFeed(
  url: string,
  validators: CacheValidators,
  options: DownloadOptions,
): Promise<FeedDownload> {
  const fetchImpl = options.fetchImpl ?? fetch;
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), options.timeoutMs);
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (validators.etag) headers['If-None-Match'] = validators.etag;
  if (validators.lastModified) headers['If-Modified-Since'] = validators.lastModified;
  if (options.bearerToken) headers.Authorization = `Bearer ${options.bearerToken}`;
  try {
    const response = await fetchImpl(url, {
      headers,
      signal: controller.signal,
      cache: 'no-store',
      credentials: options.withCredentials ? 'include' : 'omit',
      redirect: 'follow',
    });
    if (response.status === 304) return { kind: 'not-modified' };
    if (!response.ok) {
      return {
        kind: 'failed',
        error: { kind: 'http', status: response.status, statusText: response.statusText },
      };
    }
    const declared = Number(response.headers.get('Content-Length') ?? Number.NaN);
    if (declared > options.maxBytes) {
      controller.abort();
      return { kind: 'failed', error: { kind: 'too-large', maxBytes: options.maxBytes } };
    }
    const body = await readCapped(response, options.maxBytes);
    if (body === null) {
      controller.abort();
      return { kind: 'failed', error: { kind: 'too-large', maxBytes: options.maxBytes } };
    }
    let json: unknown;
    try {
      json = JSON.parse(body);
    } catch (error) {
      return { kind: 'failed', error: { kind: 'not-json', message: messageOf(error) } };
    }
    return {
      kind: 'downloaded',
      json,
      validators: {
        etag: response.headers.get('ETag') ?? undefined,
        lastModified: response.headers.get('Last-Modified') ?? undefined,
      },
    };
  } catch (error) {
    if (controller.signal.aborted) {
      return { kind: 'failed', error: { kind: 'timeout', ms: options.timeoutMs } };
    }
    return { kind: 'failed', error: { kind: 'network', message: messageOf(error) } };
  } finally {
    clearTimeout(timer);
  }
}

/** Returns the body as text, or null as soon as it grows past maxBytes. */
async function readCapped(response: Response, maxBytes: number): Promise<string | null> {
  if (!response.body) return '';
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel();
      return null;
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return new TextDecoder('utf-8').decode(bytes);
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** One sentence a person can act on, in the user's language. */
export function describeFetchError(error: FeedFetchError, t: Translate): string {
  switch (error.kind) {
    case 'http':
      return t('error.http', { status: `${error.status} ${error.statusText}`.trim() });
    case 'network':
    case 'not-json':
    case 'storage':
      return t(`error.${error.kind}`, { message: error.message });
    case 'timeout':
      return t('error.timeout', { seconds: Math.round(error.ms / 1000) });
    case 'too-large':
      return t('error.too-large', { mb: Math.round(error.maxBytes / 1_048_576) });
    case 'validation':
      return t('error.validation', { count: error.problems.length });
    case 'not-signed-in':
      return t('error.not-signed-in');
  }
}
