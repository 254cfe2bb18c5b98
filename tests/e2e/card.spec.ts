import { displayNameOf } from '../../lib/card/card-view';
import {
  cardFrame,
  demoFeed,
  expect,
  expectedPages,
  markerNear,
  markers,
  nameOnPage,
  openOptions,
  studentById,
  test,
} from './fixtures';

const CARD = 'iframe[title="Student support card"]';

test('markers are in the Tab order right after the name they belong to', async ({
  page,
  extension,
  server,
}) => {
  await openOptions(page, extension);
  const expected = expectedPages[0];
  if (!expected) throw new Error('no demo pages');
  await page.goto(`${server.url}/${expected.page}`);
  await expect(markers(page)).toHaveCount(expected.feedStudentIds.length);
  const student = studentById(expected.feedStudentIds[0] as string);
  const row = page.locator('tr', { hasText: nameOnPage(student) }).first();
  await row.getByRole('link').first().focus();
  await page.keyboard.press('Tab');
  await expect(row.getByRole('button', { name: 'Support info' })).toBeFocused();
  // Shift+Tab goes back to the name: nothing else was put in between.
  await page.keyboard.press('Shift+Tab');
  await expect(row.getByRole('link').first()).toBeFocused();
});

test('the card closes when its row scrolls out of view, and on a second click of its marker', async ({
  page,
  extension,
  server,
}) => {
  await openOptions(page, extension);
  const expected = expectedPages[0];
  if (!expected) throw new Error('no demo pages');
  await page.setViewportSize({ width: 1100, height: 500 });
  await page.goto(`${server.url}/${expected.page}`);
  await expect(markers(page)).toHaveCount(expected.feedStudentIds.length);
  const student = studentById(expected.feedStudentIds[0] as string);
  const marker = markerNear(page, nameOnPage(student));

  await marker.click();
  await expect(cardFrame(page).getByRole('dialog')).toBeVisible();
  await marker.click();
  await expect(page.locator(CARD)).toHaveCount(0);

  await marker.click();
  await expect(cardFrame(page).getByRole('dialog')).toBeVisible();
  await page.mouse.wheel(0, 5000);
  await expect(page.locator(CARD)).toHaveCount(0);
});

test('the card shows grading tips first on a grading page', async ({ page, extension, server }) => {
  await openOptions(page, extension);
  const grading = expectedPages.find((p) => /gradebook|grader/.test(p.page));
  if (!grading) throw new Error('no grading demo page');
  await page.goto(`${server.url}/${grading.page}`);
  await expect(markers(page)).toHaveCount(grading.feedStudentIds.length);
  await markers(page).first().click();
  const card = cardFrame(page);
  await expect(card.getByRole('heading', { level: 3 }).first()).toHaveText('For grading and tests');
  await expect(card.getByText('While grading:').first()).toBeVisible();
});

test('a name two feed students share gets no marker, and both cards say why', async ({
  page,
  extension,
  server,
}) => {
  const expected = expectedPages[0];
  if (!expected) throw new Error('no demo pages');
  const original = studentById(expected.feedStudentIds[0] as string);
  const feed = structuredClone(demoFeed);
  feed.students.push({
    ...structuredClone(original),
    id: `${original.id}-twin`,
    platformIds: {},
  });
  server.setFeed(feed);
  await page.goto(`chrome-extension://${extension.extensionId}/options.html`);
  await page.getByLabel('District feed address').check();
  await page.getByLabel('Feed URL').fill(`${server.url}/feed.json`);
  await page.getByRole('button', { name: 'Save and fetch' }).click();
  await expect(page.getByTestId('last-attempt')).toContainText('feed updated');

  await page.goto(`${server.url}/${expected.page}`);
  await expect(markers(page)).toHaveCount(expected.feedStudentIds.length - 1);
  await expect(markerNear(page, nameOnPage(original))).toHaveCount(0);

  await page.goto(`chrome-extension://${extension.extensionId}/popup.html`);
  await page.getByLabel('Find a student').fill(original.name.family);
  const results = page.getByRole('button', { name: displayNameOf(original) });
  await expect(results).toHaveCount(2);
  for (const index of [0, 1]) {
    await results.nth(index).click();
    await expect(page.getByTestId('ambiguous-note')).toContainText('could be any of 2 students');
    await page.getByRole('button', { name: /Back to today/ }).click();
    await page.getByLabel('Find a student').fill(original.name.family);
  }
});
