/**
 * The extension talks to the district's feed and to nothing else. During a realistic session
 * (set the feed URL on the options page, visit every demo page, open a card with the mouse and
 * with the keyboard, log an accommodation as used, open the popup, refresh the feed, get a
 * changed feed) every request is
 * captured and attributed:
 *
 * - the service worker: Playwright reports its requests to the context (`request.serviceWorker()`);
 * - the extension's pages (options, popup, and the card frame inside the demo pages): requests
 *   whose document is a chrome-extension://<our id>/ page;
 * - the content script: requests from a demo page whose initiator (CDP `Network.requestWillBeSent`
 *   on the page's target) is a script of our extension;
 * - the demo pages themselves: everything else in a demo page's frames.
 *
 * The extension's requests may go only to the configured feed URL or to its own files. The
 * demo server's own log is checked as well: it received only the page documents and the feed
 * requests the service worker made, so nothing was missed by the browser-side capture.
 */
import { writeFile } from 'node:fs/promises';
import type { CDPSession, Page, Request } from '@playwright/test';
import {
  cardFrame,
  demoFeed,
  expect,
  expectedPages,
  markerNear,
  markers,
  nameOnPage,
  openCard,
  openOptions,
  studentById,
  test,
} from './fixtures';

const CARD = 'iframe[title="Student support card"]';

type Source = 'service worker' | 'extension page' | 'content script' | 'web page' | 'unknown';

interface Captured {
  source: Source;
  url: string;
  method: string;
  /** Where it came from: the worker's or the document's URL, or the initiating script. */
  from: string;
  navigation: boolean;
}

interface CdpRequest {
  url: string;
  type?: string;
  documentURL: string;
  initiator: string[];
}

/** Every script URL in a CDP initiator (its stack, async parents, and its own url). */
function initiatorUrls(initiator: {
  url?: string;
  stack?: { callFrames: { url: string }[]; parent?: unknown };
}): string[] {
  const urls: string[] = [];
  if (initiator.url) urls.push(initiator.url);
  let stack = initiator.stack as
    | { callFrames: { url: string }[]; parent?: typeof stack }
    | undefined;
  while (stack) {
    for (const frame of stack.callFrames) if (frame.url) urls.push(frame.url);
    stack = stack.parent;
  }
  return urls;
}

function isNotNetwork(url: string): boolean {
  return url.startsWith('data:') || url.startsWith('blob:') || url === 'about:blank';
}

test('the extension requests only the configured feed and its own files', async ({
  page,
  extension,
  server,
}) => {
  test.setTimeout(180_000);
  const { context, extensionId } = extension;
  const own = `chrome-extension://${extensionId}/`;
  const feedUrl = `${server.url}/feed.json`;
  const captured: Captured[] = [];
  const cdpRequests: CdpRequest[] = [];
  const cdpSessions: CDPSession[] = [];
  const sockets: string[] = [];
  // The demo server is shared by the tests of this worker: look only at what this test sent.
  const serverStart = server.requests.length;

  const classify = (request: Request): Captured => {
    const base = { url: request.url(), method: request.method() };
    const worker = request.serviceWorker();
    if (worker) {
      return {
        ...base,
        source: worker.url().startsWith(own) ? 'service worker' : 'unknown',
        from: worker.url(),
        navigation: false,
      };
    }
    let documentUrl = '';
    try {
      // A navigation's document is the URL being loaded; otherwise the frame's document.
      documentUrl = request.isNavigationRequest() ? request.url() : request.frame().url();
    } catch {
      documentUrl = '';
    }
    const source: Source = documentUrl.startsWith(own)
      ? 'extension page'
      : documentUrl.startsWith(`${server.url}/`)
        ? 'web page'
        : 'unknown';
    return { ...base, source, from: documentUrl, navigation: request.isNavigationRequest() };
  };
  context.on('request', (request) => captured.push(classify(request)));
  context.on('page', (opened) => opened.on('websocket', (socket) => sockets.push(socket.url())));
  page.on('websocket', (socket) => sockets.push(socket.url()));

  /** A page for district pages, with CDP watching who starts each request. */
  const districtPage = async (): Promise<Page> => {
    const tab = await context.newPage();
    const cdp = await context.newCDPSession(tab);
    cdpSessions.push(cdp);
    cdp.on('Network.requestWillBeSent', (event) => {
      cdpRequests.push({
        url: event.request.url,
        type: event.type,
        documentURL: event.documentURL,
        initiator: initiatorUrls(event.initiator),
      });
    });
    await cdp.send('Network.enable');
    tab.on('websocket', (socket) => sockets.push(socket.url()));
    return tab;
  };

  // 1. Options: switch to the district feed URL and fetch it.
  await openOptions(page, extension);
  await page.getByLabel('District feed address').check();
  await page.getByLabel('Feed URL').fill(feedUrl);
  await page.getByRole('button', { name: 'Save and fetch' }).click();
  await expect(page.getByTestId('last-attempt')).toContainText('feed updated');
  await expect(page.getByTestId('student-count')).toHaveText(String(demoFeed.students.length));

  // 2. Every demo page, with its markers; on the first, a card by mouse and by keyboard.
  const tabs: Page[] = [];
  for (const [index, expected] of expectedPages.entries()) {
    const tab = await districtPage();
    tabs.push(tab);
    await tab.goto(`${server.url}/${expected.page}`);
    await expect(markers(tab)).toHaveCount(expected.feedStudentIds.length);
    if (index !== 0) continue;
    const [firstId, secondId] = expected.feedStudentIds;
    if (!firstId || !secondId) throw new Error('the first demo page has too few feed students');
    const first = studentById(firstId);
    await openCard(tab, nameOnPage(first));
    // Focus moves into the card once it has loaded. Quick-log: the demo feed names no log
    // endpoint, so the entry stays on this computer (no request).
    await expect(cardFrame(tab).getByRole('dialog')).toBeFocused();
    await cardFrame(tab)
      .getByRole('button', { name: /as used today/ })
      .first()
      .click();
    await expect(
      cardFrame(tab)
        .getByText(/^Saved /)
        .first(),
    ).toBeVisible();
    // Closed by a click elsewhere on the page: Escape pressed inside the card closes it too,
    // but then Playwright's key press can wait forever (the focused frame goes away mid-press).
    await tab.mouse.click(5, 5);
    await expect(tab.locator(CARD)).toHaveCount(0);
    const second = markerNear(tab, nameOnPage(studentById(secondId)));
    await second.focus();
    await tab.keyboard.press('Enter');
    await expect(cardFrame(tab).getByRole('dialog')).toBeFocused();
    await tab.mouse.click(5, 5);
    await expect(tab.locator(CARD)).toHaveCount(0);
  }

  // 3. The popup, and a student's card in it.
  const popup = await context.newPage();
  await popup.goto(`${own}popup.html`);
  await expect(popup.getByTestId('feed-line')).toBeVisible();
  const someone = demoFeed.students[0];
  if (!someone) throw new Error('empty demo feed');
  await popup.getByLabel('Find a student').fill(someone.name.family);
  await popup
    .getByRole('button', { name: new RegExp(someone.name.family) })
    .first()
    .click();
  await expect(popup.getByRole('heading', { name: 'Accommodations' })).toBeVisible();

  // 4. Refresh: unchanged (304), then a changed feed the open pages pick up.
  await page.bringToFront();
  await page.getByRole('button', { name: 'Refresh now' }).click();
  await expect(page.getByTestId('last-attempt')).toContainText('no changes since the last fetch');
  server.setFeed({ ...demoFeed, generatedAt: '2026-11-21T06:00:00-06:00' });
  await page.getByRole('button', { name: 'Refresh now' }).click();
  await expect(page.getByTestId('last-attempt')).toContainText('feed updated');
  for (const [index, expected] of expectedPages.entries()) {
    const tab = tabs[index];
    if (tab) await expect(markers(tab)).toHaveCount(expected.feedStudentIds.length);
  }
  // Give late requests (reminder timers, re-scans after the feed change) a moment.
  await page.waitForTimeout(1500);
  for (const cdp of cdpSessions) await cdp.detach().catch(() => {});

  await writeFile(
    test.info().outputPath('requests.json'),
    JSON.stringify(
      { captured, cdpRequests, server: server.requests.slice(serverStart), sockets },
      null,
      2,
    ),
  );

  // The capture saw the service worker fetch the feed (or everything below would be vacuous).
  const fromWorker = captured.filter((r) => r.source === 'service worker');
  expect(fromWorker.filter((r) => r.url === feedUrl).length).toBeGreaterThanOrEqual(3);
  expect(cdpRequests.some((r) => r.url.startsWith(server.url))).toBe(true);

  const allowedForExtension = (url: string) =>
    url === feedUrl || url.startsWith(own) || isNotNetwork(url);

  // Nothing we could not attribute.
  expect(captured.filter((r) => r.source === 'unknown')).toEqual([]);

  // The service worker and the extension's pages (options, popup, card frames).
  for (const request of captured) {
    if (request.source === 'service worker' || request.source === 'extension page') {
      expect(allowedForExtension(request.url), `${request.source} ${request.from}`).toBe(true);
    }
  }
  // The content script: requests a demo page made from our extension's scripts.
  const fromContentScript = cdpRequests.filter((r) => r.initiator.some((u) => u.startsWith(own)));
  // (The card frames the content script opens are attributed to it: the attribution works.)
  expect(fromContentScript.some((r) => r.url.startsWith(`${own}card.html`))).toBe(true);
  for (const request of fromContentScript) {
    expect(allowedForExtension(request.url), `content script: ${request.url}`).toBe(true);
  }
  // The demo pages' own requests: their documents (and nothing elsewhere).
  const pageOwn = cdpRequests.filter((r) => !r.initiator.some((u) => u.startsWith(own)));
  for (const request of pageOwn) {
    expect(
      request.url.startsWith(`${server.url}/`) || isNotNetwork(request.url),
      `demo page request ${request.url}`,
    ).toBe(true);
    expect(request.url).not.toBe(feedUrl);
  }

  // Whatever the source: no host but the demo server and the extension itself.
  const hosts = new Set(
    captured
      .filter((r) => !isNotNetwork(r.url))
      .map((r) => {
        // URL.origin is "null" for chrome-extension: in Node; scheme and host say the same.
        const url = new URL(r.url);
        return `${url.protocol}//${url.host}`;
      }),
  );
  expect([...hosts].sort()).toEqual([server.url, own.slice(0, -1)].sort());
  expect(sockets).toEqual([]);

  // The demo server agrees: page documents, and exactly the feed requests the worker made.
  const pagePaths = new Set(expectedPages.map((p) => `/${p.page}`));
  const received = server.requests.slice(serverStart);
  for (const line of received) {
    const [method, path] = line.split(' ');
    expect(['GET', 'HEAD'], line).toContain(method);
    expect(path === '/feed.json' || pagePaths.has(path ?? ''), line).toBe(true);
  }
  const feedHits = received.filter((line) => line.endsWith(' /feed.json')).length;
  expect(feedHits).toBe(fromWorker.filter((r) => r.url === feedUrl).length);
  const webPageFeed = captured.filter((r) => r.source !== 'service worker' && r.url === feedUrl);
  expect(webPageFeed).toEqual([]);
});
