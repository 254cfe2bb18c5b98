import { cardFrame, expect, expectedPages, markers, openOptions, test } from './fixtures';

test('presentation mode hides every marker and card in every tab, with a neutral indicator', async ({
  page,
  extension,
  server,
}) => {
  await openOptions(page, extension);
  const [first, second] = expectedPages;
  if (!first || !second) throw new Error('need two demo pages');
  const other = await extension.context.newPage();
  await page.goto(`${server.url}/${first.page}`);
  await other.goto(`${server.url}/${second.page}`);
  await expect(markers(page)).toHaveCount(first.feedStudentIds.length);
  await expect(markers(other)).toHaveCount(second.feedStudentIds.length);
  await markers(page).first().click();
  await expect(cardFrame(page).getByRole('dialog')).toBeVisible();

  const popup = await extension.context.newPage();
  await popup.goto(`chrome-extension://${extension.extensionId}/popup.html`);
  await popup.getByRole('button', { name: 'Hide everywhere' }).click();
  await expect(popup.getByText('PlainSight is hidden in every tab')).toBeVisible();

  // Hidden markers are out of the accessibility tree too, so nobody can find them.
  for (const tab of [page, other]) {
    await expect(markers(tab)).toHaveCount(0);
    await expect(tab.getByRole('status').filter({ hasText: 'PlainSight is hidden' })).toBeVisible();
  }
  await expect(page.locator('iframe[title="Student support card"]')).toHaveCount(0);
  // A page loaded while hidden shows nothing either.
  await other.reload();
  await expect(other.getByRole('status').filter({ hasText: 'PlainSight is hidden' })).toBeVisible();
  await expect(markers(other)).toHaveCount(0);

  await popup.getByRole('button', { name: 'Show again' }).click();
  await expect(markers(page)).toHaveCount(first.feedStudentIds.length);
  await expect(markers(other)).toHaveCount(second.feedStudentIds.length);
  for (const tab of [page, other]) {
    await expect(tab.getByRole('status').filter({ hasText: 'PlainSight is hidden' })).toHaveCount(
      0,
    );
  }
});

test('a page in full screen hides markers until it leaves full screen', async ({
  page,
  extension,
  server,
}) => {
  await openOptions(page, extension);
  const first = expectedPages[0];
  if (!first) throw new Error('no demo pages');
  await page.goto(`${server.url}/${first.page}`);
  await expect(markers(page)).toHaveCount(first.feedStudentIds.length);
  await page.evaluate(() => document.documentElement.requestFullscreen());
  await expect(markers(page)).toHaveCount(0);
  await page.evaluate(() => document.exitFullscreen());
  await expect(markers(page)).toHaveCount(first.feedStudentIds.length);
});
