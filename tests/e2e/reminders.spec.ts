import { displayNameOf } from '../../lib/card/card-view';
import type { Feed } from '../../lib/feed/schema';
import {
  cardFrame,
  demoFeed,
  expect,
  expectedPages,
  markerNear,
  nameOnPage,
  openCard,
  test,
  useFeed,
} from './fixtures';

const MINUTE = 60_000;

/** A fixed-offset IANA zone in which it is about midday now, so test slots never cross midnight. */
function middayZone(now: Date): string {
  const offset = 12 - now.getUTCHours();
  const hours = ((offset + 11 + 24) % 24) - 11; // -11..12
  return hours === 0 ? 'Etc/GMT' : `Etc/GMT${hours > 0 ? '-' : '+'}${Math.abs(hours)}`;
}

function localParts(instant: Date, timeZone: string) {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone,
    weekday: 'short',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(instant);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return { weekday: get('weekday').toLowerCase(), time: `${get('hour')}:${get('minute')}` };
}

/** The demo feed with two services today: one starting in 10 minutes, one in progress. */
function feedWithServicesNow(soonId: string, outId: string): Feed {
  const now = new Date();
  const timeZone = middayZone(now);
  const feed = structuredClone(demoFeed);
  feed.district.timezone = timeZone;
  const slot = (fromMinutes: number, toMinutes: number) => {
    const start = localParts(new Date(now.getTime() + fromMinutes * MINUTE), timeZone);
    const end = localParts(new Date(now.getTime() + toMinutes * MINUTE), timeZone);
    return {
      weekday: start.weekday as 'mon',
      start: start.time,
      end: end.time,
      location: 'Room 114',
    };
  };
  for (const student of feed.students) {
    student.services = [];
    const window =
      student.id === soonId ? slot(10, 40) : student.id === outId ? slot(-5, 25) : null;
    if (!window) continue;
    student.services.push({
      id: `${student.id}-speech`,
      type: 'speech-language',
      provider: { name: 'Corinne Vasquez-Lund' },
      setting: 'pull-out',
      minutes: 60,
      per: 'week',
      slots: [window],
      startDate: '2026-01-01',
      endDate: '2028-12-31',
    });
  }
  return feed;
}

test('markers show "soon" before a service and "out" during a pull-out; the card says when', async ({
  page,
  extension,
  server,
}) => {
  const expected = expectedPages[0];
  if (!expected) throw new Error('no demo pages');
  const [soonId, outId, otherId] = expected.feedStudentIds;
  if (!soonId || !outId || !otherId) throw new Error('need three students');
  const feed = feedWithServicesNow(soonId, outId);
  server.setFeed(feed);
  await useFeed(page, extension.extensionId, server.url);

  await page.goto(`${server.url}/${expected.page}`);
  const student = (id: string) => {
    const found = feed.students.find((s) => s.id === id);
    if (!found) throw new Error(id);
    return found;
  };
  const soon = markerNear(page, nameOnPage(student(soonId)));
  const out = markerNear(page, nameOnPage(student(outId)));
  const other = markerNear(page, nameOnPage(student(otherId)));
  await expect(soon).toHaveAttribute('data-state', 'soon');
  await expect(soon).toHaveAccessibleName('Support info, reminder');
  await expect(out).toHaveAttribute('data-state', 'out');
  await expect(other).toHaveAttribute('data-state', 'none');
  await expect(other).toHaveAccessibleName('Support info');

  await soon.click();
  const slot = student(soonId).services[0]?.slots[0];
  if (!slot) throw new Error('no slot');
  await expect(
    cardFrame(page).getByText(
      `${slot.start}–${slot.end} Speech-language therapy with Corinne Vasquez-Lund`,
    ),
  ).toBeVisible();
  await expect(cardFrame(page).getByText('leaves class · Room 114')).toBeVisible();
});

test('with the clock fixed on a Tuesday, the card lists that day’s services', async ({
  page,
  extension,
  server,
}) => {
  const withTuesday = demoFeed.students.find((s) =>
    s.services.some((service) => service.slots.some((slot) => slot.weekday === 'tue')),
  );
  const pageWith = expectedPages.find((p) => p.feedStudentIds.includes(withTuesday?.id ?? ''));
  if (!withTuesday || !pageWith)
    throw new Error('no demo student with a Tuesday service on a page');
  await page.goto(`chrome-extension://${extension.extensionId}/options.html`);
  await expect(page.getByTestId('student-count')).toBeVisible();
  await page.clock.setFixedTime(new Date('2026-12-01T15:00:00Z')); // Tuesday 09:00 in Chicago
  await page.goto(`${server.url}/${pageWith.page}`);
  await openCard(page, nameOnPage(withTuesday));
  const card = cardFrame(page);
  await expect(card.getByRole('heading', { level: 1 })).toHaveText(displayNameOf(withTuesday));
  await expect(
    card.getByRole('heading', { level: 2, name: /Today’s services · Tuesday/ }),
  ).toBeVisible();
  for (const service of withTuesday.services) {
    for (const slot of service.slots.filter((s) => s.weekday === 'tue')) {
      await expect(
        card
          .getByRole('region', { name: /Today’s services/ })
          .getByText(`${slot.start}–${slot.end}`),
      ).toBeVisible();
    }
  }
});

test('the card compares delivered with scheduled minutes this week and flags a shortfall', async ({
  page,
  extension,
  server,
}) => {
  const behind = demoFeed.students.find((s) =>
    s.services.some(
      (service) =>
        service.deliveredThisWeek?.weekOf === '2026-11-16' &&
        service.slots.filter((slot) => ['tue', 'thu'].includes(slot.weekday)).length === 2 &&
        service.deliveredThisWeek.minutes < 60,
    ),
  );
  const pageWith = expectedPages.find((p) => p.feedStudentIds.includes(behind?.id ?? ''));
  if (!behind || !pageWith) throw new Error('no demo student behind on minutes');
  await page.goto(`chrome-extension://${extension.extensionId}/options.html`);
  await expect(page.getByTestId('student-count')).toBeVisible();
  // Thursday 19 November 2026, 11:05 in Chicago: both 30-minute sessions of the week are over.
  await page.clock.setFixedTime(new Date('2026-11-19T17:05:00Z'));
  await page.goto(`${server.url}/${pageWith.page}`);
  await openCard(page, nameOnPage(behind));
  const card = cardFrame(page);
  await expect(card.getByText('30 of 60 min delivered so far')).toBeVisible();
  await expect(card.getByText('Behind by 30 min')).toBeVisible();
  await expect(card.getByRole('heading', { name: 'This week' })).toBeVisible();
});
