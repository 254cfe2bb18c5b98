import { execFileSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { startLogReceiver } from '../receiver/log-receiver';
import { launchWithExtension } from '../support/browser';
import {
  cardFrame,
  demoFeed,
  expect,
  expectedPages,
  markerNear,
  nameOnPage,
  studentById,
  test,
} from './fixtures';

/** Kills every Chromium process of a profile at once, as a crash or power loss would. */
function killBrowser(profile: string) {
  try {
    execFileSync('pkill', ['-KILL', '-f', `user-data-dir=${profile}`]);
  } catch {
    // pkill exits 1 when nothing matched.
  }
}

async function useFeed(page: Page, extensionId: string, serverUrl: string) {
  await page.goto(`chrome-extension://${extensionId}/options.html`);
  await page.getByLabel('District feed address').check();
  await page.getByLabel('Feed URL').fill(`${serverUrl}/feed.json`);
  await page.getByRole('button', { name: 'Save and fetch' }).click();
  await expect(page.getByTestId('last-attempt')).toContainText('feed updated');
}

test('entries saved while the endpoint is down survive a stopped worker and a killed browser, and arrive exactly once', async ({
  server,
}) => {
  test.setTimeout(120_000);
  const receiver = await startLogReceiver();
  const profile = await mkdtemp(join(tmpdir(), 'plainsight-durable-'));
  try {
    const feed = structuredClone(demoFeed);
    feed.logEndpoint = receiver.url;
    server.setFeed(feed);
    const first = expectedPages[0];
    if (!first) throw new Error('no demo pages');
    const ids = first.feedStudentIds.slice(0, 3);

    let browser = await launchWithExtension({ profileDir: profile });
    let page = await browser.context.newPage();
    await useFeed(page, browser.extensionId, server.url);
    receiver.setOffline(true);
    await page.goto(`${server.url}/${first.page}`);
    let saved = 0;
    for (const id of ids) {
      await markerNear(page, nameOnPage(studentById(id))).click();
      const card = cardFrame(page);
      await card
        .getByRole('button', { name: /as used today/ })
        .first()
        .click();
      await expect(card.getByText(/^Saved /).first()).toBeVisible();
      saved += 1;
      await page.keyboard.press('Escape');
      await expect(page.locator('iframe[title="Student support card"]')).toHaveCount(0);
    }

    // Stop the service worker mid-delivery, then kill the whole browser.
    const cdp = await browser.context.newCDPSession(page);
    await cdp.send('ServiceWorker.enable');
    await cdp.send('ServiceWorker.stopAllWorkers');
    killBrowser(profile);
    await browser.context.close().catch(() => {});
    expect(receiver.uniqueCount()).toBe(0);

    // The district endpoint is back; the browser starts again on the same profile.
    receiver.setOffline(false);
    browser = await launchWithExtension({ profileDir: profile });
    page = await browser.context.newPage();
    await page.goto(`chrome-extension://${browser.extensionId}/options.html`);
    // Delivery resumes by itself (start-up and the retry alarm); "Refresh now" is not needed.
    await expect.poll(() => receiver.uniqueCount(), { timeout: 60_000 }).toBe(saved);
    expect(new Set(receiver.entries().map((e) => e.studentId))).toEqual(new Set(ids));
    await browser.close();
  } finally {
    await receiver.close();
    await rm(profile, { recursive: true, force: true });
  }
});
