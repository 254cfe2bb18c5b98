import { addDays, format, getISODay, subDays } from 'date-fns';
import type { Service, ServiceSlot, Weekday } from '../feed/schema';
import type { LocalDay } from './today';

/**
 * Service schedules in the district's time zone.
 *
 * Two kinds of value meet here and are kept apart:
 * - plain calendar dates ('YYYY-MM-DD') and wall-clock times ('HH:MM'), which belong to the
 *   district and mean the same whatever zone the browser is in. Date arithmetic on them uses
 *   date-fns on a host-local Date at noon, which has the same calendar fields in every host zone
 *   (noon is never inside a daylight-saving change), and only those fields are read back;
 * - instants (`Date`), which come from `zonedInstant` and are compared as numbers.
 *
 * Zone offsets come from `Intl.DateTimeFormat`, so no time-zone library is needed and every
 * function here is pure: the browser's own zone never enters a result.
 */

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME_RE = /^([01]\d|2[0-3]):([0-5]\d)$/;

/** ISO day number (1 = Monday … 7 = Sunday) to feed weekday. */
const ISO_WEEKDAYS: readonly Weekday[] = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];

// ---------------------------------------------------------------------------------------------
// Plain dates

/** A host-local Date at noon on the given calendar date; throws on anything else. */
function plainDate(date: string): Date {
  const match = DATE_RE.exec(date);
  if (match) {
    const d = new Date(2000, 0, 1, 12);
    d.setFullYear(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
    if (formatPlain(d) === date) return d;
  }
  throw new RangeError(`Expected a calendar date YYYY-MM-DD, got "${date}"`);
}

function formatPlain(d: Date): string {
  return format(d, 'yyyy-MM-dd');
}

function weekdayOfPlain(d: Date): Weekday {
  return ISO_WEEKDAYS[getISODay(d) - 1] as Weekday;
}

/** The Monday (YYYY-MM-DD) of the Monday–Sunday week containing the day. */
export function weekStart(day: LocalDay): string {
  const d = plainDate(day.date);
  return formatPlain(subDays(d, getISODay(d) - 1));
}

// ---------------------------------------------------------------------------------------------
// Zone offsets

const wallClockFormatters = new Map<string, Intl.DateTimeFormat>();

function wallClockFormatter(timeZone: string): Intl.DateTimeFormat {
  let formatter = wallClockFormatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      era: 'short',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    wallClockFormatters.set(timeZone, formatter);
  }
  return formatter;
}

/** Milliseconds since the epoch of a wall-clock reading taken as if it were UTC. */
function wallClockAsUtc(
  year: number,
  month: number,
  day: number,
  hour: number,
  minute: number,
  second = 0,
): number {
  const d = new Date(0);
  d.setUTCFullYear(year, month - 1, day);
  d.setUTCHours(hour, minute, second, 0);
  return d.getTime();
}

/** The zone's UTC offset in milliseconds at an instant (local wall clock − UTC). */
function offsetAt(instant: number, timeZone: string): number {
  const wholeSecond = instant - (((instant % 1000) + 1000) % 1000);
  const parts = wallClockFormatter(timeZone).formatToParts(new Date(wholeSecond));
  const field = (type: Intl.DateTimeFormatPartTypes) =>
    Number(parts.find((p) => p.type === type)?.value ?? Number.NaN);
  const era = parts.find((p) => p.type === 'era')?.value ?? 'AD';
  const year = era.startsWith('B') ? 1 - field('year') : field('year');
  const hour = field('hour') % 24; // some engines write midnight as 24
  const local = wallClockAsUtc(
    year,
    field('month'),
    field('day'),
    hour,
    field('minute'),
    field('second'),
  );
  return local - wholeSecond;
}

/**
 * The UTC instant at which the district's clocks show `time` on `date`, in the IANA `timeZone`.
 *
 * Daylight-saving changes (the same rule as Temporal's `disambiguation: 'compatible'`):
 * - a time that does not exist because the clocks jump forward (a spring-forward gap) is read
 *   with the offset in force before the jump, so it lands after the gap, moved forward by the
 *   gap's length: 02:30 on the night Chicago goes from 02:00 to 03:00 gives 03:30 CDT;
 * - a time that occurs twice because the clocks go back (fall-back) gives the earlier instant:
 *   01:30 on the night Chicago goes from 02:00 CDT back to 01:00 gives 01:30 CDT, not CST.
 *
 * Throws a RangeError for a malformed date or time or an unknown zone.
 */
export function zonedInstant(date: string, time: string, timeZone: string): Date {
  const t = TIME_RE.exec(time);
  if (!t) throw new RangeError(`Expected a 24-hour time HH:MM, got "${time}"`);
  plainDate(date); // throws unless it is a real calendar date
  const d = DATE_RE.exec(date) as RegExpExecArray;
  const local = wallClockAsUtc(
    Number(d[1]),
    Number(d[2]),
    Number(d[3]),
    Number(t[1]),
    Number(t[2]),
  );
  // Any offset change that matters for this wall-clock time lies within a day of it (no zone's
  // offset is 24 hours or more from UTC), so the offsets a day either side are the candidates.
  const before = offsetAt(local - DAY, timeZone);
  const after = offsetAt(local + DAY, timeZone);
  const candidates = [...new Set([before, offsetAt(local, timeZone), after])]
    .map((offset) => local - offset)
    .filter((instant) => instant + offsetAt(instant, timeZone) === local)
    .sort((a, b) => a - b);
  // No candidate: the time is in a gap. Reading it with the earlier offset moves it past the gap.
  return new Date(candidates[0] ?? local - before);
}

// ---------------------------------------------------------------------------------------------
// Sessions

/** One scheduled meeting of a service: a slot on a district-local date. */
export interface Session {
  serviceId: string;
  service: Service;
  slot: ServiceSlot;
  /** District-local date, YYYY-MM-DD. */
  date: string;
  start: Date;
  end: Date;
  /** Elapsed minutes from start to end (shorter than the wall-clock span across a DST jump). */
  minutes: number;
}

function compareSessions(a: Session, b: Session): number {
  return (
    a.start.getTime() - b.start.getTime() ||
    a.end.getTime() - b.end.getTime() ||
    (a.serviceId < b.serviceId ? -1 : a.serviceId > b.serviceId ? 1 : 0)
  );
}

function sessionOf(service: Service, slot: ServiceSlot, date: string, timeZone: string): Session {
  const start = zonedInstant(date, slot.start, timeZone);
  // A slot that starts in a spring-forward gap and ends just after it could otherwise end
  // before it starts; it is kept, with no length, rather than inventing a time.
  const end = new Date(Math.max(start.getTime(), zonedInstant(date, slot.end, timeZone).getTime()));
  const minutes = Math.round((end.getTime() - start.getTime()) / MINUTE);
  return { serviceId: service.id, service, slot, date, start, end, minutes };
}

/**
 * Every session on the district-local dates `fromDate`..`toDate` (inclusive), honouring each
 * service's startDate/endDate and noServiceDates, sorted by start (then end, then service id).
 * An empty list when `fromDate` is after `toDate`.
 */
export function sessionsBetween(
  services: readonly Service[],
  fromDate: string,
  toDate: string,
  timeZone: string,
): Session[] {
  plainDate(fromDate);
  plainDate(toDate);
  const sessions: Session[] = [];
  for (const service of services) {
    if (service.slots.length === 0) continue;
    const first = service.startDate > fromDate ? service.startDate : fromDate;
    const last = service.endDate < toDate ? service.endDate : toDate;
    if (first > last) continue;
    const skip = new Set(service.noServiceDates ?? []);
    for (let d = plainDate(first), date = first; date <= last; ) {
      if (!skip.has(date)) {
        const weekday = weekdayOfPlain(d);
        for (const slot of service.slots) {
          if (slot.weekday === weekday) sessions.push(sessionOf(service, slot, date, timeZone));
        }
      }
      d = addDays(d, 1);
      date = formatPlain(d);
    }
  }
  return sessions.sort(compareSessions);
}

/** Every session in the Monday–Sunday week that contains the district-local day. */
export function sessionsInWeek(
  services: readonly Service[],
  day: LocalDay,
  timeZone: string,
): Session[] {
  const monday = weekStart(day);
  const sunday = formatPlain(addDays(plainDate(monday), 6));
  return sessionsBetween(services, monday, sunday, timeZone);
}

// ---------------------------------------------------------------------------------------------
// Reminders

export type ReminderState =
  | { kind: 'out-now'; session: Session }
  | { kind: 'soon'; session: Session; minutesUntil: number }
  | { kind: 'none' };

/**
 * What a reminder should say at `now`:
 * - 'out-now' while a pull-out session is in progress (start ≤ now < end): the student is out of
 *   class. Push-in and consult sessions never make a student "out".
 * - 'soon' when a session of any setting starts within `soonMinutes` (0 < start − now ≤ soon);
 *   `minutesUntil` is the whole minutes left, rounded up (1..soonMinutes).
 * - 'none' otherwise.
 * 'out-now' wins over 'soon'. Among several candidates the one that starts first is chosen.
 * The sessions need not be sorted.
 */
export function reminderState(
  sessions: readonly Session[],
  now: Date,
  soonMinutes = 15,
): ReminderState {
  const t = now.getTime();
  const window = soonMinutes * MINUTE;
  let out: Session | undefined;
  let soon: Session | undefined;
  for (const session of sessions) {
    const start = session.start.getTime();
    if (session.service.setting === 'pull-out' && start <= t && t < session.end.getTime()) {
      if (!out || compareSessions(session, out) < 0) out = session;
    } else if (start - t > 0 && start - t <= window) {
      if (!soon || compareSessions(session, soon) < 0) soon = session;
    }
  }
  if (out) return { kind: 'out-now', session: out };
  if (soon) {
    const minutesUntil = Math.ceil((soon.start.getTime() - t) / MINUTE);
    return { kind: 'soon', session: soon, minutesUntil };
  }
  return { kind: 'none' };
}

/**
 * The earliest instant after `now` at which `reminderState(sessions, ·, soonMinutes)` can give a
 * different answer, or undefined when it never will again; a UI sets one timer for it instead of
 * polling. The candidates are each session's start − soon window, its start, the end of each
 * pull-out session, and, because `minutesUntil` is part of the answer, each whole minute before
 * a start inside its soon window. Every part of the state holds on half-open intervals
 * [change, next change), so the answer is constant from `now` up to (not including) the result.
 */
export function nextStateChange(
  sessions: readonly Session[],
  now: Date,
  soonMinutes = 15,
): Date | undefined {
  const t = now.getTime();
  const window = soonMinutes * MINUTE;
  let next = Number.POSITIVE_INFINITY;
  const consider = (instant: number) => {
    if (instant > t && instant < next) next = instant;
  };
  for (const session of sessions) {
    const start = session.start.getTime();
    if (session.service.setting === 'pull-out') consider(session.end.getTime());
    if (start <= t) continue;
    consider(start - window);
    // Within the window the countdown changes at each whole minute before the start.
    const minutesAhead = Math.ceil((start - t) / MINUTE) - 1;
    if (minutesAhead * MINUTE < window) consider(start - minutesAhead * MINUTE);
    consider(start);
  }
  return Number.isFinite(next) ? new Date(next) : undefined;
}

// ---------------------------------------------------------------------------------------------
// Weekly minutes

export interface WeeklyMinutes {
  serviceId: string;
  /** The prescribed minutes for a per-week service; undefined for a per-month one. */
  required: number | undefined;
  /** Minutes of all this week's sessions. */
  scheduled: number;
  /** Minutes of this week's sessions that have ended by `now`. */
  scheduledToDate: number;
  /** deliveredThisWeek.minutes, only when its weekOf is this week's Monday. */
  delivered?: number;
  /** Delivered minutes fall short of the minutes scheduled so far; false without delivery data. */
  shortfall: boolean;
}

/**
 * Scheduled and delivered minutes for the Monday–Sunday week containing `day`, one entry per
 * service whose startDate..endDate overlaps that week, in the order given.
 */
export function weeklyMinutes(
  services: readonly Service[],
  day: LocalDay,
  now: Date,
  timeZone: string,
): WeeklyMinutes[] {
  const monday = weekStart(day);
  const sunday = formatPlain(addDays(plainDate(monday), 6));
  const t = now.getTime();
  return services
    .filter((service) => service.startDate <= sunday && monday <= service.endDate)
    .map((service) => {
      const sessions = sessionsBetween([service], monday, sunday, timeZone);
      let scheduled = 0;
      let scheduledToDate = 0;
      for (const session of sessions) {
        scheduled += session.minutes;
        if (session.end.getTime() <= t) scheduledToDate += session.minutes;
      }
      const delivered =
        service.deliveredThisWeek?.weekOf === monday
          ? service.deliveredThisWeek.minutes
          : undefined;
      const entry: WeeklyMinutes = {
        serviceId: service.id,
        required: service.per === 'week' ? service.minutes : undefined,
        scheduled,
        scheduledToDate,
        shortfall: delivered !== undefined && delivered < scheduledToDate,
      };
      if (delivered !== undefined) entry.delivered = delivered;
      return entry;
    });
}
