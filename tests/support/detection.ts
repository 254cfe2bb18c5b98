/**
 * Detection pages: every saved-page fixture (tests/fixtures/<platform>/<page>.json + .html) and
 * every page of ../shared/real-pages (rendered by real school systems, with a .truth.json), in
 * one shape; the invented feed each page is checked against; and a local server that serves a
 * page at its real path on a per-platform `.test` host. Used by the detection report, the
 * end-to-end detection tests and the DOM adapter tests.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { basename, join, resolve } from 'node:path';
import { Feed, type IdSystem, PLATFORMS, type Platform } from '../../lib/feed/schema';
import { RosterMatcher } from '../../lib/matching/roster-matcher';
import type { RosterMatch } from '../../lib/messages/protocol';
import { adapterFor } from '../../lib/sites/registry';
import type { PageCandidate } from '../../lib/sites/types';
import { makeFeed, makeStudent } from './feed-factory';

export const REPO_ROOT = resolve(import.meta.dirname, '../..');
export const FIXTURES_DIR = resolve(REPO_ROOT, 'tests/fixtures');
/** Pages rendered by real systems, beside the repository; PLAINSIGHT_REAL_PAGES points elsewhere. */
export const REAL_PAGES_DIR = resolve(
  REPO_ROOT,
  process.env.PLAINSIGHT_REAL_PAGES ?? '../shared/real-pages',
);

export type PlatformIds = Partial<Record<IdSystem, string>>;

/** A student the page shows, as a fixture JSON names them. */
export interface ExpectedStudent {
  name: string;
  given: string;
  family: string;
  preferred?: string;
  middle?: string;
  ids?: PlatformIds;
  /** How the page writes the name, when known (real pages). */
  formsSeen?: string[];
}

/** One HTML document of a page: the top document or a frame, at its path on the page's host. */
export interface PageDocument {
  /** Path and query, e.g. `/user/index.php?id=3`. */
  path: string;
  file: string;
}

export interface DetectionPage {
  /** `<platform>/<page>` for fixtures, `real/<page>` for the shared real pages. */
  key: string;
  source: 'fixture' | 'real';
  platform: Platform;
  /** The page's real URL (a district host for fixtures). */
  url: string;
  /** Path and query of the document the browser opens. */
  entry: string;
  /** The top document first, then its frames. */
  documents: PageDocument[];
  students: ExpectedStudent[];
  nonStudents: string[];
}

export interface SkippedPages {
  what: string;
  reason: string;
}

export interface DetectionPages {
  pages: DetectionPage[];
  skipped: SkippedPages[];
}

/** The fixture JSON format (tests/fixtures/<platform>/<page>.json). */
interface FixtureJson {
  url: string;
  platform: Platform;
  students: ExpectedStudent[];
  nonStudents?: string[];
  frames?: Record<string, string>;
  /**
   * The outer page when the app runs inside a frame (openSIS): served at `url`, with each of
   * its iframes' `src` serving this fixture's HTML.
   */
  top?: { url: string; html: string };
}

interface TruthPerson {
  name: string;
  id: string;
  visible?: boolean;
  forms_seen?: string[];
}

interface TruthJson {
  url: string;
  top_url?: string;
  students: TruthPerson[];
  teachers?: TruthPerson[];
}

/** Path and query of a URL, the key the server routes on. */
export function pathOf(url: URL): string {
  return `${url.pathname}${url.search}`;
}

function readJson<T>(file: string): T {
  return JSON.parse(readFileSync(file, 'utf8')) as T;
}

function isPlatform(value: unknown): value is Platform {
  return typeof value === 'string' && (PLATFORMS as readonly string[]).includes(value);
}

function jsonFilesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((name) => name.endsWith('.json'))
    .map((name) => join(dir, name))
    .sort();
}

export function fixturePage(jsonFile: string): DetectionPage {
  const fixture = readJson<FixtureJson>(jsonFile);
  const dir = resolve(jsonFile, '..');
  const name = basename(jsonFile, '.json');
  const key = `${basename(dir)}/${name}`;
  if (!isPlatform(fixture.platform)) {
    throw new Error(`${key}.json: unknown platform "${String(fixture.platform)}"`);
  }
  const url = new URL(fixture.url);
  const html = resolve(dir, `${name}.html`);
  const frames = Object.entries(fixture.frames ?? {}).map(([src, file]) => ({
    path: pathOf(new URL(src, url)),
    file: resolve(dir, file),
  }));
  const framed = fixture.top
    ? framedDocuments(resolve(dir, fixture.top.html), fixture.top.url, html)
    : undefined;
  return {
    key,
    source: 'fixture',
    platform: fixture.platform,
    url: url.href,
    entry: framed?.entry ?? pathOf(url),
    documents: [...(framed?.documents ?? [{ path: pathOf(url), file: html }]), ...frames],
    students: fixture.students,
    nonStudents: fixture.nonStudents ?? [],
  };
}

export function listFixturePages(dir = FIXTURES_DIR): DetectionPage[] {
  return jsonFilesUnder(dir).map(fixturePage);
}

const IFRAME_SRC = /<iframe\b[^>]*\bsrc\s*=\s*["']([^"']+)["']/gi;

function decodeAttribute(value: string): string {
  return value
    .replace(/&amp;/g, '&')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'");
}

/** The `src` of every iframe in a saved page (openSIS wraps its app in one). */
export function iframeSources(html: string): string[] {
  return [...html.matchAll(IFRAME_SRC)].map((match) => decodeAttribute(match[1] ?? ''));
}

/**
 * An outer page that frames the app (openSIS): the outer page at its URL, the framed document
 * at each iframe's `src`.
 */
function framedDocuments(
  topFile: string,
  topUrl: string,
  framedFile: string,
): { entry: string; documents: PageDocument[] } {
  const top = new URL(topUrl);
  const frames = iframeSources(readFileSync(topFile, 'utf8')).map((src) => ({
    path: pathOf(new URL(src, top)),
    file: framedFile,
  }));
  return { entry: pathOf(top), documents: [{ path: pathOf(top), file: topFile }, ...frames] };
}

/** "Armijo Gurule, Diego" → given "Diego", family "Armijo Gurule". */
function splitLastFirst(form: string): { given: string; family: string } | undefined {
  const parts = form.split(',').map((part) => part.replace(/\s+/g, ' ').trim());
  if (parts.length !== 2 || !parts[0] || !parts[1]) return undefined;
  return { given: parts[1], family: parts[0] };
}

/** "Julio Delgadillo Esquibel" → given "Julio Delgadillo", family "Esquibel". */
export function splitLastWord(name: string): { given: string; family: string } {
  const words = name.replace(/\s+/g, ' ').trim().split(' ');
  const family = words.pop() ?? '';
  return { given: words.join(' ') || family, family };
}

/** Letters only, lower case: "openSIS Classic CE" → "opensisclassicce". */
function letters(text: string): string {
  return text.toLowerCase().replace(/[^a-z]/g, '');
}

/**
 * The platform a real page comes from: its file name starts with it (`opensis-…`), else the
 * system index.json names for it ("openSIS Classic CE"). A page of any other system is read as
 * a district's own site, by the generic finder.
 */
function realPlatform(page: string, system: string | undefined): Platform {
  const known = PLATFORMS.filter((platform) => platform !== 'other');
  return (
    known.find((platform) => page.startsWith(`${platform}-`)) ??
    known.find(
      (platform) => system !== undefined && letters(system).startsWith(letters(platform)),
    ) ??
    'other'
  );
}

interface IndexEntry {
  page: string;
  system?: string;
}

/** index.json's system of each page, when the folder has one. */
function indexedSystems(dir: string): Map<string, string> {
  const file = join(dir, 'index.json');
  if (!existsSync(file)) return new Map();
  const entries = readJson<unknown>(file);
  if (!Array.isArray(entries)) return new Map();
  return new Map(
    (entries as IndexEntry[])
      .filter((entry) => typeof entry?.page === 'string' && typeof entry.system === 'string')
      .map((entry) => [entry.page, entry.system as string]),
  );
}

/** Ids are shared by the pages of one platform; pages of unknown systems keep their own. */
function formKey(page: string, platform: Platform, id: string): string {
  return platform === 'other' ? `${page}:${id}` : `${platform}:${id}`;
}

/** Per platform, the "Last, First" form each student id is written in on any page. */
function lastFirstForms(
  truths: Map<string, TruthJson>,
  platforms: Map<string, Platform>,
): Map<string, string> {
  const forms = new Map<string, string>();
  for (const [page, truth] of truths) {
    for (const student of truth.students) {
      const form = student.forms_seen?.find((f) => splitLastFirst(f));
      if (form) forms.set(formKey(page, platforms.get(page) ?? 'other', student.id), form);
    }
  }
  return forms;
}

function realPage(
  dir: string,
  page: string,
  truth: TruthJson,
  platform: Platform,
  forms: Map<string, string>,
): DetectionPage {
  const url = new URL(truth.url);
  const htmlFile = join(dir, `${page}.html`);
  const topFile = join(dir, `${page}.top.html`);
  let entry = pathOf(url);
  let documents: PageDocument[] = [{ path: entry, file: htmlFile }];
  if (existsSync(topFile)) {
    ({ entry, documents } = framedDocuments(
      topFile,
      new URL(truth.top_url ?? '/index.php', url).href,
      htmlFile,
    ));
  }
  const students = truth.students
    // A student the page holds but does not show is not expected: a marker for them is wrong.
    .filter((student) => student.visible !== false)
    .map((student): ExpectedStudent => {
      const lastFirst = forms.get(formKey(page, platform, student.id));
      const parts = (lastFirst && splitLastFirst(lastFirst)) || splitLastWord(student.name);
      return {
        name: student.name,
        ...parts,
        ...(platform === 'other' ? {} : { ids: { [platform]: student.id } }),
        formsSeen: student.forms_seen ?? [],
      };
    });
  return {
    key: `real/${page}`,
    source: 'real',
    platform,
    url: url.href,
    entry,
    documents,
    students,
    nonStudents: (truth.teachers ?? []).map((teacher) => teacher.name),
  };
}

/** The shared real pages, or why there are none (e.g. on a user's machine). */
export function listRealPages(dir = REAL_PAGES_DIR): DetectionPages {
  if (!existsSync(dir)) {
    return {
      pages: [],
      skipped: [{ what: 'real pages', reason: `${dir} is absent; its pages were not checked` }],
    };
  }
  const truths = new Map<string, TruthJson>();
  for (const file of readdirSync(dir)
    .filter((f) => f.endsWith('.truth.json'))
    .sort()) {
    truths.set(basename(file, '.truth.json'), readJson<TruthJson>(join(dir, file)));
  }
  const systems = indexedSystems(dir);
  const platforms = new Map(
    [...truths.keys()].map((page) => [page, realPlatform(page, systems.get(page))]),
  );
  const forms = lastFirstForms(truths, platforms);
  const pages: DetectionPage[] = [];
  const skipped: SkippedPages[] = [];
  for (const [page, truth] of truths) {
    if (existsSync(join(dir, `${page}.html`))) {
      pages.push(realPage(dir, page, truth, platforms.get(page) ?? 'other', forms));
    } else skipped.push({ what: `real/${page}`, reason: `${page}.html is missing` });
  }
  return { pages, skipped };
}

/** Every detection page: fixtures first, then the real pages when they are there. */
export function listDetectionPages(
  options: { fixturesDir?: string; realPagesDir?: string } = {},
): DetectionPages {
  const real = listRealPages(options.realPagesDir);
  return {
    pages: [...listFixturePages(options.fixturesDir), ...real.pages],
    skipped: real.skipped,
  };
}

export function readDocument(document: PageDocument): string {
  return readFileSync(document.file, 'utf8');
}

// --- The invented feed -------------------------------------------------------------------------

/** The `.test` host a platform's pages are served on (the test browser maps *.test locally). */
export function testHost(platform: Platform): string {
  return `${platform}.test`;
}

/** Feed student id of the page's n-th expected student. */
export function expectedStudentId(index: number): string {
  return `page-student-${index + 1}`;
}

const DECOY_GIVEN = ['Perpetua', 'Oswin', 'Wrenna', 'Lucan', 'Ottoline', 'Berengar'];
const DECOY_FAMILY = ['Quillfeather', 'Thistlewood', 'Marchbanks', 'Zabrowski', 'Fennimore'];

function mentions(haystack: string, given: string, family: string): boolean {
  return (
    haystack.includes(`${given} ${family}`.toLowerCase()) ||
    haystack.includes(`${family}, ${given}`.toLowerCase())
  );
}

/** Invented students who are not on the page, one sharing a first name, one a surname. */
function decoyNames(page: DetectionPage, pageText: string): { given: string; family: string }[] {
  const free = (given: string, family: string) => !mentions(pageText, given, family);
  const pick = (fixed: Partial<{ given: string; family: string }>) => {
    for (const given of fixed.given ? [fixed.given] : DECOY_GIVEN) {
      for (const family of fixed.family ? [fixed.family] : DECOY_FAMILY) {
        if (free(given, family)) return [{ given, family }];
      }
    }
    return [];
  };
  const [first, second = first] = page.students;
  return [
    ...(first ? pick({ given: first.given }) : []),
    ...(second ? pick({ family: second.family }) : []),
    ...pick({ given: 'Oswin' }),
    ...pick({ family: 'Marchbanks' }),
  ];
}

/** An id the page's markup does not contain, so a decoy never matches a row by id. */
function freeId(pageText: string, seed: number): string {
  let id = 990_000 + seed;
  while (pageText.includes(String(id))) id += 97;
  return String(id);
}

export interface PageFeed {
  feed: Feed;
  host: string;
  /** Feed student ids of the page's expected students, in page order. */
  expectedIds: string[];
}

/**
 * One invented feed (version 1) for a page: its expected students plus decoys who are not on
 * it, and the page platform's `.test` host in `sites`.
 */
export function buildPageFeed(page: DetectionPage): PageFeed {
  const pageText = page.documents.map(readDocument).join('\n').toLowerCase();
  const expectedIds = page.students.map((_, index) => expectedStudentId(index));
  const students = page.students.map((student, index) =>
    makeStudent(expectedIds[index] as string, student.given, student.family, {
      name: {
        given: student.given,
        family: student.family,
        ...(student.middle ? { middle: student.middle } : {}),
        ...(student.preferred ? { preferred: student.preferred } : {}),
      },
      ...(student.ids ? { platformIds: student.ids } : {}),
    }),
  );
  const decoys = decoyNames(page, pageText).map(({ given, family }, index) =>
    makeStudent(`decoy-${index + 1}`, given, family, {
      ...(page.platform === 'other'
        ? {}
        : { platformIds: { [page.platform]: freeId(pageText, index + 1) } }),
    }),
  );
  const host = testHost(page.platform);
  const feed = Feed.parse(
    makeFeed([...students, ...decoys], {
      district: {
        id: 'detection-test',
        name: `Detection test: ${page.key}`.slice(0, 160),
        timezone: 'America/Chicago',
      },
      sites: [{ host, platform: page.platform }],
    }),
  );
  return { feed, host, expectedIds };
}

// --- Offline matching (happy-dom) --------------------------------------------------------------

/**
 * A saved page without what happy-dom would try (and fail, loudly) to load: styles and frames
 * (frames are separate documents of the page anyway). A `<base>` gives it the URL it was served
 * at, so relative links resolve as in the browser.
 */
export function inertHtml(html: string, url?: URL): string {
  const inert = html.replace(/<link\b[^>]*>/gi, '').replace(/<(\/?)iframe\b/gi, '<$1saved-iframe');
  if (!url || /<base\b/i.test(inert)) return inert;
  const base = `<base href="${url.href.replace(/&/g, '&amp;').replace(/"/g, '&quot;')}">`;
  return /<head\b[^>]*>/i.test(inert)
    ? inert.replace(/<head\b[^>]*>/i, (head) => `${head}${base}`)
    : `${base}${inert}`;
}

export interface OfflineCandidate {
  text: string;
  ids?: PlatformIds;
  answer: RosterMatch;
}

/**
 * Runs the page's adapter over each of its documents, parsed by `parse`, and matches every
 * candidate with a RosterMatcher over the page's feed, as the background would.
 */
export function matchOffline(
  page: DetectionPage,
  feed: Feed,
  parse: (html: string, url: URL) => Document,
): OfflineCandidate[] {
  const matcher = new RosterMatcher(feed.students);
  const origin = new URL(page.url).origin;
  return page.documents.flatMap((document) => {
    const url = new URL(document.path, origin);
    const doc = parse(readDocument(document), url);
    const candidates: PageCandidate[] = adapterFor(url, page.platform).findCandidates(doc);
    return candidates.map(({ text, ids }) => ({
      text,
      ...(ids ? { ids } : {}),
      answer: matcher.match({ text, ids }),
    }));
  });
}

// --- The local server --------------------------------------------------------------------------

export interface ServedPage {
  /** The URL the browser opens: the entry document on the platform's `.test` host. */
  pageUrl: string;
  feedUrl: string;
  feed: PageFeed;
}

export interface DetectionServer {
  port: number;
  /** Serves this page (replacing the previous page of its host) and its feed. */
  serve(page: DetectionPage): ServedPage;
  /** "host path" of every request, in order. */
  requests: string[];
  close(): Promise<void>;
}

function send(res: ServerResponse, status: number, type: string, body: string | Buffer): void {
  const bytes = typeof body === 'string' ? Buffer.from(body, 'utf8') : body;
  res.writeHead(status, {
    'Content-Type': type,
    'Content-Length': String(bytes.length),
    'Cache-Control': 'no-store',
  });
  res.end(bytes);
}

/** Host name of a request without the port. */
function hostOf(req: IncomingMessage): string {
  return (req.headers.host ?? '').replace(/:\d+$/, '').toLowerCase();
}

/**
 * Serves pages by Host header (requests for `<platform>.test` come to 127.0.0.1 in the test
 * browser), each feed at `/feed.json?page=<key>` on any host, and a quick 404 for everything
 * else (saved pages reference scripts and styles that are not available offline).
 */
export function startDetectionServer(): Promise<DetectionServer> {
  const documentsByHost = new Map<string, Map<string, string>>();
  const feeds = new Map<string, string>();
  const requests: string[] = [];
  const server = createServer((req, res) => {
    const host = hostOf(req);
    const url = new URL(req.url ?? '/', 'http://localhost');
    requests.push(`${host} ${pathOf(url)}`);
    if (url.pathname === '/feed.json') {
      const feed = feeds.get(url.searchParams.get('page') ?? '');
      if (feed) send(res, 200, 'application/json', feed);
      else send(res, 404, 'text/plain', 'No such feed\n');
      return;
    }
    const file = documentsByHost.get(host)?.get(pathOf(url));
    if (file) send(res, 200, 'text/html; charset=utf-8', readFileSync(file));
    else send(res, 404, 'text/plain', 'Not found\n');
  });
  return new Promise((resolvePromise, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      resolvePromise({
        port,
        requests,
        serve(page) {
          const pageFeed = buildPageFeed(page);
          const origin = `http://${pageFeed.host}:${port}`;
          documentsByHost.set(
            pageFeed.host,
            new Map(page.documents.map((d) => [pathOf(new URL(d.path, origin)), d.file])),
          );
          feeds.set(page.key, JSON.stringify(pageFeed.feed));
          return {
            pageUrl: `${origin}${page.entry}`,
            feedUrl: `http://127.0.0.1:${port}/feed.json?page=${encodeURIComponent(page.key)}`,
            feed: pageFeed,
          };
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
