import { execFile } from 'node:child_process';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Service, ServiceSlot, Weekday } from '../../lib/feed/schema';
import {
  nextStateChange,
  type ReminderState,
  reminderState,
  type Session,
  sessionsBetween,
  sessionsInWeek,
  weeklyMinutes,
  weekStart,
  zonedInstant,
} from '../../lib/services/schedule';
import { type LocalDay, localDay, sessionsOn } from '../../lib/services/today';

const execFileAsync = promisify(execFile);

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

const ZONES = [
  'America/Chicago',
  'America/New_York',
  'America/Los_Angeles',
  'America/Phoenix',
  'Pacific/Honolulu',
  'Europe/Berlin',
  'Asia/Kolkata',
  'Australia/Lord_Howe',
] as const;

const WEEKDAYS: readonly Weekday[] = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];

function service(overrides: Partial<Service> = {}): Service {
  return {
    id: 'svc-1',
    type: 'speech-language',
    provider: { name: 'Robin Castellanos' },
    setting: 'pull-out',
    minutes: 60,
    per: 'week',
    slots: [],
    startDate: '2026-08-17',
    endDate: '2027-06-04',
    ...overrides,
  };
}

function slot(weekday: Weekday, start: string, end: string): ServiceSlot {
  return { weekday, start, end };
}

const iso = (d: Date | undefined) => d?.toISOString();
const at = (s: string) => new Date(s);

/** A district-local day, built from the date alone (a plain date's weekday is zone-free). */
function dayOf(date: string): LocalDay {
  return localDay(new Date(`${date}T12:00:00Z`), 'UTC');
}

// Test-side clock reading, deliberately by a different route than the code under test
// (longOffset names rather than wall-clock parts).
const offsetFormatters = new Map<string, Intl.DateTimeFormat>();
function offsetMinutes(instant: number, timeZone: string): number {
  let f = offsetFormatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'longOffset' });
    offsetFormatters.set(timeZone, f);
  }
  const name = f.formatToParts(new Date(instant)).find((p) => p.type === 'timeZoneName')?.value;
  const m = /^GMT(?:([+-])(\d{2}):(\d{2}))?$/.exec(name ?? '');
  if (!m) throw new Error(`Unexpected offset name ${name}`);
  if (!m[1]) return 0;
  return (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3]));
}

/** Local wall clock of an instant as "minutes since the epoch, read as UTC". */
function wallMinutes(instant: number, timeZone: string): number {
  return Math.floor(instant / MINUTE) + offsetMinutes(instant, timeZone);
}

function wallString(instant: number, timeZone: string): string {
  return new Date(wallMinutes(instant, timeZone) * MINUTE).toISOString().slice(0, 16);
}

function fromWallMinutes(minutes: number): { date: string; time: string } {
  const text = new Date(minutes * MINUTE).toISOString();
  return { date: text.slice(0, 10), time: text.slice(11, 16) };
}

function inputMinutes(date: string, time: string): number {
  return Date.parse(`${date}T${time}:00Z`) / MINUTE;
}

const FIRST_DAY = Date.UTC(2026, 0, 1) / DAY;
const LAST_DAY = Date.UTC(2028, 11, 31) / DAY;
const dateOfDayNumber = (n: number) => new Date(n * DAY).toISOString().slice(0, 10);
const dayNumberOf = (date: string) => Date.parse(`${date}T00:00:00Z`) / DAY;

interface Transition {
  zone: string;
  /** First instant (ms, whole minute) with the new offset. */
  at: number;
  before: number;
  after: number;
}

/** Every offset change in 2026–2028 for the test zones, found by scanning and bisecting. */
const TRANSITIONS: Transition[] = ZONES.flatMap((zone) => {
  const found: Transition[] = [];
  for (let day = FIRST_DAY; day <= LAST_DAY; day++) {
    let lo = day * DAY;
    let hi = lo + DAY;
    const before = offsetMinutes(lo, zone);
    const after = offsetMinutes(hi, zone);
    if (before === after) continue;
    while (hi - lo > MINUTE) {
      const mid = lo + Math.floor((hi - lo) / 2 / MINUTE) * MINUTE;
      if (offsetMinutes(mid, zone) === before) lo = mid;
      else hi = mid;
    }
    found.push({ zone, at: hi, before, after });
  }
  return found;
});

// ---------------------------------------------------------------------------------------------

describe('zonedInstant', () => {
  it('converts ordinary local times with the offset in force', () => {
    expect(iso(zonedInstant('2026-12-07', '09:00', 'America/Chicago'))).toBe(
      '2026-12-07T15:00:00.000Z',
    );
    expect(iso(zonedInstant('2026-06-08', '09:00', 'America/Chicago'))).toBe(
      '2026-06-08T14:00:00.000Z',
    );
    expect(iso(zonedInstant('2026-06-08', '09:00', 'America/Phoenix'))).toBe(
      '2026-06-08T16:00:00.000Z',
    );
    expect(iso(zonedInstant('2026-06-08', '09:00', 'Asia/Kolkata'))).toBe(
      '2026-06-08T03:30:00.000Z',
    );
    expect(iso(zonedInstant('2026-06-08', '00:00', 'Europe/Berlin'))).toBe(
      '2026-06-07T22:00:00.000Z',
    );
    expect(iso(zonedInstant('2026-12-31', '23:59', 'Pacific/Honolulu'))).toBe(
      '2027-01-01T09:59:00.000Z',
    );
  });

  it('moves a time in the spring-forward gap forward by the gap (Chicago, 2027-03-14)', () => {
    const chicago = (time: string) => iso(zonedInstant('2027-03-14', time, 'America/Chicago'));
    expect(chicago('01:59')).toBe('2027-03-14T07:59:00.000Z'); // 01:59 CST
    expect(chicago('02:00')).toBe('2027-03-14T08:00:00.000Z'); // becomes 03:00 CDT
    expect(chicago('02:30')).toBe('2027-03-14T08:30:00.000Z'); // becomes 03:30 CDT
    expect(chicago('03:00')).toBe('2027-03-14T08:00:00.000Z'); // 03:00 CDT
    expect(chicago('03:30')).toBe('2027-03-14T08:30:00.000Z');
    expect(wallString(Date.parse(chicago('02:30') ?? ''), 'America/Chicago')).toBe(
      '2027-03-14T03:30',
    );
  });

  it('gives the earlier instant of an ambiguous fall-back time (Chicago, 2026-11-01)', () => {
    const chicago = (time: string) => iso(zonedInstant('2026-11-01', time, 'America/Chicago'));
    expect(chicago('00:59')).toBe('2026-11-01T05:59:00.000Z'); // CDT
    expect(chicago('01:00')).toBe('2026-11-01T06:00:00.000Z'); // first 01:00, CDT
    expect(chicago('01:30')).toBe('2026-11-01T06:30:00.000Z'); // first 01:30, CDT
    expect(chicago('01:59')).toBe('2026-11-01T06:59:00.000Z');
    expect(chicago('02:00')).toBe('2026-11-01T08:00:00.000Z'); // CST
  });

  it('handles half-hour shifts and European dates (Lord Howe, Berlin)', () => {
    // Lord Howe: 02:00 → 02:30 on 2026-10-04, 02:00 → 01:30 on 2027-04-04.
    expect(iso(zonedInstant('2026-10-04', '02:10', 'Australia/Lord_Howe'))).toBe(
      '2026-10-03T15:40:00.000Z', // 02:40 +11:00
    );
    expect(iso(zonedInstant('2027-04-04', '01:45', 'Australia/Lord_Howe'))).toBe(
      '2027-04-03T14:45:00.000Z', // the first 01:45, +11:00
    );
    // Berlin: 02:00 → 03:00 on 2027-03-28, 03:00 → 02:00 on 2026-10-25.
    expect(iso(zonedInstant('2027-03-28', '02:30', 'Europe/Berlin'))).toBe(
      '2027-03-28T01:30:00.000Z', // 03:30 CEST
    );
    expect(iso(zonedInstant('2026-10-25', '02:30', 'Europe/Berlin'))).toBe(
      '2026-10-25T00:30:00.000Z', // the first 02:30, CEST
    );
  });

  it('rejects malformed dates, times and zones', () => {
    expect(() => zonedInstant('2026-02-30', '09:00', 'America/Chicago')).toThrow(RangeError);
    expect(() => zonedInstant('2026-2-3', '09:00', 'America/Chicago')).toThrow(RangeError);
    expect(() => zonedInstant('2026-02-03', '24:00', 'America/Chicago')).toThrow(RangeError);
    expect(() => zonedInstant('2026-02-03', '9:00', 'America/Chicago')).toThrow(RangeError);
    expect(() => zonedInstant('2026-02-03', '09:00', 'Mars/Olympus_Mons')).toThrow(RangeError);
  });
});

describe('weekStart', () => {
  it('is the Monday of the week, across months, years and DST changes', () => {
    expect(weekStart(dayOf('2026-08-17'))).toBe('2026-08-17'); // Monday
    expect(weekStart(dayOf('2026-08-23'))).toBe('2026-08-17'); // Sunday
    expect(weekStart(dayOf('2026-03-01'))).toBe('2026-02-23');
    expect(weekStart(dayOf('2027-01-03'))).toBe('2026-12-28');
    expect(weekStart(dayOf('2027-03-14'))).toBe('2027-03-08');
    expect(weekStart(dayOf('2026-11-01'))).toBe('2026-10-26');
    expect(weekStart(dayOf('2028-02-29'))).toBe('2028-02-28');
  });
});

describe('sessionsBetween', () => {
  const speech = service({
    id: 'speech',
    slots: [slot('mon', '09:00', '09:30'), slot('wed', '13:15', '13:45')],
  });

  it('puts each slot on its weekday, in time order, with both ends of the range included', () => {
    const sessions = sessionsBetween([speech], '2026-09-07', '2026-09-14', 'America/Chicago');
    expect(
      sessions.map((s) => [s.date, s.slot.weekday, iso(s.start), iso(s.end), s.minutes]),
    ).toEqual([
      ['2026-09-07', 'mon', '2026-09-07T14:00:00.000Z', '2026-09-07T14:30:00.000Z', 30],
      ['2026-09-09', 'wed', '2026-09-09T18:15:00.000Z', '2026-09-09T18:45:00.000Z', 30],
      ['2026-09-14', 'mon', '2026-09-14T14:00:00.000Z', '2026-09-14T14:30:00.000Z', 30],
    ]);
    expect(sessions.every((s) => s.serviceId === 'speech' && s.service === speech)).toBe(true);
  });

  it('merges services in start order', () => {
    const ot = service({ id: 'ot', setting: 'push-in', slots: [slot('mon', '08:30', '09:15')] });
    const sessions = sessionsBetween([speech, ot], '2026-09-07', '2026-09-07', 'America/Chicago');
    expect(sessions.map((s) => s.serviceId)).toEqual(['ot', 'speech']);
  });

  it('honours startDate and endDate', () => {
    const short = service({
      ...speech,
      startDate: '2026-09-09', // a Wednesday
      endDate: '2026-09-14', // the next Monday
    });
    const sessions = sessionsBetween([short], '2026-08-31', '2026-09-30', 'America/Chicago');
    expect(sessions.map((s) => s.date)).toEqual(['2026-09-09', '2026-09-14']);
  });

  it('skips no-service dates', () => {
    const holiday = service({ ...speech, noServiceDates: ['2026-09-07', '2026-09-16'] });
    const sessions = sessionsBetween([holiday], '2026-09-07', '2026-09-18', 'America/Chicago');
    expect(sessions.map((s) => s.date)).toEqual(['2026-09-09', '2026-09-14']);
  });

  it('is empty for a reversed range and for a service without slots', () => {
    expect(sessionsBetween([speech], '2026-09-14', '2026-09-07', 'America/Chicago')).toEqual([]);
    expect(sessionsBetween([service()], '2026-09-07', '2026-09-14', 'America/Chicago')).toEqual([]);
  });

  it('keeps wall-clock times through the US spring-forward week (Chicago 2027-03-14)', () => {
    const weekly = service({
      id: 'weekly',
      slots: [slot('fri', '09:00', '09:30'), slot('mon', '09:00', '09:30')],
    });
    const overnight = service({
      id: 'overnight',
      setting: 'consult',
      slots: [slot('sun', '01:30', '03:30'), slot('sun', '02:15', '02:45')],
    });
    const sessions = sessionsBetween(
      [weekly, overnight],
      '2027-03-12',
      '2027-03-15',
      'America/Chicago',
    );
    expect(sessions.map((s) => [s.serviceId, s.date, iso(s.start), iso(s.end), s.minutes])).toEqual(
      [
        ['weekly', '2027-03-12', '2027-03-12T15:00:00.000Z', '2027-03-12T15:30:00.000Z', 30], // CST
        // 01:30 CST to 03:30 CDT: one hour of real time.
        ['overnight', '2027-03-14', '2027-03-14T07:30:00.000Z', '2027-03-14T08:30:00.000Z', 60],
        // 02:15–02:45 does not exist; it moves to 03:15–03:45 CDT.
        ['overnight', '2027-03-14', '2027-03-14T08:15:00.000Z', '2027-03-14T08:45:00.000Z', 30],
        ['weekly', '2027-03-15', '2027-03-15T14:00:00.000Z', '2027-03-15T14:30:00.000Z', 30], // CDT
      ],
    );
  });

  it('keeps wall-clock times through the US fall-back week (Chicago 2026-11-01)', () => {
    const weekly = service({
      id: 'weekly',
      slots: [slot('fri', '09:00', '09:30'), slot('mon', '09:00', '09:30')],
    });
    const overnight = service({ id: 'overnight', slots: [slot('sun', '01:00', '02:00')] });
    const day = dayOf('2026-11-01');
    const sessions = sessionsInWeek([weekly, overnight], day, 'America/Chicago');
    expect(sessions.map((s) => [s.serviceId, s.date, iso(s.start), iso(s.end), s.minutes])).toEqual(
      [
        ['weekly', '2026-10-26', '2026-10-26T14:00:00.000Z', '2026-10-26T14:30:00.000Z', 30], // CDT
        ['weekly', '2026-10-30', '2026-10-30T14:00:00.000Z', '2026-10-30T14:30:00.000Z', 30],
        // The first 01:00 (CDT) to 02:00 CST: two hours of real time.
        ['overnight', '2026-11-01', '2026-11-01T06:00:00.000Z', '2026-11-01T08:00:00.000Z', 120],
      ],
    );
    const next = sessionsInWeek([weekly], dayOf('2026-11-02'), 'America/Chicago');
    expect(iso(next[0]?.start)).toBe('2026-11-02T15:00:00.000Z'); // CST
  });

  it('follows each district’s own day boundaries (Berlin vs Chicago)', () => {
    const svc = service({
      slots: [slot('tue', '08:00', '08:30'), slot('wed', '08:00', '08:30')],
      startDate: '2026-01-05',
      endDate: '2027-12-31',
    });
    // 23:30 UTC on Tuesday 9 June is already Wednesday in Berlin, still Tuesday in Chicago.
    const now = at('2026-06-09T23:30:00Z');
    const berlinDay = localDay(now, 'Europe/Berlin');
    const chicagoDay = localDay(now, 'America/Chicago');
    expect(berlinDay).toEqual({ date: '2026-06-10', weekday: 'wed' });
    expect(chicagoDay).toEqual({ date: '2026-06-09', weekday: 'tue' });
    const berlin = sessionsBetween([svc], berlinDay.date, berlinDay.date, 'Europe/Berlin');
    const chicago = sessionsBetween([svc], chicagoDay.date, chicagoDay.date, 'America/Chicago');
    expect(berlin.map((s) => [s.slot.weekday, iso(s.start)])).toEqual([
      ['wed', '2026-06-10T06:00:00.000Z'],
    ]);
    expect(chicago.map((s) => [s.slot.weekday, iso(s.start)])).toEqual([
      ['tue', '2026-06-09T13:00:00.000Z'],
    ]);

    // Sunday night in Chicago is Monday morning in Berlin: different weeks.
    const sundayNight = at('2026-06-14T23:30:00Z');
    expect(weekStart(localDay(sundayNight, 'Europe/Berlin'))).toBe('2026-06-15');
    expect(weekStart(localDay(sundayNight, 'America/Chicago'))).toBe('2026-06-08');

    // Between the US and EU changes (2027-03-14 and 2027-03-28) the zones are six hours apart.
    const mid = (zone: string) =>
      iso(sessionsBetween([svc], '2027-03-16', '2027-03-16', zone)[0]?.start);
    expect(mid('America/Chicago')).toBe('2027-03-16T13:00:00.000Z');
    expect(mid('Europe/Berlin')).toBe('2027-03-16T07:00:00.000Z');
  });
});

describe('independence from the browser’s own time zone', () => {
  const services = [
    service({
      id: 'a',
      slots: [slot('sun', '00:15', '00:45'), slot('mon', '09:00', '09:30')],
      noServiceDates: ['2026-09-14'],
      deliveredThisWeek: { weekOf: '2026-09-07', minutes: 10 },
    }),
    service({ id: 'b', setting: 'push-in', slots: [slot('sat', '23:30', '23:59')] }),
  ];

  function summary(zone: string) {
    return {
      sessions: sessionsBetween(services, '2026-09-01', '2026-09-30', zone).map((s) => [
        s.serviceId,
        s.date,
        s.start.toISOString(),
        s.minutes,
      ]),
      weeks: ['2026-09-06', '2026-09-07', '2027-01-03', '2027-03-14'].map((d) =>
        weekStart(dayOf(d)),
      ),
      minutes: weeklyMinutes(services, dayOf('2026-09-09'), at('2026-09-09T12:00:00Z'), zone),
    };
  }

  it('gives instants that depend only on the district zone (explicit zones, fixed UTC results)', () => {
    const chicago = summary('America/Chicago');
    const kolkata = summary('Asia/Kolkata');
    expect(chicago.sessions.slice(0, 2)).toEqual([
      ['b', '2026-09-05', '2026-09-06T04:30:00.000Z', 29],
      ['a', '2026-09-06', '2026-09-06T05:15:00.000Z', 30],
    ]);
    expect(kolkata.sessions.slice(0, 2)).toEqual([
      ['b', '2026-09-05', '2026-09-05T18:00:00.000Z', 29],
      ['a', '2026-09-06', '2026-09-05T18:45:00.000Z', 30],
    ]);
    expect(chicago.weeks).toEqual(['2026-08-31', '2026-09-07', '2026-12-28', '2027-03-08']);
    expect(kolkata.weeks).toEqual(chicago.weeks);
    expect(chicago.sessions.map((s) => s[1])).toEqual(kolkata.sessions.map((s) => s[1]));
  });

  it('gives the same answers in a browser set to other zones (separate processes)', async () => {
    const here = JSON.stringify(summary('America/Chicago'));
    const schedule = pathToFileURL(
      fileURLToPath(new URL('../../lib/services/schedule.ts', import.meta.url)),
    ).href;
    const today = pathToFileURL(
      fileURLToPath(new URL('../../lib/services/today.ts', import.meta.url)),
    ).href;
    // The same computation as summary(), run where the host zone differs. Santiago has no
    // local midnight on 2026-09-06; Kiritimati is fourteen hours ahead of UTC.
    const script = `
      const { sessionsBetween, weekStart, weeklyMinutes } = await import(${JSON.stringify(schedule)});
      const { localDay } = await import(${JSON.stringify(today)});
      const services = ${JSON.stringify(services)};
      const dayOf = (date) => localDay(new Date(date + 'T12:00:00Z'), 'UTC');
      const zone = 'America/Chicago';
      console.log(JSON.stringify({
        sessions: sessionsBetween(services, '2026-09-01', '2026-09-30', zone).map((s) => [
          s.serviceId, s.date, s.start.toISOString(), s.minutes,
        ]),
        weeks: ['2026-09-06', '2026-09-07', '2027-01-03', '2027-03-14'].map((d) => weekStart(dayOf(d))),
        minutes: weeklyMinutes(services, dayOf('2026-09-09'), new Date('2026-09-09T12:00:00Z'), zone),
      }));
    `;
    const hostZones = ['America/Santiago', 'Pacific/Kiritimati'];
    const runs = await Promise.all(
      hostZones.map((hostZone) =>
        execFileAsync(
          process.execPath,
          ['--import', 'tsx', '--input-type=module', '--eval', script],
          {
            env: { ...process.env, TZ: hostZone },
            encoding: 'utf8',
            timeout: 30_000,
          },
        ),
      ),
    );
    runs.forEach((run, i) => {
      expect(run.stderr, hostZones[i]).toBe('');
      expect(run.stdout.trim(), hostZones[i]).toBe(here);
    });
  }, 60_000);
});

// ---------------------------------------------------------------------------------------------

function sessionAt(
  start: string,
  end: string,
  setting: Service['setting'] = 'pull-out',
  id = 'svc-1',
): Session {
  const svc = service({ id, setting });
  return {
    serviceId: id,
    service: svc,
    slot: slot('mon', '10:00', '10:30'),
    date: start.slice(0, 10),
    start: at(start),
    end: at(end),
    minutes: (Date.parse(end) - Date.parse(start)) / MINUTE,
  };
}

describe('reminderState and nextStateChange', () => {
  const speech = sessionAt('2026-09-14T15:00:00Z', '2026-09-14T15:30:00Z');
  const pushIn = sessionAt('2026-09-14T15:20:00Z', '2026-09-14T16:00:00Z', 'push-in', 'ot');

  it('counts down, then says the student is out, then nothing', () => {
    const state = (time: string) => reminderState([speech], at(time));
    expect(state('2026-09-14T14:44:59Z')).toEqual({ kind: 'none' });
    expect(state('2026-09-14T14:45:00Z')).toEqual({
      kind: 'soon',
      session: speech,
      minutesUntil: 15,
    });
    expect(state('2026-09-14T14:50:30Z')).toEqual({
      kind: 'soon',
      session: speech,
      minutesUntil: 10,
    });
    expect(state('2026-09-14T14:59:59Z')).toEqual({
      kind: 'soon',
      session: speech,
      minutesUntil: 1,
    });
    expect(state('2026-09-14T15:00:00Z')).toEqual({ kind: 'out-now', session: speech });
    expect(state('2026-09-14T15:29:59Z')).toEqual({ kind: 'out-now', session: speech });
    expect(state('2026-09-14T15:30:00Z')).toEqual({ kind: 'none' });
  });

  it('never says out-now for push-in or consult sessions, but does remind', () => {
    const consult = sessionAt('2026-09-14T15:00:00Z', '2026-09-14T15:30:00Z', 'consult');
    expect(reminderState([consult], at('2026-09-14T15:10:00Z'))).toEqual({ kind: 'none' });
    expect(reminderState([consult], at('2026-09-14T14:55:00Z'))).toMatchObject({
      kind: 'soon',
      minutesUntil: 5,
    });
  });

  it('prefers out-now over soon, and the earliest soon session', () => {
    expect(reminderState([pushIn, speech], at('2026-09-14T15:10:00Z'))).toEqual({
      kind: 'out-now',
      session: speech,
    });
    const later = sessionAt('2026-09-14T15:25:00Z', '2026-09-14T15:40:00Z', 'consult', 'later');
    expect(reminderState([later, pushIn], at('2026-09-14T15:31:00Z'), 60)).toEqual({
      kind: 'none',
    });
    expect(reminderState([later, pushIn], at('2026-09-14T15:12:00Z'))).toEqual({
      kind: 'soon',
      session: pushIn,
      minutesUntil: 8,
    });
  });

  it('uses the given soon window', () => {
    expect(reminderState([speech], at('2026-09-14T14:50:00Z'), 5)).toEqual({ kind: 'none' });
    expect(reminderState([speech], at('2026-09-14T14:55:00Z'), 5)).toMatchObject({ kind: 'soon' });
    expect(reminderState([speech], at('2026-09-14T14:59:00Z'), 0)).toEqual({ kind: 'none' });
  });

  it('names the next instant the state changes', () => {
    const next = (time: string, sessions = [speech, pushIn]) =>
      iso(nextStateChange(sessions, at(time)));
    expect(next('2026-09-14T12:00:00Z')).toBe('2026-09-14T14:45:00.000Z'); // soon window opens
    expect(next('2026-09-14T14:45:00Z')).toBe('2026-09-14T14:46:00.000Z'); // countdown 15 → 14
    expect(next('2026-09-14T14:59:10Z')).toBe('2026-09-14T15:00:00.000Z'); // start
    expect(next('2026-09-14T15:00:00Z')).toBe('2026-09-14T15:05:00.000Z'); // push-in window
    expect(next('2026-09-14T15:19:00Z')).toBe('2026-09-14T15:20:00.000Z');
    expect(next('2026-09-14T15:20:00Z')).toBe('2026-09-14T15:30:00.000Z'); // pull-out ends
    expect(next('2026-09-14T15:30:00Z')).toBeUndefined(); // a push-in's end changes nothing
    expect(nextStateChange([], at('2026-09-14T12:00:00Z'))).toBeUndefined();
  });
});

describe('weeklyMinutes', () => {
  const monday = '2026-09-14';
  const speech = service({
    id: 'speech',
    minutes: 60,
    slots: [slot('mon', '09:00', '09:30'), slot('wed', '09:00', '09:30')],
  });
  const wednesday10 = at('2026-09-16T15:00:00Z'); // 10:00 CDT
  const wednesday0915 = at('2026-09-16T14:15:00Z'); // in the Wednesday session

  it('reports scheduled minutes without delivery data', () => {
    expect(weeklyMinutes([speech], dayOf('2026-09-16'), wednesday0915, 'America/Chicago')).toEqual([
      { serviceId: 'speech', required: 60, scheduled: 60, scheduledToDate: 30, shortfall: false },
    ]);
  });

  it('compares delivered minutes with the minutes scheduled so far', () => {
    const reported = (minutes: number, weekOf = monday) =>
      weeklyMinutes(
        [service({ ...speech, deliveredThisWeek: { weekOf, minutes } })],
        dayOf('2026-09-16'),
        wednesday10,
        'America/Chicago',
      )[0];
    expect(reported(30)).toEqual({
      serviceId: 'speech',
      required: 60,
      scheduled: 60,
      scheduledToDate: 60,
      delivered: 30,
      shortfall: true,
    });
    expect(reported(60)).toMatchObject({ delivered: 60, shortfall: false });
    // Last week's report says nothing about this week.
    const stale = reported(0, '2026-09-07');
    expect(stale).toMatchObject({ scheduledToDate: 60, shortfall: false });
    expect(stale).not.toHaveProperty('delivered');
  });

  it('leaves per-month requirements undefined and skips services outside the week', () => {
    const monthly = service({
      id: 'ot',
      per: 'month',
      minutes: 90,
      slots: [slot('thu', '13:00', '13:45')],
    });
    const ended = service({ id: 'old', startDate: '2026-01-05', endDate: '2026-06-05' });
    const result = weeklyMinutes(
      [speech, monthly, ended],
      dayOf('2026-09-20'),
      at('2026-09-21T12:00:00Z'),
      'America/Chicago',
    );
    expect(result).toEqual([
      { serviceId: 'speech', required: 60, scheduled: 60, scheduledToDate: 60, shortfall: false },
      {
        serviceId: 'ot',
        required: undefined,
        scheduled: 45,
        scheduledToDate: 45,
        shortfall: false,
      },
    ]);
  });

  it('counts real minutes in a DST week and nothing before the week starts', () => {
    const overnight = service({ id: 'night', slots: [slot('sun', '01:00', '02:00')] });
    const [fallBack] = weeklyMinutes(
      [overnight],
      dayOf('2026-10-28'),
      at('2026-10-27T12:00:00Z'),
      'America/Chicago',
    );
    expect(fallBack).toEqual({
      serviceId: 'night',
      required: 60,
      scheduled: 120,
      scheduledToDate: 0,
      shortfall: false,
    });
  });
});

// ---------------------------------------------------------------------------------------------
// Properties

const zoneArb = fc.constantFrom(...ZONES);
const dayNumberArb = fc.integer({ min: FIRST_DAY, max: LAST_DAY });
const minuteOfDayArb = fc.integer({ min: 0, max: 24 * 60 - 1 });

/** A zone with a wall-clock date and time, often close to one of its offset changes. */
const zonedWallClockArb = fc.oneof(
  fc
    .record({ zone: zoneArb, day: dayNumberArb, minute: minuteOfDayArb })
    .map(({ zone, day, minute }) => ({
      zone,
      ...fromWallMinutes(day * 24 * 60 + minute),
    })),
  fc
    .record({
      transition: fc.constantFrom(...TRANSITIONS),
      delta: fc.integer({ min: -120, max: 120 }),
    })
    .map(({ transition, delta }) => ({
      zone: transition.zone,
      ...fromWallMinutes(transition.at / MINUTE + transition.before + delta),
    })),
);

describe('properties', () => {
  it('has transitions to test against', () => {
    // Six zones change twice a year; Phoenix, Honolulu and Kolkata never do.
    expect(TRANSITIONS.length).toBe(5 * 6);
    expect(new Set(TRANSITIONS.map((t) => t.zone))).toEqual(
      new Set([
        'America/Chicago',
        'America/New_York',
        'America/Los_Angeles',
        'Europe/Berlin',
        'Australia/Lord_Howe',
      ]),
    );
  });

  it('zonedInstant round-trips, moving forward only across a gap, earliest when ambiguous', () => {
    fc.assert(
      fc.property(zonedWallClockArb, ({ zone, date, time }) => {
        const instant = zonedInstant(date, time, zone).getTime();
        expect(instant % MINUTE).toBe(0);
        const wanted = inputMinutes(date, time);
        const got = wallMinutes(instant, zone);
        const before = offsetMinutes(instant - DAY, zone);
        const after = offsetMinutes(instant + DAY, zone);
        if (got === wanted) {
          // When the time happens twice, the earlier one: an hour (or half) before shows another.
          if (before > after) {
            expect(wallMinutes(instant - (before - after) * MINUTE, zone)).not.toBe(wanted);
          }
        } else {
          // Only a nonexistent time moves, and by exactly the gap.
          expect(after).toBeGreaterThan(before);
          expect(got - wanted).toBe(after - before);
          expect(wallMinutes((wanted - before) * MINUTE, zone)).not.toBe(wanted);
          expect(wallMinutes((wanted - after) * MINUTE, zone)).not.toBe(wanted);
        }
      }),
      { numRuns: 400 },
    );
  });

  const slotArb = fc
    .record({
      weekday: fc.constantFrom(...WEEKDAYS),
      start: fc.integer({ min: 0, max: 24 * 60 - 2 }),
      length: fc.integer({ min: 1, max: 180 }),
    })
    .map(({ weekday, start, length }) =>
      slot(
        weekday,
        fromWallMinutes(start).time,
        fromWallMinutes(Math.min(start + length, 24 * 60 - 1)).time,
      ),
    );

  /** Services and a date range, the range often around a DST change. */
  const scheduleArb = fc
    .record({
      zone: zoneArb,
      from: fc.oneof(
        dayNumberArb,
        fc.constantFrom(...TRANSITIONS).map((t) => Math.floor(t.at / DAY) - 3),
      ),
      span: fc.integer({ min: 0, max: 20 }),
      services: fc.array(
        fc.record({
          setting: fc.constantFrom('pull-out', 'push-in', 'consult') as fc.Arbitrary<
            Service['setting']
          >,
          slots: fc.array(slotArb, { maxLength: 4 }),
          startOffset: fc.integer({ min: -30, max: 25 }),
          length: fc.integer({ min: 0, max: 60 }),
          noService: fc.array(fc.integer({ min: 0, max: 20 }), { maxLength: 5 }),
        }),
        { minLength: 1, maxLength: 3 },
      ),
    })
    .map(({ zone, from, span, services }) => ({
      zone,
      fromDate: dateOfDayNumber(from),
      toDate: dateOfDayNumber(from + span),
      services: services.map((s, i) =>
        service({
          id: `svc-${i}`,
          setting: s.setting,
          slots: s.slots,
          startDate: dateOfDayNumber(from + s.startOffset),
          endDate: dateOfDayNumber(from + s.startOffset + s.length),
          noServiceDates: s.noService.map((d) => dateOfDayNumber(from + d)),
        }),
      ),
    }));

  it('sessions are sorted, on their weekday in the zone, inside every date rule, and complete', () => {
    fc.assert(
      fc.property(scheduleArb, ({ zone, fromDate, toDate, services }) => {
        const sessions = sessionsBetween(services, fromDate, toDate, zone);
        for (let i = 1; i < sessions.length; i++) {
          expect(sessions[i]?.start.getTime()).toBeGreaterThanOrEqual(
            sessions[i - 1]?.start.getTime() ?? 0,
          );
        }
        for (const s of sessions) {
          expect(localDay(s.start, zone)).toEqual({ date: s.date, weekday: s.slot.weekday });
          expect(s.service.noServiceDates ?? []).not.toContain(s.date);
          expect(s.date >= s.service.startDate && s.date <= s.service.endDate).toBe(true);
          expect(s.date >= fromDate && s.date <= toDate).toBe(true);
          expect(s.end.getTime()).toBeGreaterThanOrEqual(s.start.getTime());
          expect(s.minutes).toBe((s.end.getTime() - s.start.getTime()) / MINUTE);
          expect(s.serviceId).toBe(s.service.id);
        }
        // Complete: the same service/slot pairs as today.ts finds day by day.
        let expected = 0;
        for (let d = dayNumberOf(fromDate); d <= dayNumberOf(toDate); d++) {
          expected += sessionsOn(services, dayOf(dateOfDayNumber(d))).length;
        }
        expect(sessions.length).toBe(expected);
      }),
      { numRuns: 200 },
    );
  });

  /** A few sessions around a base instant, and a `now` near them. */
  const baseArb = fc
    .integer({ min: Date.UTC(2026, 0, 1), max: Date.UTC(2028, 11, 31) })
    .map((n) => n - (n % MINUTE));
  const remindersArb = fc.record({
    base: baseArb,
    window: fc.integer({ min: 0, max: 30 }),
    nowOffset: fc.integer({ min: -4 * 60 * MINUTE, max: 4 * 60 * MINUTE }),
    sessions: fc.array(
      fc.record({
        startMinute: fc.integer({ min: -180, max: 180 }),
        length: fc.integer({ min: 0, max: 90 }),
        setting: fc.constantFrom('pull-out', 'push-in', 'consult') as fc.Arbitrary<
          Service['setting']
        >,
      }),
      { minLength: 1, maxLength: 4 },
    ),
  });

  function build(
    base: number,
    specs: { startMinute: number; length: number; setting: Service['setting'] }[],
  ) {
    return specs.map((spec, i) => {
      const start = new Date(base + spec.startMinute * MINUTE).toISOString();
      const end = new Date(base + (spec.startMinute + spec.length) * MINUTE).toISOString();
      return sessionAt(start, end, spec.setting, `svc-${i}`);
    });
  }

  it("reminderState at start − k minutes is 'soon' exactly when 0 < k ≤ window", () => {
    fc.assert(
      fc.property(
        fc.record({
          base: baseArb,
          k: fc.integer({ min: -120, max: 120 }),
          window: fc.integer({ min: 0, max: 60 }),
          length: fc.integer({ min: 1, max: 90 }),
          setting: fc.constantFrom('pull-out', 'push-in', 'consult') as fc.Arbitrary<
            Service['setting']
          >,
        }),
        ({ base, k, window, length, setting }) => {
          const [session] = build(base, [{ startMinute: 0, length, setting }]);
          const state = reminderState(
            session ? [session] : [],
            new Date(base - k * MINUTE),
            window,
          );
          expect(state.kind === 'soon').toBe(0 < k && k <= window);
          if (state.kind === 'soon') expect(state.minutesUntil).toBe(k);
          expect(state.kind === 'out-now').toBe(setting === 'pull-out' && k <= 0 && -k < length);
        },
      ),
      { numRuns: 200 },
    );
  });

  const same = (a: ReminderState, b: ReminderState) => {
    expect(a.kind).toBe(b.kind);
    if (a.kind !== 'none' && b.kind !== 'none') expect(a.session).toBe(b.session);
    if (a.kind === 'soon' && b.kind === 'soon') expect(a.minutesUntil).toBe(b.minutesUntil);
  };

  it('nextStateChange is in the future and the state holds until then', () => {
    fc.assert(
      fc.property(
        remindersArb,
        fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { maxLength: 5 }),
        (r, fractions) => {
          const sessions = build(r.base, r.sessions);
          const now = new Date(r.base + r.nowOffset);
          const state = reminderState(sessions, now, r.window);
          const next = nextStateChange(sessions, now, r.window);
          if (next === undefined) {
            expect(state).toEqual({ kind: 'none' });
            same(reminderState(sessions, new Date(now.getTime() + 10 * DAY), r.window), state);
            return;
          }
          expect(next.getTime()).toBeGreaterThan(now.getTime());
          const span = next.getTime() - now.getTime();
          for (const f of [...fractions, 1]) {
            const t = now.getTime() + Math.min(span - 1, Math.floor(f * span));
            same(reminderState(sessions, new Date(t), r.window), state);
          }
        },
      ),
      { numRuns: 200 },
    );
  });

  it('with one session and a window, the state does change at nextStateChange', () => {
    fc.assert(
      fc.property(remindersArb, (r) => {
        const sessions = build(r.base, r.sessions.slice(0, 1));
        const window = Math.max(1, r.window);
        const now = new Date(r.base + r.nowOffset);
        const next = nextStateChange(sessions, now, window);
        if (next === undefined) return;
        const a = reminderState(sessions, now, window);
        const b = reminderState(sessions, next, window);
        expect(
          a.kind !== b.kind ||
            (a.kind === 'soon' && b.kind === 'soon' && a.minutesUntil !== b.minutesUntil),
        ).toBe(true);
      }),
      { numRuns: 200 },
    );
  });
});
