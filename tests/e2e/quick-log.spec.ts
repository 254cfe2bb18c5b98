import type { Feed } from '../../lib/feed/schema';
import { type LogReceiver, startLogReceiver } from '../receiver/log-receiver';
import {
  cardFrame,
  demoFeed,
  expect,
  expectedPages,
  nameOnPage,
  openCard,
  studentById,
  test,
  useFeed,
} from './fixtures';

function withEndpoint(receiver: LogReceiver | null): Feed {
  const feed = structuredClone(demoFeed);
  if (receiver) feed.logEndpoint = receiver.url;
  return feed;
}

const first = expectedPages[0];
if (!first) throw new Error('no demo pages');
const student = studentById(first.feedStudentIds[0] as string);

test('one click logs an accommodation; it reaches the district endpoint; undo after sending withdraws it', async ({
  page,
  extension,
  server,
}) => {
  const receiver = await startLogReceiver();
  try {
    server.setFeed(withEndpoint(receiver));
    await useFeed(page, extension.extensionId, server.url);
    await page.goto(`${server.url}/${first.page}`);
    await openCard(page, nameOnPage(student));
    const card = cardFrame(page);
    await card
      .getByRole('button', { name: /as used today/ })
      .first()
      .click();
    await expect(card.getByText(/^Saved /).first()).toBeVisible();

    await expect.poll(() => receiver.uniqueCount()).toBe(1);
    const [entry] = receiver.entries();
    expect(entry).toMatchObject({
      kind: 'accommodation-used',
      studentId: student.id,
      districtId: demoFeed.district.id,
    });
    expect(student.accommodations.map((a) => a.id)).toContain(entry?.accommodationId);

    // Already delivered: undo sends a withdrawal instead of silently deleting.
    await card.getByRole('button', { name: 'Undo' }).first().click();
    await expect(card.getByText('Withdrawn: a correction was recorded')).toBeVisible();
    await expect.poll(() => receiver.uniqueCount()).toBe(2);
    expect(receiver.entries()[1]).toMatchObject({ kind: 'withdrawal', withdraws: entry?.key });
  } finally {
    await receiver.close();
  }
});

test('without an endpoint, logs stay local; undo removes an unsent entry; history exports as CSV', async ({
  page,
  extension,
  server,
}) => {
  server.setFeed(withEndpoint(null));
  await useFeed(page, extension.extensionId, server.url);
  await page.goto(`${server.url}/${first.page}`);
  await openCard(page, nameOnPage(student));
  const card = cardFrame(page);
  const used = card.getByRole('button', { name: /as used today/ });
  await used.first().click();
  await expect(card.getByText(/^Saved /).first()).toBeVisible();
  await card.getByRole('button', { name: 'Undo' }).first().click();
  await expect(card.getByText('Removed')).toBeVisible();
  await card
    .getByRole('textbox', { name: /^Note for/ })
    .nth(1)
    .fill('Finished in the library');
  await used.nth(1).click();
  await expect(card.getByText(/^Saved /).first()).toBeVisible();
  // Reopened, the card says what was logged today and this week.
  await page.keyboard.press('Escape');
  await expect(page.locator('iframe[title="Student support card"]')).toHaveCount(0);
  await openCard(page, nameOnPage(student));
  await expect(cardFrame(page).getByText('Logged today · Logged 1× this week')).toBeVisible();

  await page.goto(`chrome-extension://${extension.extensionId}/options.html`);
  const history = page.getByRole('table', { name: 'Accommodation log' });
  await expect(history.getByRole('row')).toHaveCount(2); // header + one entry
  await expect(history).toContainText(student.name.family);
  await expect(history).toContainText('Finished in the library');
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export CSV' }).click();
  const file = await (await download).path();
  const { readFileSync } = await import('node:fs');
  const csv = readFileSync(file, 'utf8');
  expect(csv.split('\r\n')[0]).toContain('studentId');
  expect(csv.trim().split('\r\n')).toHaveLength(2);
  expect(csv).toContain(student.id);
});
