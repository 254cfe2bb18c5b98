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
const POLL_MS = 150;
const MAX_WAIT_MS = 20_000;

/** Runs in each frame: every marker host (open shadow root with the "Support info" button). */
function readMarkers(): MarkerInfo[] {
  const hosts = [...document.querySelectorAll('span')].filter((span) =>
    span.shadowRoot?.querySelector('button[aria-label="Support info"]'),
  );
  return hosts.map((host) => {
    const parent = host.parentElement;
    const row = host.closest('tr, [role="row"], li') ?? parent ?? host;
    const rect = row.getBoundingClientRect();
    // The anchor is the element before the marker, or the container it was appended to; its
    // own text leaves out badges inside it (Moodle's initials).
    const ownText = (element: Element | null | undefined) =>
      [...(element?.childNodes ?? [])]
        .filter((node) => node.nodeType === Node.TEXT_NODE)
        .map((node) => node.nodeValue)
        .join(' ');
    const previous = host.previousElementSibling;
    return {
      texts: [
        ownText(previous),
        previous?.textContent ?? '',
        ownText(parent),
        parent?.textContent ?? '',
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

async function inFrames<T>(page: Page, read: () => T): Promise<T[]> {
  const results = await Promise.all(
    page.frames().map((frame: Frame) => frame.evaluate(read).catch(() => undefined)),
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
    } else if (Date.now() - stableSince >= SETTLE_MS) return;
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

/**
 * Points the extension at the page's feed through the options page UI. The form puts the saved
 * address back into the field whenever the status reloads (a refresh finishing late does that),
 * which can undo a fill just before the click: so check the outcome and try again.
 */
async function setFeed(options: Page, served: ServedPage): Promise<void> {
  const name = served.feed.feed.district.name;
  // A background tab gets no animation frames, which Playwright's clicks wait for.
  await options.bringToFront();
  for (let attempt = 1; ; attempt++) {
    await options.getByLabel('District feed address').check();
    await options.getByLabel('Feed URL').fill(served.feedUrl);
    await options.getByRole('button', { name: 'Save and fetch' }).click();
    const updated = await options
      .waitForFunction(
        (expected) =>
          document.querySelector('[data-testid="district-name"]')?.textContent === expected &&
          document
            .querySelector('[data-testid="last-attempt"]')
            ?.textContent?.includes('feed updated'),
        name,
        { timeout: 5000 },
      )
      .then(
        () => true,
        () => false,
      );
    if (updated) return;
    if (attempt === FEED_ATTEMPTS) {
      const status = await options.getByTestId('last-attempt').textContent();
      throw new Error(`The options page did not load the feed "${name}": ${status}`);
    }
  }
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
