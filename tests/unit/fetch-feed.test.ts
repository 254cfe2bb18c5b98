import { describe, expect, it } from 'vitest';
import { describeFetchError, downloadFeed } from '../../lib/feed/fetch-feed';
import { translator } from '../../lib/i18n/strings';

const options = { timeoutMs: 200, maxBytes: 1000 };

describe('downloadFeed', () => {
  it('sends the cache validators and treats 304 as not modified', async () => {
    let seen: Headers | undefined;
    const fetchImpl: typeof fetch = async (_url, init) => {
      seen = new Headers(init?.headers);
      return new Response(null, { status: 304 });
    };
    const result = await downloadFeed(
      'https://feed.invalid/f.json',
      { etag: '"abc"', lastModified: 'Wed, 21 Oct 2026 07:28:00 GMT' },
      { ...options, fetchImpl },
    );
    expect(result).toEqual({ kind: 'not-modified' });
    expect(seen?.get('If-None-Match')).toBe('"abc"');
    expect(seen?.get('If-Modified-Since')).toBe('Wed, 21 Oct 2026 07:28:00 GMT');
  });

  it('returns the JSON and the new validators', async () => {
    const fetchImpl: typeof fetch = async () =>
      new Response('{"a":1}', { headers: { ETag: '"v2"', 'Last-Modified': 'x' } });
    const result = await downloadFeed('https://feed.invalid/f.json', {}, { ...options, fetchImpl });
    expect(result).toEqual({
      kind: 'downloaded',
      json: { a: 1 },
      validators: { etag: '"v2"', lastModified: 'x' },
    });
  });

  it('reports HTTP errors with their status', async () => {
    const fetchImpl: typeof fetch = async () =>
      new Response('nope', { status: 503, statusText: 'Service Unavailable' });
    const result = await downloadFeed('https://feed.invalid/f.json', {}, { ...options, fetchImpl });
    expect(result).toEqual({
      kind: 'failed',
      error: { kind: 'http', status: 503, statusText: 'Service Unavailable' },
    });
    if (result.kind === 'failed') {
      expect(describeFetchError(result.error, translator('en'))).toContain('HTTP 503');
      expect(describeFetchError(result.error, translator('es'))).toContain('respondió HTTP 503');
    }
  });

  it('stops reading a body past the byte cap, even without Content-Length', async () => {
    let pulled = 0;
    const endless = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled += 1;
        controller.enqueue(new Uint8Array(400).fill(32));
      },
    });
    const fetchImpl: typeof fetch = async () => new Response(endless);
    const result = await downloadFeed('https://feed.invalid/f.json', {}, { ...options, fetchImpl });
    expect(result).toEqual({ kind: 'failed', error: { kind: 'too-large', maxBytes: 1000 } });
    expect(pulled).toBeLessThan(10);
  });

  it('times out a server that never answers', async () => {
    const fetchImpl: typeof fetch = (_url, init) =>
      new Promise((_resolve, reject) => {
        init?.signal?.addEventListener('abort', () =>
          reject(new DOMException('aborted', 'AbortError')),
        );
      });
    const result = await downloadFeed('https://feed.invalid/f.json', {}, { ...options, fetchImpl });
    expect(result).toEqual({ kind: 'failed', error: { kind: 'timeout', ms: 200 } });
  });

  it('reports network errors and non-JSON bodies', async () => {
    const offline: typeof fetch = async () => {
      throw new TypeError('Failed to fetch');
    };
    expect(await downloadFeed('https://f.invalid', {}, { ...options, fetchImpl: offline })).toEqual(
      {
        kind: 'failed',
        error: { kind: 'network', message: 'Failed to fetch' },
      },
    );
    const html: typeof fetch = async () => new Response('<html>login</html>');
    const result = await downloadFeed('https://f.invalid', {}, { ...options, fetchImpl: html });
    expect(result.kind === 'failed' && result.error.kind).toBe('not-json');
  });
});

describe('downloadFeed authentication', () => {
  it('sends a bearer token only when one is configured', async () => {
    const seen: Headers[] = [];
    const fetchImpl: typeof fetch = async (_url, init) => {
      seen.push(new Headers(init?.headers));
      return new Response('{}');
    };
    await downloadFeed('https://f.invalid', {}, { ...options, fetchImpl, bearerToken: 'tok' });
    await downloadFeed('https://f.invalid', {}, { ...options, fetchImpl });
    expect(seen[0]?.get('Authorization')).toBe('Bearer tok');
    expect(seen[1]?.get('Authorization')).toBeNull();
  });
});
