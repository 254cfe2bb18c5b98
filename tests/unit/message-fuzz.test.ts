/**
 * Fuzzes the background's single message entry point, `BackgroundController.handleMessage`, with
 * 10,000 random, malformed, near-valid and valid messages from spoofed senders (another
 * extension, no tab, web pages on hosts that are not the district's, javascript:/data:/file:
 * URLs, extension-looking URLs with another id, and our own content script asking for things
 * only our pages may ask for). It must never throw, never answer a spoofed sender with anything
 * about a student, and never change any state: the cached feed, settings, sessions, alarms,
 * content-script registrations, outgoing requests and Object.prototype stay exactly as they were.
 */
import Dexie from 'dexie';
import fc from 'fast-check';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { BackgroundController } from '../../lib/background/controller';
import type { SenderLike } from '../../lib/background/sender';
import { catalogEntry } from '../../lib/catalog/catalog';
import { PlainSightDb } from '../../lib/db/database';
import { type Feed, parseFeed } from '../../lib/feed/schema';
import { commitFeed } from '../../lib/feed/store';
import { ContentRequest } from '../../lib/messages/protocol';
import { readDemoFeed } from '../demo/demo-data';
import { resetFakeExtension } from '../support/fake-extension';

/** Chrome extension ids are 32 letters a–p. */
const OWN_ID = 'plainsightfuzzaaaaaaaaaaaaaaaaaa';
const OTHER_ID = 'ponmlkjihgfedcbaponmlkjihgfedcba';
const OWN_BASE = `chrome-extension://${OWN_ID}/`;
const ALLOWED_PAGE = 'http://127.0.0.1:8765/canvas-people.html';

/** fast-check runs per property: 9,000 from spoofed senders, 1,000 from our own; 10,000 in all. */
const RUNS = {
  anything: 3000,
  nearValid: 3000,
  validFromSpoofed: 2000,
  pageOnlyFromContentScript: 1000,
  fromContentScript: 500,
  fromOwnPages: 500,
} as const;
const SPOOFED_RUNS =
  RUNS.anything + RUNS.nearValid + RUNS.validFromSpoofed + RUNS.pageOnlyFromContentScript;

function demoFeed(): Feed {
  const parsed = parseFeed(readDemoFeed());
  if (!parsed.ok) throw new Error(`demo feed does not parse: ${JSON.stringify(parsed.problems)}`);
  return parsed.feed;
}

const FEED = demoFeed();
const STUDENT = FEED.students[0] as Feed['students'][number];
const OTHER_STUDENT = FEED.students[1] as Feed['students'][number];

/** Every text from the feed that would tell something about a student. */
function studentSecrets(feed: Feed): { ids: string[]; texts: string[] } {
  const ids = new Set<string>();
  const texts = new Set<string>();
  for (const student of feed.students) {
    ids.add(student.id);
    for (const id of Object.values(student.platformIds ?? {})) if (id) ids.add(id);
    texts.add(`${student.name.given} ${student.name.family}`);
    texts.add(`${student.name.family}, ${student.name.given}`);
    if (student.name.preferred) texts.add(`${student.name.preferred} ${student.name.family}`);
    texts.add(student.plan.caseManager.name);
    if (student.plan.caseManager.email) texts.add(student.plan.caseManager.email);
    if (student.plan.caseManager.phone) texts.add(student.plan.caseManager.phone);
    for (const accommodation of student.accommodations) {
      if (accommodation.text) texts.add(accommodation.text);
      if (accommodation.id) ids.add(accommodation.id);
      const catalog = accommodation.code ? catalogEntry(accommodation.code) : undefined;
      if (catalog) {
        texts.add(catalog.text.en.summary);
        texts.add(catalog.text.es.summary);
      }
    }
    for (const service of student.services) {
      ids.add(service.id);
      if (service.label) texts.add(service.label);
      texts.add(service.provider.name);
      if (service.provider.email) texts.add(service.provider.email);
      for (const slot of service.slots ?? []) if (slot.location) texts.add(slot.location);
    }
  }
  return { ids: [...ids], texts: [...texts] };
}

const SECRETS = studentSecrets(FEED);

/** JSON of anything a handler returned (undefined, bigint and cycles included). */
function serialize(value: unknown): string {
  const seen = new WeakSet<object>();
  return (
    JSON.stringify(value, (_key, v: unknown) => {
      if (typeof v === 'bigint') return v.toString();
      if (v === undefined) return '<undefined>';
      if (typeof v === 'object' && v !== null) {
        if (seen.has(v)) return '<cycle>';
        seen.add(v);
      }
      return v;
    }) ?? '<undefined>'
  );
}

/** The student data found in a serialized answer (empty when there is none). */
function studentDataIn(text: string, { withIds }: { withIds: boolean }): string[] {
  const found = SECRETS.texts.filter((secret) => text.includes(secret));
  if (withIds) found.push(...SECRETS.ids.filter((id) => text.includes(id)));
  if (/\b(IEP|504)\b/.test(text)) found.push('plan type');
  return found;
}

// ---------------------------------------------------------------------------------------------
// Senders
// ---------------------------------------------------------------------------------------------

const tab = { id: 7 };

/** Senders the background must never act for. */
const SPOOFED_SENDERS: readonly SenderLike[] = [
  {},
  { tab, frameId: 0 },
  // Another extension: its own page, and its content script on a district host.
  { id: OTHER_ID, url: `chrome-extension://${OTHER_ID}/options.html` },
  { id: OTHER_ID, url: ALLOWED_PAGE, tab, frameId: 0 },
  // Our id with our page's URL but no id, or someone else's id.
  { url: `${OWN_BASE}options.html` },
  { id: OTHER_ID, url: `${OWN_BASE}card.html#AAAAAAAAAAAAAAAAAAAAAAAA`, tab },
  // Our content script without a tab (not a content script at all).
  { id: OWN_ID, url: ALLOWED_PAGE },
  { id: OWN_ID, url: ALLOWED_PAGE, frameId: 0 },
  // Our content script on hosts that are not the district's.
  { id: OWN_ID, url: 'https://evil.example/gradebook', tab, frameId: 0 },
  { id: OWN_ID, url: 'https://127.0.0.1.evil.example/', tab, frameId: 0 },
  { id: OWN_ID, url: 'https://evil-localhost/', tab, frameId: 0 },
  { id: OWN_ID, url: 'http://localhost.evil.example/', tab, frameId: 0 },
  { id: OWN_ID, url: 'http://127.0.0.1@evil.example/', tab, frameId: 0 },
  { id: OWN_ID, url: 'https://evil.example/?next=http://127.0.0.1/', tab, frameId: 0 },
  { id: OWN_ID, url: `https://evil.example/#${OWN_BASE}options.html`, tab, frameId: 0 },
  { id: OWN_ID, url: 'http://127.0.0.2/', tab, frameId: 0 },
  { id: OWN_ID, url: 'http://[::1]/', tab, frameId: 0 },
  // Schemes a content script never runs in, some with an allowed host name in them.
  { id: OWN_ID, url: 'javascript:alert(1)//http://127.0.0.1/', tab, frameId: 0 },
  { id: OWN_ID, url: 'data:text/html,<p>http://127.0.0.1/</p>', tab, frameId: 0 },
  { id: OWN_ID, url: 'file:///home/teacher/roster.html', tab, frameId: 0 },
  { id: OWN_ID, url: 'file://127.0.0.1/roster.html', tab, frameId: 0 },
  { id: OWN_ID, url: 'blob:http://127.0.0.1/6a0d1f52-7e1c-4a39-9b59-0f3a3c1f9a55', tab },
  { id: OWN_ID, url: 'ftp://127.0.0.1/roster.html', tab, frameId: 0 },
  { id: OWN_ID, url: 'ws://127.0.0.1/', tab, frameId: 0 },
  { id: OWN_ID, url: 'about:blank', tab, frameId: 3 },
  { id: OWN_ID, url: 'not a url', tab },
  { id: OWN_ID, url: '', tab },
  // Extension-looking URLs that are not ours.
  { id: OWN_ID, url: `chrome-extension://${OTHER_ID}/options.html`, tab },
  { id: OWN_ID, url: `chrome-extension://${OWN_ID}.evil.example/options.html` },
  { id: OWN_ID, url: `chrome-extension://${OWN_ID}` },
  { id: OWN_ID, url: `chrome-extension://${OWN_ID}evil/options.html` },
  { id: OWN_ID, url: `moz-extension://${OWN_ID}/options.html` },
  { id: OWN_ID, url: `https://${OWN_ID}/options.html`, tab, frameId: 0 },
];

/** Our content script on an allowed district host: it may ask content requests only. */
const CONTENT_SCRIPT: SenderLike = { id: OWN_ID, url: ALLOWED_PAGE, tab, frameId: 0 };
/** Our own options page. */
const OWN_PAGE: SenderLike = { id: OWN_ID, url: `${OWN_BASE}options.html` };

/** Senders of odd shapes (never produced by a browser, but the handler must survive them). */
const oddSender: fc.Arbitrary<SenderLike> = fc
  .record(
    {
      id: fc.oneof(fc.constant(OTHER_ID), fc.string(), fc.anything()),
      url: fc.oneof(
        fc.webUrl({ withQueryParameters: true, withFragments: true }),
        fc.string(),
        fc.anything(),
      ),
      tab: fc.oneof(fc.record({ id: fc.anything() }), fc.anything()),
      frameId: fc.anything(),
      origin: fc.anything(),
    },
    { requiredKeys: [] },
  )
  // A browser-produced sender with our id and an allowed URL and a tab would not be spoofed.
  .filter((sender) => sender.id !== OWN_ID) as fc.Arbitrary<SenderLike>;

const spoofedSender: fc.Arbitrary<SenderLike> = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...SPOOFED_SENDERS) },
  { weight: 1, arbitrary: oddSender },
);

// ---------------------------------------------------------------------------------------------
// Messages
// ---------------------------------------------------------------------------------------------

const VALID_NONCE = 'AbCdEfGhIjKlMnOpQrStUvWx';
const HUGE = 'x'.repeat(1_000_000);
const HUGE_UNICODE = '\u{1F9D1}\u200D\u{1F393}\uFEFF\u202E'.repeat(100_000);
const MANY_CANDIDATES = Array.from({ length: 5001 }, (_, i) => ({ text: `Student ${i}` }));
const NESTED = JSON.parse(`${'{"a":'.repeat(2000)}1${'}'.repeat(2000)}`) as unknown;

/** Own `__proto__`/`constructor` keys, the way JSON.parse (and structured clone) make them. */
const POLLUTERS: unknown[] = [
  JSON.parse('{"__proto__":{"polluted":"yes","type":"data/clear"}}'),
  JSON.parse('{"type":"data/clear","__proto__":{"polluted":"yes"}}'),
  JSON.parse('{"type":"feed/status","constructor":{"prototype":{"polluted":"yes"}}}'),
  JSON.parse(
    '{"type":"feed/set-source","source":{"kind":"url","url":"https://evil.example/feed.json","__proto__":{"polluted":"yes"}}}',
  ),
  JSON.parse(
    '{"type":"roster/match","candidates":[{"text":"Thảo Nguyễn","ids":{"__proto__":{"canvas":"48211"},"constructor":"x"}}]}',
  ),
  JSON.parse('{"type":"card/open","studentId":"__proto__","context":{"pageKind":"other"}}'),
  JSON.parse('{"type":"card/open","studentId":"constructor","context":{"pageKind":"other"}}'),
  JSON.parse('{"type":"card/get-student","studentId":"__proto__"}'),
  JSON.parse('{"type":"settings/set-language","language":"en","__proto__":{"feedSource":null}}'),
  { type: '__proto__' },
  { type: 'constructor' },
  { type: 'toString' },
  { type: 'hasOwnProperty' },
];

const ODD_VALUES: unknown[] = [
  undefined,
  null,
  0,
  -0,
  Number.NaN,
  Number.POSITIVE_INFINITY,
  '',
  'feed/status',
  'data/clear',
  [],
  [{ type: 'data/clear' }],
  {},
  Object.create(null),
  HUGE,
  NESTED,
  new Date(0),
  new Map([['type', 'data/clear']]),
  new Uint8Array(16),
  Symbol('data/clear'),
  () => 'data/clear',
  10n ** 30n,
];

const TYPES = [
  'page/site',
  'privacy/reveal',
  'roster/match',
  'card/open',
  'feed/status',
  'feed/refresh',
  'feed/set-source',
  'data/clear',
  'privacy/toggle-presentation',
  'settings/set-language',
  'settings/set-reminders',
  'card/get',
  'card/get-student',
  'today/get',
  'card/close',
  'card/resize',
  'settings/add-site',
  'settings/remove-site',
  'log/add',
  'log/undo',
  'log/list',
  'log/export',
  'log/status',
  // Background-to-content messages and other names a page might try.
  'feed/changed',
  'privacy/state',
  'logs/add',
  'log/create',
] as const;

const key = fc.oneof(
  { weight: 4, arbitrary: fc.string({ maxLength: 12 }) },
  {
    weight: 1,
    arbitrary: fc.constantFrom('__proto__', 'constructor', 'prototype', 'type', 'toString'),
  },
);

/** Random values of every kind a structured-clone channel can carry, and more. */
const anything = fc.anything({
  key,
  maxDepth: 4,
  maxKeys: 6,
  withBigInt: true,
  withBoxedValues: true,
  withDate: true,
  withMap: true,
  withNullPrototype: true,
  withObjectString: true,
  withSet: true,
  withSparseArray: true,
  withTypedArray: true,
  withUnicodeString: true,
});

const text = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.constantFrom(
    HUGE,
    HUGE_UNICODE,
    '',
    ' ',
    '\u0000',
    '\uD800',
    'Nguyễn, Thảo',
    `${STUDENT.name.given} ${STUDENT.name.family}`,
    STUDENT.id,
    '<img src=x onerror=alert(1)>',
  ),
);

/** A value of a wrong type (or a right type out of range) for any field. */
const wrong = fc.oneof(
  anything,
  text,
  fc.constantFrom(...ODD_VALUES),
  fc.constantFrom(...POLLUTERS),
  fc.integer(),
  fc.double(),
);

const studentIdValue = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(STUDENT.id, OTHER_STUDENT.id) },
  { weight: 2, arbitrary: wrong },
);
const nonceValue = fc.oneof(
  fc.constant(VALID_NONCE),
  fc.stringMatching(/^[A-Za-z0-9_-]{16,64}$/),
  wrong,
);
const nowValue = fc.oneof(fc.constant(undefined), fc.integer(), fc.double(), wrong);

const candidate = fc.oneof(
  fc.record(
    {
      text,
      ids: fc.oneof(
        fc.dictionary(
          fc.constantFrom('canvas', 'sis', 'moodle', '__proto__', 'constructor', 'nope'),
          fc.oneof(text, wrong),
        ),
        wrong,
      ),
    },
    { requiredKeys: ['text'] },
  ),
  wrong,
);

/** Valid-looking messages of every protocol type with random, wrong or extreme fields. */
const nearValid: fc.Arbitrary<unknown> = fc.oneof(
  fc.record({ type: fc.constantFrom(...TYPES) }),
  fc.record({ type: fc.constantFrom(...TYPES), extra: wrong }),
  fc.record({
    type: fc.constant('roster/match'),
    candidates: fc.oneof(
      fc.array(candidate, { maxLength: 8 }),
      fc.constant(MANY_CANDIDATES),
      fc.constant(Array.from({ length: 3 }, () => ({ text: HUGE }))),
      wrong,
    ),
  }),
  fc.record(
    {
      type: fc.constant('card/open'),
      studentId: studentIdValue,
      context: fc.oneof(
        fc.record(
          {
            pageKind: fc.oneof(fc.constantFrom('grading', 'other'), wrong),
            classHint: fc.oneof(text, wrong),
          },
          { requiredKeys: [] },
        ),
        wrong,
      ),
    },
    { requiredKeys: ['type'] },
  ),
  fc.record({
    type: fc.constant('feed/set-source'),
    source: fc.oneof(
      fc.constant({ kind: 'demo' }),
      fc.record({
        kind: fc.constant('url'),
        url: fc.oneof(
          fc.webUrl(),
          fc.constantFrom(
            'https://evil.example/feed.json',
            'javascript:alert(1)',
            'data:application/json,{}',
            'file:///etc/passwd',
            `${OWN_BASE}demo-feed.json`,
          ),
          wrong,
        ),
      }),
      fc.record({ kind: wrong, url: wrong }, { requiredKeys: [] }),
      wrong,
    ),
  }),
  fc.record({
    type: fc.constant('settings/set-language'),
    language: fc.oneof(fc.constantFrom('auto', 'en', 'es', 'fr', 'EN'), wrong),
  }),
  fc.record(
    {
      type: fc.constant('settings/set-reminders'),
      soonMinutes: fc.oneof(fc.integer({ min: -5, max: 200 }), wrong),
      notifyBeforePullOuts: fc.oneof(fc.boolean(), wrong),
    },
    { requiredKeys: ['type'] },
  ),
  fc.record(
    {
      type: fc.constantFrom('card/get', 'card/close', 'card/resize'),
      nonce: nonceValue,
      now: nowValue,
      height: fc.oneof(fc.integer({ min: -10, max: 5000 }), wrong),
    },
    { requiredKeys: ['type'] },
  ),
  fc.record(
    { type: fc.constant('card/get-student'), studentId: studentIdValue, now: nowValue },
    { requiredKeys: ['type'] },
  ),
  fc.record({ type: fc.constantFrom('today/get', 'feed/status'), now: nowValue }),
  fc.record(
    {
      type: fc.constant('log/add'),
      nonce: nonceValue,
      studentIds: fc.oneof(
        fc.array(studentIdValue, { maxLength: 4 }),
        fc.constant(Array.from({ length: 201 }, () => STUDENT.id)),
        wrong,
      ),
      accommodationId: fc.oneof(
        fc.constantFrom(...STUDENT.accommodations.map((a) => a.id ?? 'none')),
        wrong,
      ),
      accommodationCode: fc.oneof(fc.constantFrom('extended-time-1.5x', 'read-aloud'), wrong),
      assignment: fc.oneof(text, wrong),
      note: fc.oneof(text, wrong),
    },
    { requiredKeys: ['type'] },
  ),
  fc.record({ type: fc.constant('log/undo'), key: fc.oneof(fc.uuid(), wrong) }),
  fc.record(
    {
      type: fc.constantFrom('log/list', 'log/export', 'log/status'),
      query: fc.oneof(
        fc.record(
          {
            studentId: studentIdValue,
            accommodationId: fc.oneof(text, wrong),
            from: fc.oneof(fc.constantFrom('2026-11-01', '2026-13-45'), wrong),
            to: fc.oneof(fc.constantFrom('2026-12-31', ''), wrong),
          },
          { requiredKeys: [] },
        ),
        wrong,
      ),
      format: fc.oneof(fc.constantFrom('csv', 'json', 'xml'), wrong),
    },
    { requiredKeys: ['type'] },
  ),
  fc.record({
    type: fc.constant('settings/add-site'),
    site: fc.oneof(
      fc.record({
        host: fc.oneof(
          fc.constantFrom('evil.example', '127.0.0.1', 'EVIL.example ', 'a..b', '*'),
          fc.domain(),
          wrong,
        ),
        platform: fc.oneof(fc.constantFrom('canvas', 'other', 'nope'), wrong),
      }),
      wrong,
    ),
  }),
  fc.record({
    type: fc.constant('settings/remove-site'),
    host: fc.oneof(fc.constantFrom('127.0.0.1', 'localhost'), fc.domain(), wrong),
  }),
  fc.record({ type: wrong }),
  fc.constantFrom(...POLLUTERS),
);

/** Well-formed messages of every protocol type. */
const pageRequest: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(
    { type: 'feed/status' },
    { type: 'feed/refresh' },
    { type: 'data/clear' },
    { type: 'privacy/toggle-presentation' },
    { type: 'feed/set-source', source: { kind: 'demo' } },
    { type: 'feed/set-source', source: { kind: 'url', url: 'https://evil.example/feed.json' } },
    { type: 'settings/set-language', language: 'es' },
    { type: 'settings/set-reminders', soonMinutes: 90, notifyBeforePullOuts: true },
    { type: 'card/get', nonce: VALID_NONCE },
    { type: 'card/close', nonce: VALID_NONCE },
    { type: 'card/resize', nonce: VALID_NONCE, height: 400 },
    { type: 'today/get' },
    { type: 'settings/add-site', site: { host: 'evil.example', platform: 'canvas' } },
    { type: 'settings/remove-site', host: '127.0.0.1' },
    { type: 'log/add', nonce: VALID_NONCE, accommodationId: STUDENT.accommodations[0]?.id },
    { type: 'log/add', studentIds: [STUDENT.id], accommodationCode: 'extended-time-1.5x' },
    { type: 'log/undo', key: '0b6f4a52-3c1d-4e8f-9a7b-2d5c6e1f0a93' },
    { type: 'log/list', query: {} },
    { type: 'log/list', query: { studentId: STUDENT.id } },
    { type: 'log/export', query: {}, format: 'csv' },
    { type: 'log/export', query: {}, format: 'json' },
    { type: 'log/status' },
  ),
  fc.record({
    type: fc.constant('card/get-student'),
    studentId: fc.constantFrom(...FEED.students.map((s) => s.id)),
    now: fc.integer({ min: 1_700_000_000_000, max: 1_900_000_000_000 }),
  }),
  fc.record({ type: fc.constant('today/get'), now: fc.integer({ min: 0, max: 2 ** 41 }) }),
);

const contentRequest: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom({ type: 'page/site' }, { type: 'privacy/reveal' }),
  fc.record({
    type: fc.constant('roster/match'),
    candidates: fc.array(
      fc.constantFrom(
        ...FEED.students.slice(0, 12).map((s) => ({ text: `${s.name.given} ${s.name.family}` })),
        ...FEED.students
          .slice(0, 12)
          .flatMap((s) => (s.platformIds?.canvas ? [{ text: 'x', ids: s.platformIds }] : [])),
      ),
      { minLength: 1, maxLength: 5 },
    ),
  }),
  fc.record({
    type: fc.constant('card/open'),
    studentId: fc.constantFrom(...FEED.students.map((s) => s.id)),
    context: fc.constantFrom({ pageKind: 'grading' as const }, { pageKind: 'other' as const }),
  }),
);

const validMessage = fc.oneof(pageRequest, contentRequest);

// ---------------------------------------------------------------------------------------------
// The controller and the state it must leave alone
// ---------------------------------------------------------------------------------------------

let dbWrites = 0;
const onStorageMutated = () => {
  dbWrites += 1;
};

const checkDb = new PlainSightDb();

/** Every table of the extension's database: the feed, the log, its outbox and sync state. */
async function dbSnapshot(): Promise<string> {
  const tables = await Promise.all(
    checkDb.tables.map(async (table) => [table.name, await table.toArray()] as const),
  );
  return JSON.stringify(Object.fromEntries(tables));
}

async function browserSnapshot(): Promise<string> {
  const [local, session, alarms] = await Promise.all([
    fakeBrowser.storage.local.get(null),
    fakeBrowser.storage.session.get(null),
    fakeBrowser.alarms.getAll(),
  ]);
  return JSON.stringify({ local, session, alarms: alarms.map((a) => a.name).sort() });
}

const prototypeKeys = () =>
  JSON.stringify([Object.getOwnPropertyNames(Object.prototype).sort(), Object.keys({})]);
const PROTOTYPE_BEFORE = prototypeKeys();

interface Effects {
  fetch: ReturnType<typeof vi.fn>;
  register: ReturnType<typeof vi.fn>;
  unregister: ReturnType<typeof vi.fn>;
  update: ReturnType<typeof vi.fn>;
  sendToTab: ReturnType<typeof vi.fn>;
  badge: ReturnType<typeof vi.fn>;
}

let effects: Effects;
let controller: BackgroundController;

function effectCount(): number {
  return Object.values(effects).reduce((sum, spy) => sum + spy.mock.calls.length, 0);
}

/** Sends one message from a sender the background must not act for, and checks it did not. */
async function sendSpoofed(raw: unknown, sender: SenderLike): Promise<void> {
  const [browserBefore, writesBefore, effectsBefore] = [
    await browserSnapshot(),
    dbWrites,
    effectCount(),
  ];
  let result: unknown;
  try {
    result = await controller.handleMessage(raw, sender);
  } catch (error) {
    throw new Error(`handleMessage threw for sender ${serialize(sender)}: ${String(error)}`);
  }
  const answer = serialize(result);
  expect(studentDataIn(answer, { withIds: true }), `answer ${answer.slice(0, 300)}`).toEqual([]);
  // A refusal is `undefined` (lib/messages/send.ts); a spoofed sender gets nothing else.
  expect(result, `answer to ${serialize(sender)}`).toBeUndefined();
  expect(dbWrites, 'IndexedDB writes').toBe(writesBefore);
  expect(effectCount(), 'fetches, registrations, tab messages, badge').toBe(effectsBefore);
  expect(await browserSnapshot()).toBe(browserBefore);
  expect(prototypeKeys()).toBe(PROTOTYPE_BEFORE);
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
}

/** The controller opens the database named 'plainsight': the feed is committed there. */
function commitDemoFeed(): Promise<void> {
  return commitFeed(checkDb, FEED, {
    sourceKey: 'demo',
    validators: {},
    fetchedAt: new Date().toISOString(),
  });
}

beforeAll(async () => {
  Dexie.on('storagemutated', onStorageMutated);
  await commitDemoFeed();
});

afterAll(async () => {
  Dexie.on('storagemutated').unsubscribe(onStorageMutated);
  checkDb.close();
});

beforeEach(async () => {
  resetFakeExtension(OWN_ID);
  effects = {
    fetch: vi.fn(() => Promise.reject(new TypeError('no network in unit tests'))),
    register: vi.fn(() => Promise.resolve()),
    unregister: vi.fn(() => Promise.resolve()),
    update: vi.fn(() => Promise.resolve()),
    sendToTab: vi.fn(() => Promise.resolve(undefined)),
    badge: vi.fn(() => Promise.resolve()),
  };
  vi.stubGlobal('fetch', effects.fetch);
  vi.spyOn(fakeBrowser.scripting, 'registerContentScripts').mockImplementation(
    effects.register as never,
  );
  vi.spyOn(fakeBrowser.scripting, 'unregisterContentScripts').mockImplementation(
    effects.unregister as never,
  );
  vi.spyOn(fakeBrowser.scripting, 'updateContentScripts').mockImplementation(
    effects.update as never,
  );
  vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockImplementation(effects.sendToTab as never);
  vi.spyOn(fakeBrowser.action, 'setBadgeText').mockImplementation(effects.badge as never);
  // Some state to keep: settings, a fetch result, an open card of another tab, a roster.
  await fakeBrowser.storage.local.set({
    settings: {
      feedSource: { kind: 'url', url: 'https://district.example/feed.json' },
      language: 'en',
    },
    fetchState: { lastAttemptAt: '2026-11-20T12:00:00.000Z', outcome: 'updated' },
  });
  await fakeBrowser.storage.session.set({
    [`card:${VALID_NONCE}`]: {
      studentId: STUDENT.id,
      context: { pageKind: 'other' },
      tabId: 99,
      frameId: 0,
      createdAt: Date.now(),
    },
    'roster:7': [STUDENT.id],
  });
  controller = new BackgroundController({ defaultSettings: {} });
});

afterEach(() => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

describe(`handleMessage: ${SPOOFED_RUNS.toLocaleString('en')} messages from spoofed senders`, () => {
  let dbBefore = '';
  beforeAll(async () => {
    dbBefore = await dbSnapshot();
    expect(JSON.parse(dbBefore).students).toHaveLength(FEED.students.length);
    // The write detector works: committing the feed was seen.
    expect(dbWrites).toBeGreaterThan(0);
  });
  afterEach(async () => {
    // After every property the cached feed is exactly what it was.
    expect(await dbSnapshot()).toBe(dbBefore);
  });

  it('survives odd values and prototype-pollution keys from every spoofed sender', async () => {
    for (const sender of SPOOFED_SENDERS) {
      for (const raw of [...ODD_VALUES, ...POLLUTERS]) await sendSpoofed(raw, sender);
    }
  });

  it('survives anything from spoofed senders', { timeout: 60_000 }, async () => {
    await fc.assert(fc.asyncProperty(anything, spoofedSender, sendSpoofed), {
      numRuns: RUNS.anything,
    });
  });

  it('survives near-valid messages of every type from spoofed senders', {
    timeout: 60_000,
  }, async () => {
    await fc.assert(fc.asyncProperty(nearValid, spoofedSender, sendSpoofed), {
      numRuns: RUNS.nearValid,
    });
  });

  it('refuses valid messages from spoofed senders', { timeout: 60_000 }, async () => {
    await fc.assert(fc.asyncProperty(validMessage, spoofedSender, sendSpoofed), {
      numRuns: RUNS.validFromSpoofed,
    });
  });

  it('refuses page-only requests from our content script on a district host', {
    timeout: 60_000,
  }, async () => {
    const notContent = fc
      .oneof(pageRequest, nearValid)
      .filter((raw) => !ContentRequest.safeParse(raw).success);
    await fc.assert(
      fc.asyncProperty(notContent, (raw) => sendSpoofed(raw, CONTENT_SCRIPT)),
      { numRuns: RUNS.pageOnlyFromContentScript },
    );
  });
});

describe('handleMessage from our own senders', () => {
  it('the content script gets no student detail, whatever it sends', {
    timeout: 60_000,
  }, async () => {
    const dbBefore = await dbSnapshot();
    const local = JSON.stringify(await fakeBrowser.storage.local.get(null));
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(nearValid, anything, validMessage),
        fc.constantFrom(CONTENT_SCRIPT, { ...CONTENT_SCRIPT, frameId: 4 }),
        async (raw, sender) => {
          const result = await controller.handleMessage(raw, sender);
          // A district page's content script learns which candidates are feed students (by
          // id) and today's marker states; never a name, an accommodation or a plan type.
          expect(studentDataIn(serialize(result), { withIds: false })).toEqual([]);
        },
      ),
      { numRuns: RUNS.fromContentScript },
    );
    expect(await dbSnapshot()).toBe(dbBefore);
    expect(JSON.stringify(await fakeBrowser.storage.local.get(null))).toBe(local);
  });

  it('never throws on malformed messages from our own pages', { timeout: 60_000 }, async () => {
    const messages = fc.oneof(nearValid, anything, validMessage);
    await fc.assert(
      fc.asyncProperty(messages, async (raw) => {
        await controller.handleMessage(raw, OWN_PAGE);
      }),
      { numRuns: RUNS.fromOwnPages },
    );
  });

  // A page clock far from ours (a wrong system clock, a page bug) falls back to the background's.
  it('card/get-student and today/get survive a page clock far outside our years', async () => {
    await commitDemoFeed();
    for (const now of [8_640_000_000_000_000, 253_402_322_400_000, -1e15]) {
      await controller.handleMessage({ type: 'today/get', now }, OWN_PAGE);
      await controller.handleMessage(
        { type: 'card/get-student', studentId: STUDENT.id, now },
        OWN_PAGE,
      );
    }
  });

  it('still answers valid messages from valid senders after the fuzzing', async () => {
    // Whatever the fuzzing of our own pages did, start again from the demo feed and no log.
    await commitDemoFeed();
    await Promise.all([checkDb.logs.clear(), checkDb.outbox.clear(), checkDb.logSync.clear()]);
    const name = `${STUDENT.name.given} ${STUDENT.name.family}`;

    const status = (await controller.handleMessage({ type: 'feed/status' }, OWN_PAGE)) as {
      feed: { studentCount: number; districtName: string } | null;
    };
    expect(status.feed).toMatchObject({
      studentCount: FEED.students.length,
      districtName: FEED.district.name,
    });

    expect(await controller.handleMessage({ type: 'page/site' }, CONTENT_SCRIPT)).toMatchObject({
      platform: 'other',
    });
    const match = (await controller.handleMessage(
      { type: 'roster/match', candidates: [{ text: name }, { text: 'Nobody Atall' }] },
      CONTENT_SCRIPT,
    )) as { results: { status: string; studentId?: string }[] };
    expect(match.results.map((r) => [r.status, r.studentId])).toEqual([
      ['student', STUDENT.id],
      ['none', undefined],
    ]);

    const opened = (await controller.handleMessage(
      { type: 'card/open', studentId: STUDENT.id, context: { pageKind: 'other' } },
      CONTENT_SCRIPT,
    )) as { url: string };
    expect(opened.url).toMatch(new RegExp(`^${OWN_BASE}card\\.html#[A-Za-z0-9_-]{16,64}$`));
    const nonce = new URL(opened.url).hash.slice(1);
    const cardPage: SenderLike = { id: OWN_ID, url: opened.url, tab, frameId: 5 };
    const card = serialize(await controller.handleMessage({ type: 'card/get', nonce }, cardPage));
    for (const accommodation of STUDENT.accommodations) {
      if (accommodation.text) expect(card).toContain(accommodation.text);
    }
    // The nonce is worthless to anyone but our pages: no card, no log entry.
    const accommodationId = STUDENT.accommodations[0]?.id;
    await sendSpoofed({ type: 'card/get', nonce }, CONTENT_SCRIPT);
    await sendSpoofed({ type: 'card/get', nonce }, { id: OWN_ID, url: ALLOWED_PAGE, tab });
    await sendSpoofed({ type: 'log/add', nonce, accommodationId }, CONTENT_SCRIPT);
    await sendSpoofed({ type: 'log/add', nonce, accommodationId }, { url: opened.url, tab });
    expect(await checkDb.logs.count()).toBe(0);
    // The card logs an accommodation as used, and the options page lists it.
    const logged = (await controller.handleMessage(
      { type: 'log/add', nonce, accommodationId },
      cardPage,
    )) as { saved: { studentId: string }[] };
    expect(logged.saved.map((entry) => entry.studentId)).toEqual([STUDENT.id]);
    const history = await controller.handleMessage({ type: 'log/list', query: {} }, OWN_PAGE);
    expect(history).toHaveLength(1);

    expect(
      await controller.handleMessage({ type: 'card/resize', nonce, height: 300 }, cardPage),
    ).toEqual({ ok: true });
    expect(effects.sendToTab).toHaveBeenLastCalledWith(
      7,
      expect.objectContaining({ type: 'card/resize', height: 300 }),
      { frameId: 0 },
    );
    expect(await controller.handleMessage({ type: 'card/close', nonce }, cardPage)).toEqual({
      ok: true,
    });
    expect(await controller.handleMessage({ type: 'card/get', nonce }, cardPage)).toBeNull();

    await controller.handleMessage({ type: 'settings/set-language', language: 'es' }, OWN_PAGE);
    const { settings } = await fakeBrowser.storage.local.get('settings');
    expect(settings).toMatchObject({ language: 'es' });

    await controller.handleMessage({ type: 'data/clear' }, OWN_PAGE);
    expect(await checkDb.students.count()).toBe(0);
  });
});
