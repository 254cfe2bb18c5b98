import type { Feed } from '../../lib/feed/schema';
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

const CARD = 'iframe[title="Student support card"]';

test('the card asks to confirm a plan once, and marks what changed in a new version', async ({
  page,
  extension,
  server,
}) => {
  const first = expectedPages[0];
  if (!first) throw new Error('no demo pages');
  const student = studentById(first.feedStudentIds[0] as string);
  server.setFeed(demoFeed);
  await useFeed(page, extension.extensionId, server.url);

  await page.goto(`${server.url}/${first.page}`);
  await openCard(page, nameOnPage(student));
  const card = cardFrame(page);
  await card.getByRole('heading', { level: 1 }).waitFor();
  await expect(card.getByTestId('plan-banner')).toContainText('Please confirm');
  await card.getByRole('button', { name: 'I have read these' }).click();
  await expect(card.getByTestId('plan-banner')).toHaveCount(0);

  // The district publishes a new plan version: one item added, one removed.
  const updated: Feed = structuredClone(demoFeed);
  const target = updated.students.find((s) => s.id === student.id);
  if (!target) throw new Error('student missing');
  const removed = target.accommodations.shift();
  target.plan.version = `${target.plan.version ?? 'v'}-2`;
  target.accommodations.push({
    id: `${student.id}-new`,
    code: 'word-bank',
    text: 'Word bank on all quizzes',
  });
  server.setFeed(updated);
  await page.goto(`chrome-extension://${extension.extensionId}/options.html`);
  await page.getByRole('button', { name: 'Refresh now' }).click();
  await expect(page.getByTestId('last-attempt')).toContainText('feed updated');

  await page.goto(`${server.url}/${first.page}`);
  await openCard(page, nameOnPage(student));
  const banner = cardFrame(page).getByTestId('plan-banner');
  await expect(banner).toContainText('The plan changed since you last confirmed it');
  if (removed?.text) await expect(banner).toContainText(removed.text);
  const newItem = cardFrame(page)
    .getByRole('listitem')
    .filter({ hasText: 'Word bank on all quizzes' });
  await expect(newItem).toContainText('New');
  await page.keyboard.press('Escape');
  await expect(page.locator(CARD)).toHaveCount(0);

  // Both confirmations are in the log, like any other entry.
  await page.goto(`chrome-extension://${extension.extensionId}/options.html`);
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export JSON' }).click();
  const { readFileSync } = await import('node:fs');
  const exported = JSON.parse(readFileSync(await (await download).path(), 'utf8')) as {
    entries: { kind: string; studentId: string; purpose?: string }[];
  };
  expect(
    exported.entries.filter((e) => e.kind === 'plan-acknowledged' && e.studentId === student.id),
  ).toHaveLength(1);
});
