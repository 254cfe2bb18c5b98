import AxeBuilder from '@axe-core/playwright';
import { displayNameOf } from '../../lib/card/card-view';
import { demoFeed, expect, openOptions, test } from './fixtures';

/** Tuesday 1 December 2026, 10:20 in the demo district (America/Chicago). */
const TUESDAY_MORNING = new Date('2026-12-01T16:20:00Z');

/** Demo students with a pull-out session on Tuesdays, as the feed says. */
function tuesdayPullOuts() {
  return demoFeed.students.flatMap((student) =>
    student.services.flatMap((service) =>
      service.slots
        .filter(
          (slot) =>
            slot.weekday === 'tue' &&
            (service.setting === 'pull-out' || service.delivery?.mode === 'remote'),
        )
        .map((slot) => ({ student, service, slot })),
    ),
  );
}

test('the popup shows today: who leaves when, each class with its students, and a search', async ({
  page,
  extension,
}) => {
  await openOptions(page, extension);
  await page.clock.setFixedTime(TUESDAY_MORNING);
  await page.goto(`chrome-extension://${extension.extensionId}/popup.html`);

  await expect(page.getByRole('heading', { level: 1 })).toHaveText(/Today · Tuesday/);
  // The clock is set days after the real fetch, so the feed reads as stale.
  await expect(page.getByTestId('feed-line')).toContainText('Feed may be out of date');

  const leaving = page.getByTestId('leaving').getByRole('listitem');
  const expected = tuesdayPullOuts();
  expect(expected.length).toBeGreaterThan(0);
  await expect(leaving).toHaveCount(expected.length);
  const first = [...expected].sort((a, b) => a.slot.start.localeCompare(b.slot.start))[0];
  if (!first) throw new Error('no session');
  await expect(leaving.first()).toContainText(
    `${first.slot.start}–${first.slot.end} · ${displayNameOf(first.student)}`,
  );

  for (const classSection of demoFeed.classes) {
    await expect(page.getByRole('heading', { name: classSection.title })).toBeVisible();
  }
  // A class opens to its students and what to set up before class.
  const period2 = demoFeed.classes.find((c) => c.period === '2');
  const inPeriod2 = demoFeed.students.find((s) => s.classIds.includes(period2?.id ?? ''));
  if (!period2 || !inPeriod2) throw new Error('demo feed has no period 2 student');
  await page.getByRole('heading', { name: period2.title }).click();
  await expect(page.getByRole('button', { name: displayNameOf(inPeriod2) })).toBeVisible();

  // Search ignores accents and case; a result opens the student's card in the popup.
  const accented = demoFeed.students.find((s) =>
    /[\u00C0-\u024F\u1E00-\u1EFF]/.test(s.name.family),
  );
  if (!accented) throw new Error('demo feed has no accented surname');
  const plain = accented.name.family.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
  await page.getByLabel('Find a student').fill(plain);
  await page.getByRole('button', { name: displayNameOf(accented) }).click();
  await expect(
    page.getByRole('heading', { name: displayNameOf(accented), level: 2 }),
  ).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Accommodations' })).toBeVisible();

  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
    .analyze();
  expect(results.violations).toEqual([]);
});

test('the popup says the feed is fresh right after a fetch', async ({ page, extension }) => {
  await openOptions(page, extension);
  await page.goto(`chrome-extension://${extension.extensionId}/popup.html`);
  await expect(page.getByTestId('feed-line')).toContainText('Feed up to date');
});

test('the popup logs one accommodation for several students at once', async ({
  page,
  extension,
}) => {
  await openOptions(page, extension);
  await page.goto(`chrome-extension://${extension.extensionId}/popup.html`);
  const period2 = demoFeed.classes.find((c) => c.period === '2');
  if (!period2) throw new Error('no period 2');
  await page.getByRole('heading', { name: period2.title }).click();
  const section = page.locator('details.class-section', { hasText: period2.title });
  await section.getByText('Log for several students').click();
  const boxes = section.getByRole('checkbox');
  expect(await boxes.count()).toBeGreaterThanOrEqual(2);
  await boxes.nth(0).check();
  await boxes.nth(1).check();
  await section.getByLabel('Assignment or test (optional)').fill('Quiz 3');
  await section.getByRole('button', { name: 'Log as used today' }).click();
  await expect(section.getByRole('status')).toHaveText('Logged for 2 students.');

  await page.goto(`chrome-extension://${extension.extensionId}/options.html`);
  const rows = page.getByRole('table', { name: 'Accommodation log' }).getByRole('row');
  await expect(rows).toHaveCount(3);
  await expect(rows.nth(1)).toContainText('Quiz 3');
});
