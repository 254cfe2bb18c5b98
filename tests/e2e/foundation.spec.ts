import { displayNameOf } from '../../lib/card/card-view';
import {
  cardFrame,
  demoFeed,
  expect,
  expectedPages,
  markedNames,
  markerNear,
  markers,
  openCard,
  openOptions,
  studentById,
  test,
} from './fixtures';

function nameForms(id: string): string[] {
  const { given, family, preferred } = studentById(id).name;
  return [given, preferred, family].filter((part): part is string => Boolean(part));
}

test.describe('markers on demo pages', () => {
  for (const expected of expectedPages) {
    test(`${expected.page}: a marker next to exactly the feed's students`, async ({
      page,
      extension,
      server,
    }) => {
      await openOptions(page, extension);
      await page.goto(`${server.url}/${expected.page}`);
      await expect(markers(page)).toHaveCount(expected.feedStudentIds.length);
      // Late rows and re-rendered rows settle without duplicates.
      await page.waitForTimeout(2500);
      await expect(markers(page)).toHaveCount(expected.feedStudentIds.length);

      const marked = await markedNames(page);
      for (const id of expected.feedStudentIds) {
        const forms = nameForms(id);
        const hits = marked.filter(
          (text) =>
            text.includes(studentById(id).name.family) && forms.some((f) => text.includes(f)),
        );
        expect(hits, `marker for ${displayNameOf(studentById(id))}`).toHaveLength(1);
      }
      for (const other of expected.nonFeedNames) {
        expect(marked.some((text) => text === other || text.includes(other))).toBe(false);
      }
    });
  }
});

test('the card shows the feed student’s accommodations and opens and closes by keyboard', async ({
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
  const marker = markerNear(page, student.name.family);
  await marker.focus();
  await page.keyboard.press('Enter');

  const card = cardFrame(page);
  await expect(card.getByRole('dialog')).toBeVisible();
  await expect(card.getByRole('heading', { level: 1 })).toHaveText(displayNameOf(student));
  for (const accommodation of student.accommodations) {
    if (accommodation.text) await expect(card.getByText(accommodation.text)).toBeVisible();
  }
  await expect(card.getByRole('link', { name: student.plan.caseManager.name })).toHaveAttribute(
    'href',
    `mailto:${student.plan.caseManager.email}`,
  );
  // Focus moved into the card.
  await expect(card.getByRole('dialog')).toBeFocused();

  await page.keyboard.press('Escape');
  await expect(page.locator('iframe[title="Student support card"]')).toHaveCount(0);
  await expect(marker).toBeFocused();

  // Mouse: open, then close by clicking elsewhere on the page.
  await marker.click();
  await expect(card.getByRole('dialog')).toBeVisible();
  await page.mouse.click(5, 5);
  await expect(page.locator('iframe[title="Student support card"]')).toHaveCount(0);
});

test('the marker and the page carry no student detail', async ({ page, extension, server }) => {
  await openOptions(page, extension);
  const expected = expectedPages[0];
  if (!expected) throw new Error('no demo pages');
  await page.goto(`${server.url}/${expected.page}`);
  await expect(markers(page)).toHaveCount(expected.feedStudentIds.length);
  const student = studentById(expected.feedStudentIds[0] as string);
  await openCard(page, student.name.family);
  await expect(cardFrame(page).getByRole('dialog')).toBeVisible();

  // What the host page's own scripts could read: light DOM, open shadow roots, frame URLs.
  const visibleToPage = await page.evaluate(() => {
    const parts: string[] = [document.documentElement.outerHTML];
    for (const element of document.querySelectorAll('*')) {
      if (element.shadowRoot) parts.push(element.shadowRoot.innerHTML);
    }
    return parts.join('\n');
  });
  for (const accommodation of student.accommodations) {
    if (accommodation.text) expect(visibleToPage).not.toContain(accommodation.text);
  }
  expect(visibleToPage).not.toContain(student.plan.caseManager.name);
  expect(visibleToPage).not.toContain(student.id);
  expect(visibleToPage).not.toMatch(/\b(IEP|504)\b/);
});

test('options page shows status, a broken feed’s problems, and markers keep the last good feed', async ({
  page,
  extension,
  server,
}) => {
  await openOptions(page, extension);
  await expect(page.getByTestId('district-name')).toHaveText(demoFeed.district.name);
  await expect(page.getByTestId('student-count')).toHaveText(String(demoFeed.students.length));

  // Switch to the district feed served over HTTP.
  await page.getByLabel('District feed address').check();
  await page.getByLabel('Feed URL').fill(`${server.url}/feed.json`);
  await page.getByRole('button', { name: 'Save and fetch' }).click();
  await expect(page.getByTestId('last-attempt')).toContainText('feed updated');

  // Unchanged feed: the server answers 304 and nothing is rewritten.
  const fetchedAt = await page.getByTestId('fetched-at').textContent();
  await page.getByRole('button', { name: 'Refresh now' }).click();
  await expect(page.getByTestId('last-attempt')).toContainText('no changes since the last fetch');
  await expect(page.getByTestId('fetched-at')).toHaveText(fetchedAt ?? '');

  // A broken feed: the exact problems with their JSON paths, and the old feed stays.
  server.setFeedMode('broken');
  await page.getByRole('button', { name: 'Refresh now' }).click();
  const attempt = page.getByTestId('last-attempt');
  await expect(attempt).toContainText('does not match the PlainSight feed format');
  await expect(page.getByRole('list', { name: 'Feed problems' })).toContainText(
    /students\[\d+\]\./,
  );
  await expect(attempt).toContainText('keeps using the last good feed');
  await expect(page.getByTestId('student-count')).toHaveText(String(demoFeed.students.length));

  server.setFeedMode('error-500');
  await page.getByRole('button', { name: 'Refresh now' }).click();
  await expect(attempt).toContainText('HTTP 500');

  const expected = expectedPages[0];
  if (!expected) throw new Error('no demo pages');
  const gradebook = await extension.context.newPage();
  await gradebook.goto(`${server.url}/${expected.page}`);
  await expect(markers(gradebook)).toHaveCount(expected.feedStudentIds.length);
});

test('deleting cached data removes every marker', async ({ page, extension, server }) => {
  await openOptions(page, extension);
  const expected = expectedPages[0];
  if (!expected) throw new Error('no demo pages');
  const gradebook = await extension.context.newPage();
  await gradebook.goto(`${server.url}/${expected.page}`);
  await expect(markers(gradebook)).toHaveCount(expected.feedStudentIds.length);

  await page.getByRole('button', { name: 'Delete all cached data' }).click();
  await page.getByRole('button', { name: 'Yes, delete' }).click();
  await expect(page.getByText('No feed has been fetched successfully yet.')).toBeVisible();
  await expect(markers(gradebook)).toHaveCount(0);
});
