import type { Service, ServiceSlot, Weekday } from '../feed/schema';

export interface LocalDay {
  /** YYYY-MM-DD in the district's time zone. */
  date: string;
  weekday: Weekday;
}

const WEEKDAYS: Record<string, Weekday> = {
  Mon: 'mon',
  Tue: 'tue',
  Wed: 'wed',
  Thu: 'thu',
  Fri: 'fri',
  Sat: 'sat',
  Sun: 'sun',
};

/** The calendar day in the district's time zone, whatever the browser's own zone is. */
export function localDay(now: Date, timeZone: string): LocalDay {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    weekday: 'short',
  }).formatToParts(now);
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  const weekday = WEEKDAYS[part('weekday')];
  if (!weekday) throw new Error(`Unexpected weekday for ${timeZone}`);
  return { date: `${part('year')}-${part('month')}-${part('day')}`, weekday };
}

export interface ServiceSession {
  service: Service;
  slot: ServiceSlot;
}

/** Sessions scheduled on a district-local day, in time order. */
export function sessionsOn(services: readonly Service[], day: LocalDay): ServiceSession[] {
  return services
    .filter(
      (service) =>
        service.startDate <= day.date &&
        day.date <= service.endDate &&
        !service.noServiceDates?.includes(day.date),
    )
    .flatMap((service) =>
      service.slots
        .filter((slot) => slot.weekday === day.weekday)
        .map((slot) => ({ service, slot })),
    )
    .sort((a, b) => a.slot.start.localeCompare(b.slot.start));
}
