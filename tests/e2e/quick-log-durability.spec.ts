import { execFileSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startLogReceiver } from '../receiver/log-receiver';
import { launchWithExtension } from '../support/browser';
import {
  demoFeed,
  expect,
  expectedPages,
  nameOnPage,
  openCard,
  studentById,
  test,
  useFeed,
} from './fixtures';

/** Kills every Chromium process of a profile at once, as a crash or power loss would. */
function killBrowser(profile: string) {
  try {
    execFileSync('pkill', ['-KILL', '-f', `user-data-dir=${profile}`]);
  } catch {
    // pkill exits 1 when nothing matched.
  }
}

test('entries saved while the endpoint is down survive a stopped worker and a killed browser, and arrive exactly once', async ({
  server,
}) => {
  test.setTimeout(120_000);
  const receiver = await startLogReceiver();
  const profile = await mkdtemp(join(tmpdir(), 'plainsight-durable-'));
  let relaunched: Awaited<ReturnType<typeof launchWithExtension>> | undefined;
  try {
    const feed = structuredClone(demoFeed);
    feed.logEndpoint = receiver.url;
    server.setFeed(feed);
    const first = expectedPages[0];
    if (!first) throw new Error('no demo pages');
    const ids = first.feedStudentIds.slice(0, 3);

    const browser = await launchWithExtension({ profileDir: profile });
    let page = await browser.context.newPage();
    await useFeed(page, browser.extensionId, server.url);
    receiver.setOffline(true);
    await page.goto(`${server.url}/${first.page}`);
    let saved = 0;
    for (const id of ids) {
      const card = await openCard(page, nameOnPage(studentById(id)));
      const firstRow = card.locator('.log-row').first();
      await firstRow.getByRole('button', { name: /as used today/ }).click();
      await expect(firstRow.getByText(/^Saved /)).toBeVisible();
      saved += 1;
      await page.keyboard.press('Escape');
      await expect(page.locator('iframe[title="Student support card"]')).toHaveCount(0);
    }

    // Stop the service worker mid-delivery, then kill the whole browser.
    const cdp = await browser.context.newCDPSession(page);
    await cdp.send('ServiceWorker.enable');
    await cdp.send('ServiceWorker.stopAllWorkers');
    killBrowser(profile);
    // No context.close(): the processes are already gone, and waiting on them can hang.
    expect(receiver.uniqueCount()).toBe(0);

    // The district endpoint is back; the browser starts again on the same profile.
    receiver.setOffline(false);
    const restarted = await launchWithExtension({ profileDir: profile });
    relaunched = restarted;
    page = await restarted.context.newPage();
    await page.goto(`chrome-extension://${restarted.extensionId}/options.html`);
    // Delivery resumes by itself (start-up and the retry alarm); "Refresh now" is not needed.
    await expect.poll(() => receiver.uniqueCount(), { timeout: 60_000 }).toBe(saved);
    expect(new Set(receiver.entries().map((e) => e.studentId))).toEqual(new Set(ids));
  } finally {
    // Leave no browser behind, even when the test failed half-way.
    await relaunched?.close().catch(() => {});
    killBrowser(profile);
    await receiver.close();
    await rm(profile, { recursive: true, force: true });
  }
});

test('1,000 entries logged while the endpoint fails and then goes offline all arrive once it recovers', async ({
  page,
  extension,
  server,
}) => {
  test.setTimeout(180_000);
  const receiver = await startLogReceiver();
  try {
    const feed = structuredClone(demoFeed);
    feed.logEndpoint = receiver.url;
    server.setFeed(feed);
    await useFeed(page, extension.extensionId, server.url);
    // The endpoint answers 500 twice (the back-off then holds further attempts back), and goes
    // offline half-way through.
    receiver.failNext(2, 500);

    // 1,000 "used today" entries through the extension's own message API, as the popup sends
    // them; each resolves only once it is on disk. Half-way the endpoint goes offline.
    const students = demoFeed.students.filter((s) => s.accommodations.some((a) => a.code));
    const requests = Array.from({ length: 1000 }, (_, i) => {
      const student = students[i % students.length];
      const accommodation = student?.accommodations.find((a) => a.code);
      return { studentIds: [student?.id ?? ''], accommodationCode: accommodation?.code ?? '' };
    });
    let saved = 0;
    for (let start = 0; start < requests.length; start += 100) {
      if (start === 500) receiver.setOffline(true);
      saved += await page.evaluate(
        async (batch) => {
          let count = 0;
          for (const request of batch) {
            const { chrome } = globalThis as unknown as {
              chrome: { runtime: { sendMessage(m: unknown): Promise<{ saved?: unknown[] }> } };
            };
            const answer = await chrome.runtime.sendMessage({ type: 'log/add', ...request });
            count += answer?.saved?.length ?? 0;
          }
          return count;
        },
        requests.slice(start, start + 100),
      );
    }
    expect(saved).toBe(1000);
    expect(receiver.uniqueCount()).toBeLessThan(1000);

    // Back online: the options page's "Send now" retries at once instead of waiting out the
    // back-off (the retry alarm would do the same later).
    receiver.setOffline(false);
    receiver.failNext(0); // fully recovered, whatever failures the back-off left unused
    await page.reload();
    await page.getByRole('button', { name: 'Send now' }).click();
    await expect.poll(() => receiver.uniqueCount(), { timeout: 60_000 }).toBe(1000);
    await expect(page.getByTestId('log-sync')).toContainText('0 waiting');
  } finally {
    await receiver.close();
  }
});
