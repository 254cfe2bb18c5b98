import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { PLAN_ALARM, PullOutNotifier } from '../../lib/background/pull-out-notifier';
import { type Feed, type FeedInput, parseFeed } from '../../lib/feed/schema';
import { makeFeed, makeStudent } from '../support/feed-factory';

type ServiceInput = NonNullable<FeedInput['students'][number]['services']>[number];

function service(id: string, setting: ServiceInput['setting'], start: string, end: string) {
  return {
    id,
    type: 'speech-language' as const,
    provider: { name: 'Corinne Vasquez-Lund' },
    setting,
    minutes: 60,
    per: 'week' as const,
    slots: [{ weekday: 'tue' as const, start, end }],
    startDate: '2026-08-20',
    endDate: '2027-06-01',
  };
}

function feed(): Feed {
  const result = parseFeed(
    makeFeed([
      makeStudent('s-1', 'Maya', 'Okafor', {
        services: [
          service('early', 'pull-out', '08:00', '08:30'),
          service('pull', 'pull-out', '10:30', '11:00'),
          service('push', 'push-in', '11:30', '12:00'),
        ],
      }),
    ]),
  );
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.feed;
}

/** Tuesday 1 December 2026, 09:00 in Chicago. */
const NOW = new Date('2026-12-01T15:00:00Z');

describe('PullOutNotifier', () => {
  beforeEach(() => {
    fakeBrowser.reset();
  });

  it('schedules an alarm 5 minutes before each later pull-out today, and nothing else', async () => {
    vi.spyOn(fakeBrowser.permissions, 'contains').mockResolvedValue(true as never);
    const { students } = feed();
    await new PullOutNotifier().plan({
      enabled: true,
      students,
      timeZone: 'America/Chicago',
      now: NOW,
    });
    const alarms = await fakeBrowser.alarms.getAll();
    const ours = alarms.filter((a) => a.name.startsWith('svc|'));
    expect(ours.map((a) => a.name)).toEqual(['svc|s-1|pull|10:30']);
    expect(ours[0]?.scheduledTime).toBe(new Date('2026-12-01T16:25:00Z').getTime());
    expect(alarms.some((a) => a.name === PLAN_ALARM)).toBe(true);
  });

  it('schedules nothing when off or when notifications are not allowed, and clears old alarms', async () => {
    const { students } = feed();
    const contains = vi.spyOn(fakeBrowser.permissions, 'contains').mockResolvedValue(true as never);
    const notifier = new PullOutNotifier();
    await notifier.plan({ enabled: true, students, timeZone: 'America/Chicago', now: NOW });
    await notifier.plan({ enabled: false, students, timeZone: 'America/Chicago', now: NOW });
    expect(await fakeBrowser.alarms.getAll()).toEqual([]);
    contains.mockResolvedValue(false as never);
    await notifier.plan({ enabled: true, students, timeZone: 'America/Chicago', now: NOW });
    expect(await fakeBrowser.alarms.getAll()).toEqual([]);
  });

  it('names the student by first name and initial only', async () => {
    const create = vi.spyOn(fakeBrowser.notifications, 'create').mockResolvedValue('id' as never);
    const student = feed().students[0];
    await new PullOutNotifier().notify('svc|s-1|pull|10:30', student, 'en');
    expect(create).toHaveBeenCalledWith(
      'svc|s-1|pull|10:30',
      expect.objectContaining({
        title: 'Service soon',
        message: '10:30–11:00 · Maya O.: Speech-language therapy (leaves class)',
      }),
    );
  });
});
