/**
 * A tiny dependency-free server for the demo pages and the demo district feed.
 *
 *   GET /            tests/demo/pages/index.html
 *   GET /<file>      tests/demo/pages/<file>
 *   GET /feed.json   public/demo-feed.json, or a failing feed depending on the feed mode
 *
 * Run `npx tsx tests/demo/server.ts [port]` (default port 8765, or $PORT) to serve until Ctrl-C,
 * or import `startDemoServer()` from tests. Binds 127.0.0.1 only.
 */
import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, resolve, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export type FeedMode = 'good' | 'broken' | 'error-500' | 'not-json' | 'custom';

export interface DemoServer {
  /** Base URL without a trailing slash, e.g. `http://127.0.0.1:41234`. */
  url: string;
  port: number;
  setFeedMode(mode: FeedMode): void;
  /** Serves this feed (mode 'custom') until the mode changes. */
  setFeed(feed: unknown): void;
  /** "METHOD path" for every request received, in order (path includes any query string). */
  requests: string[];
  close(): Promise<void>;
}

export const PAGES_DIR = fileURLToPath(new URL('./pages/', import.meta.url));
export const DEMO_FEED_PATH = fileURLToPath(
  new URL('../../public/demo-feed.json', import.meta.url),
);

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.json': 'application/json',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
};

type Json = Record<string, unknown>;

function isRecord(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * The demo feed with schema violations at known paths, so error reporting can be checked:
 * - `students[0].plan.reviewDate` is "2027-13-45" (not a calendar date)
 * - `students[1].name.family` is missing
 * - `students[2].accommodations[0]` has neither a code nor text
 * - `students[3].classIds[0]` names a class that is not listed (zod reports this cross-check
 *   only once the other problems are gone)
 * - `generatedAt` has no offset
 */
export function buildBrokenFeed(good: unknown): unknown {
  const feed: unknown = structuredClone(good);
  if (!isRecord(feed) || !Array.isArray(feed.students)) {
    throw new Error('The demo feed has no students array');
  }
  const student = (index: number): Json => {
    const value: unknown = (feed.students as unknown[])[index];
    if (!isRecord(value)) throw new Error(`The demo feed has no student ${index}`);
    return value;
  };
  feed.generatedAt = '2026-11-20 06:00';

  const plan = student(0).plan;
  if (isRecord(plan)) plan.reviewDate = '2027-13-45';

  const name = student(1).name;
  if (isRecord(name)) delete name.family;

  const accommodations = student(2).accommodations;
  if (Array.isArray(accommodations)) {
    accommodations[0] = { id: 'broken-acc-1', details: 'Neither a catalog code nor text' };
  }

  const classIds = student(3).classIds;
  if (Array.isArray(classIds)) classIds[0] = 'rb-ms-no-such-class';

  return feed;
}

const NOT_JSON_BODY = `<!doctype html>
<html lang="en">
  <head><meta charset="utf-8" /><title>Sign in</title></head>
  <body><h1>Riverbend single sign-on</h1><p>Your session has expired. Please sign in again.</p></body>
</html>
`;

function etagOf(body: Buffer | string): string {
  return `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`;
}

function ifNoneMatchHits(header: string | undefined, etag: string): boolean {
  if (header === undefined) return false;
  return header
    .split(',')
    .map((tag) => tag.trim().replace(/^W\//, ''))
    .some((tag) => tag === etag || tag === '*');
}

function send(
  req: IncomingMessage,
  res: ServerResponse,
  status: number,
  headers: Record<string, string>,
  body: Buffer | string,
): void {
  const bytes = typeof body === 'string' ? Buffer.from(body, 'utf8') : body;
  res.writeHead(status, { 'Content-Length': String(bytes.length), ...headers });
  res.end(req.method === 'HEAD' ? undefined : bytes);
}

function serveFeed(
  req: IncomingMessage,
  res: ServerResponse,
  mode: FeedMode,
  customBody: string,
): void {
  const common = { 'Cache-Control': 'no-cache', 'Access-Control-Allow-Origin': '*' };
  switch (mode) {
    case 'custom':
      send(
        req,
        res,
        200,
        { ...common, 'Content-Type': 'application/json', ETag: etagOf(customBody) },
        customBody,
      );
      return;
    case 'good': {
      const body = readFileSync(DEMO_FEED_PATH);
      const etag = etagOf(body);
      const lastModified = statSync(DEMO_FEED_PATH).mtime.toUTCString();
      const headers = { ...common, ETag: etag, 'Last-Modified': lastModified };
      const inm = req.headers['if-none-match'];
      const ims = req.headers['if-modified-since'];
      const notModified =
        inm !== undefined
          ? ifNoneMatchHits(inm, etag)
          : ims !== undefined && Date.parse(ims) >= Date.parse(lastModified);
      if (notModified) {
        res.writeHead(304, headers);
        res.end();
        return;
      }
      send(req, res, 200, { ...headers, 'Content-Type': 'application/json' }, body);
      return;
    }
    case 'broken': {
      const good: unknown = JSON.parse(readFileSync(DEMO_FEED_PATH, 'utf8'));
      const body = `${JSON.stringify(buildBrokenFeed(good), null, 2)}\n`;
      send(
        req,
        res,
        200,
        { ...common, 'Content-Type': 'application/json', ETag: etagOf(body) },
        body,
      );
      return;
    }
    case 'error-500':
      send(
        req,
        res,
        500,
        { ...common, 'Content-Type': 'text/plain; charset=utf-8' },
        'Internal Server Error\n',
      );
      return;
    case 'not-json':
      send(req, res, 200, { ...common, 'Content-Type': 'text/html; charset=utf-8' }, NOT_JSON_BODY);
      return;
  }
}

function servePage(req: IncomingMessage, res: ServerResponse, pathname: string): void {
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    send(req, res, 400, { 'Content-Type': 'text/plain; charset=utf-8' }, 'Bad request\n');
    return;
  }
  const relative = decoded === '/' ? 'index.html' : decoded.replace(/^\/+/, '');
  const file = resolve(PAGES_DIR, relative);
  const inside = file.startsWith(PAGES_DIR.endsWith(sep) ? PAGES_DIR : PAGES_DIR + sep);
  let body: Buffer | undefined;
  if (inside && !relative.includes('\0')) {
    try {
      if (statSync(file).isFile()) body = readFileSync(file);
    } catch {
      body = undefined;
    }
  }
  if (body === undefined) {
    send(
      req,
      res,
      404,
      { 'Content-Type': 'text/html; charset=utf-8' },
      '<!doctype html><meta charset="utf-8"><title>Not found</title>' +
        '<p>Not part of the demo. <a href="/">Back to the demo pages</a></p>\n',
    );
    return;
  }
  const type = CONTENT_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream';
  send(req, res, 200, { 'Content-Type': type, 'Cache-Control': 'no-store' }, body);
}

export function startDemoServer({ port = 0 }: { port?: number } = {}): Promise<DemoServer> {
  let mode: FeedMode = 'good';
  let customBody = '{}';
  const requests: string[] = [];

  const server = createServer((req, res) => {
    const method = req.method ?? 'GET';
    const rawPath = req.url ?? '/';
    requests.push(`${method} ${rawPath}`);
    if (method !== 'GET' && method !== 'HEAD') {
      send(req, res, 405, { Allow: 'GET, HEAD', 'Content-Type': 'text/plain; charset=utf-8' }, '');
      return;
    }
    const { pathname } = new URL(rawPath, 'http://127.0.0.1');
    if (pathname === '/feed.json') serveFeed(req, res, mode, customBody);
    else servePage(req, res, pathname);
  });

  return new Promise((resolvePromise, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      server.off('error', reject);
      const address = server.address() as AddressInfo;
      const url = `http://127.0.0.1:${address.port}`;
      resolvePromise({
        url,
        port: address.port,
        requests,
        setFeedMode(next: FeedMode) {
          mode = next;
        },
        setFeed(feed: unknown) {
          customBody = `${JSON.stringify(feed)}\n`;
          mode = 'custom';
        },
        close() {
          return new Promise<void>((done, fail) => {
            server.close((error) => (error ? fail(error) : done()));
            server.closeAllConnections();
          });
        },
      });
    });
  });
}

const DEFAULT_CLI_PORT = 8765;

function isMainModule(): boolean {
  const entry = process.argv[1];
  if (entry === undefined) return false;
  try {
    return import.meta.url === pathToFileURL(resolve(entry)).href;
  } catch {
    return false;
  }
}

if (isMainModule()) {
  const requested = Number(process.argv[2] ?? process.env.PORT ?? DEFAULT_CLI_PORT);
  const port = Number.isInteger(requested) ? requested : DEFAULT_CLI_PORT;
  const demo = await startDemoServer({ port }).catch((error: NodeJS.ErrnoException) => {
    if (error.code !== 'EADDRINUSE') throw error;
    console.warn(`Port ${port} is in use; picking a free one.`);
    return startDemoServer();
  });
  console.log(`PlainSight demo server: ${demo.url}/`);
  console.log(`  feed:  ${demo.url}/feed.json`);
  console.log('  pages: canvas-people.html, infinite-campus-gradebook.html, moodle-grader.html');
  const stop = () => {
    void demo.close().then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}
