/**
 * Runs detection pages through the real extension (the demo build) in Chromium: sets each
 * page's invented feed through the options page, opens the page on its `.test` host, waits
 * until the markers settle and attributes every marker, in every frame, to a person on the page.
 */
import type { Frame, Page } from '@playwright/test';
import { launchWithExtension } from './browser';
import {
  type DetectionPage,
  matchOffline,
  type ServedPage,
  startDetectionServer,
} from './detection';
import {
  ambiguousStudents,
  type MarkerInfo,
  type PageResult,
  scoreMarkers,
} from './detection-score';
import { parseOffline } from './offline-dom';

const SETTLE_MS = 1000;
/** A page without markers waits longer: the content script may still be starting. */
const EMPTY_SETTLE_MS = 3000;
const POLL_MS = 150;
const MAX_WAIT_MS = 20_000;

/**
 * Runs in each frame: every marker host (open shadow root with the "Support info" button).
 * Serialised into the page, so it declares no named helpers (tsx would wrap them in `__name`).
 */
function readMarkers(): MarkerInfo[] {
  const hosts = [...document.querySelectorAll('span')].filter((span) =>
    span.shadowRoot?.querySelector('button[aria-label="Support info"]'),
  );
  return hosts.map((host) => {
    const parent = host.parentElement;
    const previous = host.previousElementSibling;
    const rect = (host.closest('tr, [role="row"], li') ?? parent ?? host).getBoundingClientRect();
    // The anchor is the element before the marker, or the container it was appended to; its
    // own text leaves out badges inside it (Moodle's initials).
    const [previousOwn = '', parentOwn = ''] = [previous, parent].map((element) =>
      [...(element?.childNodes ?? [])]
        .filter((node) => node.nodeType === Node.TEXT_NODE)
        .map((node) => node.nodeValue)
        .join(' '),
    );
    // A name split over two columns ("Okafor" | "Maya") has its marker in the second cell.
    const cell = host.closest('td, th');
    const cellBefore = cell?.previousElementSibling;
    const split = cell && cellBefore ? [cellBefore.textContent, cell.textContent] : [];
    return {
      texts: [
        previousOwn,
        previous?.textContent ?? '',
        parentOwn,
        parent?.textContent ?? '',
        ...(split.length === 2 ? [split.join(' '), split.join(', ')] : []),
      ],
      top: rect.top,
      bottom: rect.bottom,
      visible: host.checkVisibility({ visibilityProperty: true }),
    };
  });
}

function countMarkers(): number {
  return [...document.querySelectorAll('span')].filter((span) =>
    span.shadowRoot?.querySelector('button[aria-label="Support info"]'),
  ).length;
}

/** A frame that went away or navigated while it was being read. */
function frameGone(frame: Frame, error: unknown): boolean {
  return frame.isDetached() || /context was destroyed|detached/i.test(String(error));
}

/** Runs `read` in every frame; frames that went away or navigated meanwhile are left out. */
async function inFrames<T>(page: Page, read: () => T): Promise<T[]> {
  const results = await Promise.all(
    page.frames().map((frame: Frame) =>
      frame.evaluate(read).catch((error: unknown) => {
        if (frameGone(frame, error)) return undefined;
        throw error;
      }),
    ),
  );
  return results.filter((result): result is Awaited<T> => result !== undefined) as T[];
}

/** Waits until the marker count has not changed for SETTLE_MS. */
async function waitForMarkersToSettle(page: Page): Promise<void> {
  const start = Date.now();
  let last = -1;
  let stableSince = Date.now();
  while (Date.now() - start < MAX_WAIT_MS) {
    const count = (await inFrames(page, countMarkers)).reduce((a, b) => a + b, 0);
    if (count !== last) {
      last = count;
      stableSince = Date.now();
    } else if (Date.now() - stableSince >= (count === 0 ? EMPTY_SETTLE_MS : SETTLE_MS)) return;
    await page.waitForTimeout(POLL_MS);
  }
}

export interface RunOptions {
  /** Also count ambiguous names, offline (slower: parses the page in happy-dom). */
  ambiguity?: boolean;
  /** Changes the page once its markers settled (re-rendered rows, in-app navigation, …). */
  act?(tab: Page): Promise<void>;
  /** Who is on the page after `act`, when that changed; its students must be in `page`'s feed. */
  scoreAs?: DetectionPage;
}

export interface DetectionRunner {
  run(page: DetectionPage, options?: RunOptions): Promise<PageResult>;
  close(): Promise<void>;
}

const FEED_ATTEMPTS = 3;
const STEP_TIMEOUT_MS = 10_000;

/** Fills and submits the feed form; resolves once the options page shows the page's feed. */
async function trySetFeed(options: Page, served: ServedPage): Promise<void> {
  const timeout = STEP_TIMEOUT_MS;
  await options.getByLabel('District feed address').check({ timeout });
  await options.getByLabel('Feed URL').fill(served.feedUrl, { timeout });
  await options.getByRole('button', { name: 'Save and fetch' }).click({ timeout });
  await options.waitForFunction(
    (expected) =>
      document.querySelector('[data-testid="district-name"]')?.textContent === expected &&
      document.querySelector('[data-testid="last-attempt"]')?.textContent?.includes('feed updated'),
    served.feed.feed.district.name,
    { timeout: 5000 },
  );
}

/**
 * Points the extension at the page's feed through the options page UI. On a loaded machine a
 * step can stall, so check the outcome and try again on a reloaded options page.
 */
async function setFeed(options: Page, served: ServedPage): Promise<void> {
  // A background tab gets no animation frames, which Playwright's clicks wait for.
  await options.bringToFront();
  let failure: unknown;
  for (let attempt = 1; attempt <= FEED_ATTEMPTS; attempt++) {
    if (attempt > 1) await options.reload().catch(() => {});
    failure = await trySetFeed(options, served).then(
      () => undefined,
      (error: unknown) => error ?? 'failed',
    );
    if (failure === undefined) return;
  }
  const status = await options.getByTestId('last-attempt').textContent({ timeout: 1000 });
  throw new Error(
    `The options page did not load the feed for ${served.feed.feed.district.name} (${status}): ${String(failure)}`,
  );
}

function isServedUrl(url: URL, port: number): boolean {
  return (
    url.port === String(port) && (url.hostname.endsWith('.test') || url.hostname === '127.0.0.1')
  );
}

/** One browser and one server for many pages. */
export async function startDetectionRunner(): Promise<DetectionRunner> {
  const extension = await launchWithExtension();
  const server = await startDetectionServer();
  const options = await extension.context.newPage();
  await options.goto(`chrome-extension://${extension.extensionId}/options.html`);
  const tab = await extension.context.newPage();
  // Saved pages reference their systems' scripts and styles on other hosts: fail them fast.
  await tab.route(
    (url) => !isServedUrl(url, server.port),
    (route) => route.abort(),
  );

  return {
    async run(page, { ambiguity = false, act, scoreAs = page } = {}) {
      const started = Date.now();
      const served = server.serve(page);
      await tab.goto('about:blank');
      await setFeed(options, served);
      // The watcher batches page changes per animation frame: keep the page in front.
      await tab.bringToFront();
      await tab.goto(served.pageUrl, { waitUntil: 'load' });
      await waitForMarkersToSettle(tab);
      if (act) {
        await act(tab);
        await waitForMarkersToSettle(tab);
      }
      const score = scoreMarkers(scoreAs, await inFrames(tab, readMarkers));
      const ambiguous = ambiguity
        ? ambiguousStudents(page, matchOffline(page, served.feed.feed, parseOffline)).map(
            (index) => page.students[index]?.name ?? String(index),
          )
        : null;
      return {
        key: scoreAs.key,
        expected: scoreAs.students.length,
        ...score,
        ambiguous,
        millis: Date.now() - started,
      };
    },
    async close() {
      await extension.close();
      await server.close();
    },
  };
}
