import { describe, expect, it } from 'vitest';
import {
  type AccommodationView,
  accommodationView,
  buildCardView,
  type CardContext,
  type CardView,
  displayNameOf,
  serviceViewsForDay,
} from '../../lib/card/card-view';
import { catalogEntry } from '../../lib/catalog/catalog';
import {
  type Accommodation,
  type Feed,
  type FeedInput,
  parseFeed,
  type Service,
} from '../../lib/feed/schema';
import { localDay, sessionsOn } from '../../lib/services/today';
import { makeFeed, makeStudent } from '../support/feed-factory';

// All people are invented.
type StudentInput = FeedInput['students'][number];
type ServiceInput = NonNullable<StudentInput['services']>[number];
type Need = 'device' | 'headphones' | 'quiet-space' | 'adult-nearby';

/** Sunday 29 November 2026, 22:30 in Chicago; already Monday 30 November, 05:30, in Berlin. */
const LATE_SUNDAY_IN_CHICAGO = new Date('2026-11-30T04:30:00Z');
/** Monday 30 November 2026, 10:00 in Chicago. */
const MONDAY_IN_CHICAGO = new Date('2026-11-30T16:00:00Z');

const EN_OTHER: CardContext = { lang: 'en', pageKind: 'other', showPlanType: false };
const EN_VIEW = { lang: 'en', pageKind: 'other' } as const;

const CLASSES = [
  { id: 'eng-7-2', title: 'English 7', subject: 'English', period: '2' },
  { id: 'math-7-4', title: 'Math 7', subject: 'Math', period: '4' },
];

function parsed(input: FeedInput): Feed {
  const result = parseFeed(input);
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.feed;
}

function feedWith(students: StudentInput[]): Feed {
  return parsed(makeFeed(students, { classes: CLASSES }));
}

function service(id: string, extra: Partial<ServiceInput> = {}): ServiceInput {
  return {
    id,
    type: 'speech-language',
    provider: { name: 'Rosa Alvarez', role: 'Speech-language pathologist' },
    setting: 'pull-out',
    minutes: 60,
    per: 'week',
    slots: [{ weekday: 'mon', start: '10:15', end: '10:45', location: 'Room 114' }],
    startDate: '2026-08-20',
    endDate: '2027-06-01',
    ...extra,
  };
}

function servicesOf(...inputs: ServiceInput[]): Service[] {
  return feedWith([makeStudent('s-1', 'Maya', 'Okafor', { services: inputs })]).students[0]
    ?.services as Service[];
}

function cardFor(
  feed: Feed,
  options: { index?: number; now?: Date; context?: Partial<CardContext> } = {},
): CardView {
  const student = feed.students[options.index ?? 0];
  if (!student) throw new Error('no such student');
  return buildCardView(
    student,
    { districtName: feed.district.name, timeZone: feed.district.timezone, classes: feed.classes },
    { ...EN_OTHER, ...options.context },
    options.now ?? MONDAY_IN_CHICAGO,
  );
}

function allItems(view: CardView): AccommodationView[] {
  return view.groups.flatMap((group) => group.items);
}

function view(accommodation: Accommodation): AccommodationView {
  return accommodationView(accommodation, CLASSES, EN_VIEW);
}

describe('card view: names', () => {
  it('shows the preferred name and keeps the listed name as "also known as"', () => {
    const feed = feedWith([
      makeStudent('s-3', 'Alexander', 'Brennan-Ortiz', {
        name: { given: 'Alexander', family: 'Brennan-Ortiz', preferred: 'Sasha' },
      }),
    ]);
    const card = cardFor(feed);
    expect(card.displayName).toBe('Sasha Brennan-Ortiz');
    expect(card.alsoKnownAs).toBe('Alexander Brennan-Ortiz');
  });

  it('shows the listed name alone when there is no different preferred name', () => {
    const feed = feedWith([
      makeStudent('s-1', 'Maya', 'Okafor'),
      makeStudent('s-2', 'Rowan', 'Pike', {
        name: { given: 'Rowan', family: 'Pike', preferred: 'Rowan' },
      }),
    ]);
    expect(cardFor(feed, { index: 0 })).toMatchObject({ displayName: 'Maya Okafor' });
    expect(cardFor(feed, { index: 0 }).alsoKnownAs).toBeUndefined();
    expect(cardFor(feed, { index: 1 })).toMatchObject({ displayName: 'Rowan Pike' });
    expect(cardFor(feed, { index: 1 }).alsoKnownAs).toBeUndefined();
  });

  it('displayNameOf uses the preferred name when present', () => {
    expect(
      displayNameOf({ name: { given: 'Katherine', family: 'Abernathy', preferred: 'Kit' } }),
    ).toBe('Kit Abernathy');
    expect(displayNameOf({ name: { given: 'Katherine', family: 'Abernathy' } })).toBe(
      'Katherine Abernathy',
    );
  });
});

describe('card view: the rest of the card', () => {
  it('carries grade, review date, case manager, district and the district-local day', () => {
    const feed = feedWith([makeStudent('s-1', 'Maya', 'Okafor')]);
    const card = cardFor(feed, { now: LATE_SUNDAY_IN_CHICAGO });
    expect(card.lang).toBe('en');
    expect(card.grade).toBe('07');
    expect(card.reviewDate).toMatch(/^March 4(th)?, 2027$/);
    expect(card.caseManager).toEqual({
      name: 'Dana Whitfield',
      email: 'dwhitfield@district.invalid',
    });
    expect(card.districtName).toBe('Test Valley Schools');
    // 22:30 on Sunday in Chicago, although it is already Monday in UTC.
    expect(card.todayLabel).toMatch(/^Sunday,? November 29/);
  });

  it('never contains the plan type unless the district allows it', () => {
    const base = makeStudent('s-1', 'Maya', 'Okafor', {
      services: [service('svc-1', { slots: [{ weekday: 'mon', start: '09:00', end: '09:30' }] })],
    });
    const iep = feedWith([base]);
    const section504 = feedWith([{ ...base, plan: { ...base.plan, type: '504' } }]);
    expect(iep.students[0]?.plan.type).toBe('IEP');
    expect(section504.students[0]?.plan.type).toBe('504');

    for (const feed of [iep, section504]) {
      for (const pageKind of ['grading', 'other'] as const) {
        const card = cardFor(feed, { context: { pageKind } });
        expect(card.servicesToday).toHaveLength(1);
        expect(allItems(card)).toHaveLength(2);
        const json = JSON.stringify(card);
        expect(json).not.toMatch(/\bIEP\b/i);
        expect(json).not.toMatch(/\b504\b/);
        expect(card.planType).toBeUndefined();
      }
    }
  });

  it('shows the plan type only when the district opted in', () => {
    const feed = feedWith([makeStudent('s-1', 'Maya', 'Okafor')]);
    expect(cardFor(feed, { context: { showPlanType: true } }).planType).toBe('IEP');
  });
});

describe('card view: accommodations', () => {
  it('marks district wording as district text and keeps the catalog title', () => {
    const entry = catalogEntry('extended-time-1.5x');
    expect(entry).toBeDefined();
    const item = view({
      id: 'a1',
      code: 'extended-time-1.5x',
      text: 'Time and a half on tests, given automatically',
    });
    expect(item).toMatchObject({
      id: 'a1',
      title: entry?.text.en.title,
      text: 'Time and a half on tests, given automatically',
      source: 'district',
    });
  });

  it('fills catalog-only items with the catalog summary, marked as catalog text', () => {
    const entry = catalogEntry('no-spelling-penalty');
    expect(entry).toBeDefined();
    const item = view({ id: 'a2', code: 'no-spelling-penalty' });
    expect(item.title).toBe(entry?.text.en.title);
    expect(item.text).toBe(entry?.text.en.summary);
    expect(item.text.length).toBeGreaterThan(0);
    expect(item.source).toBe('catalog');
  });

  it('uses the catalog wording in the card language', () => {
    const entry = catalogEntry('no-spelling-penalty');
    const item = accommodationView({ id: 'a2', code: 'no-spelling-penalty' }, CLASSES, {
      lang: 'es',
      pageKind: 'other',
    });
    expect(item.title).toBe(entry?.text.es.title);
    expect(item.text).toBe(entry?.text.es.summary);
    expect(item.text).not.toBe(entry?.text.en.summary);
  });

  it('uses district text alone as title and text when there is no code', () => {
    expect(view({ id: 'a3', text: 'Use the green folder for notes' })).toMatchObject({
      title: 'Use the green folder for notes',
      text: 'Use the green folder for notes',
      source: 'district',
      modification: false,
    });
    expect(view({ id: 'a3', text: 'Use the green folder for notes' }).tip).toBeUndefined();
  });

  it('lists every accommodation of the student on the card', () => {
    const feed = feedWith([makeStudent('s-1', 'Maya', 'Okafor')]);
    const items = allItems(cardFor(feed));
    expect(items.map((a) => [a.id, a.source]).sort()).toEqual([
      ['s-1-a1', 'district'],
      ['s-1-a2', 'catalog'],
    ]);
  });

  it('says "All classes and work" when nothing limits where it applies', () => {
    expect(view({ id: 'a', code: 'breaks' }).where).toBe('All classes and work');
  });

  it('describes contexts, subjects and classes, resolving class ids to titles', () => {
    const where = (appliesTo: NonNullable<Accommodation['appliesTo']>) =>
      view({ id: 'a', code: 'breaks', appliesTo }).where;

    expect(where({ contexts: ['assessments'] })).toBe('Tests and quizzes');
    expect(where({ contexts: ['assessments', 'assignments'] })).toBe(
      'Tests and quizzes, assignments',
    );
    expect(where({ subjects: ['Math', 'Science'] })).toBe('Math, Science');
    expect(where({ classIds: ['math-7-4', 'eng-7-2'] })).toBe('Math 7, English 7');
    // An id the feed does not list is shown as is rather than dropped.
    expect(where({ classIds: ['art-7-1'] })).toBe('Art-7-1');
    expect(where({ contexts: ['instruction'], subjects: ['Math'], classIds: ['eng-7-2'] })).toBe(
      'Instruction · Math · English 7',
    );
  });

  it('names who is responsible in plain words', () => {
    expect(
      view({ id: 'a', code: 'breaks', responsible: ['case-manager', 'teacher'] }).responsible,
    ).toBe('case manager, teacher');
    expect(view({ id: 'b', code: 'breaks' }).responsible).toBeUndefined();
  });

  it('puts grading-relevant items first on grading pages', () => {
    const feed = feedWith([
      makeStudent('s-1', 'Maya', 'Okafor', {
        accommodations: [
          { id: 'seat', code: 'preferential-seating' },
          { id: 'time', code: 'extended-time-1.5x' },
          { id: 'own', text: 'Quiz retakes allowed', appliesTo: { contexts: ['assessments'] } },
          { id: 'own-class', text: 'Stand-up desk', appliesTo: { contexts: ['instruction'] } },
        ],
      }),
    ]);
    const grading = cardFor(feed, { context: { pageKind: 'grading' } });
    expect(grading.groups.map((g) => g.items.map((i) => i.id))).toEqual([
      ['time', 'own'],
      ['seat', 'own-class'],
    ]);
    expect(grading.groups[0]?.title).toBe('For grading and tests');
    const time = grading.groups[0]?.items[0];
    expect(time?.tip).toEqual({
      label: 'While grading:',
      text: catalogEntry('extended-time-1.5x')?.text.en.whileGrading,
    });

    // Elsewhere the class tip is shown instead.
    const other = allItems(cardFor(feed)).find((i) => i.id === 'time');
    expect(other?.tip?.text).toBe(catalogEntry('extended-time-1.5x')?.text.en.inClass);
  });

  it('leaves out accommodations for other classes when the page shows a class', () => {
    const feed = feedWith([
      makeStudent('s-1', 'Maya', 'Okafor', {
        classIds: ['eng-7-2', 'math-7-4'],
        accommodations: [
          { id: 'everywhere', code: 'breaks' },
          { id: 'math-only', code: 'calculator', appliesTo: { subjects: ['math'] } },
          { id: 'english-class', code: 'word-bank', appliesTo: { classIds: ['eng-7-2'] } },
        ],
      }),
    ]);
    const english = cardFor(feed, { context: { classId: 'eng-7-2' } });
    expect(
      allItems(english)
        .map((i) => i.id)
        .sort(),
    ).toEqual(['english-class', 'everywhere']);
    expect(english.hiddenForOtherClasses).toBe(1);

    const math = cardFor(feed, { context: { classId: 'math-7-4' } });
    expect(
      allItems(math)
        .map((i) => i.id)
        .sort(),
    ).toEqual(['everywhere', 'math-only']);
    expect(math.hiddenForOtherClasses).toBe(1);

    // Without a class, or with a class the student is not in, everything is shown.
    for (const classId of [undefined, 'art-7-1']) {
      const card = cardFor(feed, { context: { classId } });
      expect(allItems(card)).toHaveLength(3);
      expect(card.hiddenForOtherClasses).toBe(0);
    }
  });
});

describe('services today', () => {
  it('reads the day in the district time zone, not UTC', () => {
    expect(localDay(LATE_SUNDAY_IN_CHICAGO, 'America/Chicago')).toEqual({
      date: '2026-11-29',
      weekday: 'sun',
    });
    expect(localDay(LATE_SUNDAY_IN_CHICAGO, 'Europe/Berlin')).toEqual({
      date: '2026-11-30',
      weekday: 'mon',
    });
    expect(localDay(LATE_SUNDAY_IN_CHICAGO, 'UTC')).toEqual({ date: '2026-11-30', weekday: 'mon' });
  });

  it('shows a Monday session only where it is already Monday', () => {
    const services = servicesOf(service('svc-1'));
    expect(serviceViewsForDay(services, LATE_SUNDAY_IN_CHICAGO, 'America/Chicago', 'en')).toEqual(
      [],
    );
    const berlin = serviceViewsForDay(services, LATE_SUNDAY_IN_CHICAGO, 'Europe/Berlin', 'en');
    expect(berlin.map((s) => s.time)).toEqual(['10:15–10:45']);
  });

  it('leaves out slots on other weekdays', () => {
    const services = servicesOf(
      service('svc-1', {
        slots: [
          { weekday: 'mon', start: '10:15', end: '10:45' },
          { weekday: 'tue', start: '08:00', end: '08:30' },
          { weekday: 'wed', start: '10:15', end: '10:45' },
        ],
      }),
    );
    const today = serviceViewsForDay(services, MONDAY_IN_CHICAGO, 'America/Chicago', 'en');
    expect(today.map((s) => s.time)).toEqual(['10:15–10:45']);
  });

  it('leaves out services before their start, after their end and on no-service days', () => {
    const monday = { date: '2026-11-30', weekday: 'mon' } as const;
    const services = servicesOf(
      service('not-started', { startDate: '2026-12-01', endDate: '2027-06-01' }),
      service('ended', { startDate: '2026-08-20', endDate: '2026-11-29' }),
      service('day-off', { noServiceDates: ['2026-11-30'] }),
      service('other-day-off', { noServiceDates: ['2026-11-23'] }),
      service('starts-today', { startDate: '2026-11-30' }),
      service('ends-today', { startDate: '2026-09-01', endDate: '2026-11-30' }),
    );
    expect(sessionsOn(services, monday).map((s) => s.service.id)).toEqual([
      'other-day-off',
      'starts-today',
      'ends-today',
    ]);
  });

  it('sorts the sessions of all services by start time', () => {
    const services = servicesOf(
      service('svc-a', {
        slots: [
          { weekday: 'mon', start: '13:00', end: '13:30' },
          { weekday: 'mon', start: '08:05', end: '08:35' },
        ],
      }),
      service('svc-b', {
        provider: { name: 'Lee Park' },
        slots: [{ weekday: 'mon', start: '10:30', end: '11:00' }],
      }),
    );
    const today = serviceViewsForDay(services, MONDAY_IN_CHICAGO, 'America/Chicago', 'en');
    expect(today.map((s) => [s.time, s.provider])).toEqual([
      ['08:05–08:35', 'Rosa Alvarez'],
      ['10:30–11:00', 'Lee Park'],
      ['13:00–13:30', 'Rosa Alvarez'],
    ]);
    expect(new Set(today.map((s) => s.id)).size).toBe(3);
  });

  it('describes a session in plain words', () => {
    const [session] = serviceViewsForDay(
      servicesOf(service('svc-1')),
      MONDAY_IN_CHICAGO,
      'America/Chicago',
      'en',
    );
    expect(session).toMatchObject({
      title: 'Speech-language therapy',
      time: '10:15–10:45',
      provider: 'Rosa Alvarez',
      setting: 'leaves class',
      location: 'Room 114',
    });
    expect(session?.needs).toBeUndefined();
  });

  it('uses the district label when given', () => {
    const [session] = serviceViewsForDay(
      servicesOf(service('svc-1', { type: 'other', label: 'Reading group', setting: 'push-in' })),
      MONDAY_IN_CHICAGO,
      'America/Chicago',
      'en',
    );
    expect(session?.title).toBe('Reading group');
    expect(session?.setting).toBe('in class');
  });

  it('says a remote service is remote and what it needs', () => {
    const remote = (needs?: Need[]) =>
      serviceViewsForDay(
        servicesOf(service('svc-r', { delivery: { mode: 'remote', needs } })),
        MONDAY_IN_CHICAGO,
        'America/Chicago',
        'en',
      )[0];

    expect(remote(['device', 'headphones'])).toMatchObject({
      title: 'Remote Speech-language therapy',
      needs: 'Needs a device and headphones',
    });
    expect(remote(['quiet-space'])?.needs).toBe('Needs a quiet space');
    expect(remote(['device', 'headphones', 'adult-nearby'])?.needs).toBe(
      'Needs a device, headphones and an adult nearby',
    );
    expect(remote([])?.needs).toBeUndefined();
    expect(remote()?.needs).toBeUndefined();
  });

  it("puts today's sessions on the card for the district-local day", () => {
    const feed = feedWith([
      makeStudent('s-1', 'Maya', 'Okafor', {
        services: [
          service('svc-1', {
            slots: [
              { weekday: 'sun', start: '09:00', end: '09:30' },
              { weekday: 'mon', start: '10:15', end: '10:45' },
            ],
          }),
        ],
      }),
    ]);
    const sunday = cardFor(feed, { now: LATE_SUNDAY_IN_CHICAGO });
    expect(sunday.servicesToday.map((s) => s.time)).toEqual(['09:00–09:30']);
    const monday = cardFor(feed, { now: MONDAY_IN_CHICAGO });
    expect(monday.servicesToday.map((s) => s.time)).toEqual(['10:15–10:45']);
    expect(monday.todayLabel).toMatch(/^Monday,? November 30/);
  });
});
