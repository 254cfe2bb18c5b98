import { describe, expect, it } from 'vitest';
import { appliesInClass, buildCardView, type CardContext } from '../../lib/card/card-view';
import { classFromHint } from '../../lib/card/class-hint';
import { catalogEntry } from '../../lib/catalog/catalog';
import { type Feed, type FeedInput, parseFeed } from '../../lib/feed/schema';
import { pageKindFromUrl } from '../../lib/sites/page-context';
import { makeFeed, makeStudent } from '../support/feed-factory';

type AccommodationInput = NonNullable<FeedInput['students'][number]['accommodations']>[number];

const CLASSES = [
  { id: 'eng-7-2', title: 'Grade 7 English — Period 2', subject: 'English', period: '2' },
  { id: 'math-7-3', title: 'Grade 7 Math — Period 3', subject: 'Math', period: '3' },
  { id: 'math-7-3h', title: 'Grade 7 Math — Period 3 Honors', subject: 'Math', period: '3' },
];

const ACCOMMODATIONS: AccommodationInput[] = [
  { id: 'seat', code: 'preferential-seating' },
  { id: 'time', code: 'extended-time-1.5x', text: 'Time and a half on tests, automatically' },
  { id: 'spell', code: 'no-spelling-penalty', appliesTo: { subjects: ['English'] } },
  { id: 'calc', code: 'calculator', appliesTo: { classIds: ['math-7-3'] } },
  { id: 'signal', code: 'private-redirection-signal' },
  { id: 'custom', text: 'Let Maya hand in work on the class tablet' },
  { id: 'notes', code: 'copy-of-notes', appliesTo: { contexts: ['instruction'] } },
];

function feed(extra: Partial<FeedInput['district']> = {}): Feed {
  const input = makeFeed(
    [
      makeStudent('s-1', 'Maya', 'Okafor', {
        classIds: ['eng-7-2', 'math-7-3'],
        accommodations: ACCOMMODATIONS,
      }),
    ],
    { classes: CLASSES },
  );
  input.district = { ...input.district, ...extra };
  const result = parseFeed(input);
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.feed;
}

function card(context: Partial<CardContext>, data = feed()) {
  const student = data.students[0];
  if (!student) throw new Error('no student');
  return buildCardView(
    student,
    { districtName: data.district.name, timeZone: data.district.timezone, classes: data.classes },
    { lang: 'en', pageKind: 'other', showPlanType: false, ...context },
    new Date('2026-11-30T16:00:00Z'),
  );
}

const ids = (view: ReturnType<typeof card>) => view.groups.map((g) => g.items.map((i) => i.id));

describe('ordering by page context', () => {
  it('on grading pages puts grading- and test-relevant items first, with the grading tip', () => {
    const view = card({ pageKind: 'grading' });
    expect(view.groups.map((g) => g.title)).toEqual([
      'For grading and tests',
      'Other accommodations',
    ]);
    const [grading, other] = ids(view);
    expect(grading).toEqual(['time', 'calc', 'spell']);
    // Within a group: catalog category order (presentation, setting, organisation), custom last.
    expect(other).toEqual(['notes', 'seat', 'signal', 'custom']);
    const time = view.groups[0]?.items[0];
    expect(time?.tip?.label).toBe('While grading:');
    expect(time?.tip?.text).toBe(catalogEntry('extended-time-1.5x')?.text.en.whileGrading);
  });

  it('elsewhere groups by category, in catalog category order, district-only items last', () => {
    const view = card({ pageKind: 'other' });
    expect(view.groups.map((g) => g.title)).toEqual(
      [
        'Timing & scheduling',
        'Presentation',
        'Response',
        'Setting',
        'Organization & behavior',
        'Grading',
        'Other accommodations',
      ].filter((title) => view.groups.some((g) => g.title === title)),
    );
    expect(view.groups.at(-1)?.items.map((i) => i.id)).toEqual(['custom']);
    expect(view.groups[0]?.items[0]?.tip?.label).toBe('In class:');
  });

  it('an item limited to instruction never counts as grading-relevant', () => {
    const [grading] = ids(card({ pageKind: 'grading' }));
    expect(grading).not.toContain('notes');
  });
});

describe('applicability to the class on screen', () => {
  it('shows only what applies to the class the page is about, and says how many are hidden', () => {
    const english = card({ classId: 'eng-7-2' });
    const all = english.groups.flatMap((g) => g.items.map((i) => i.id));
    expect(all).toContain('spell');
    expect(all).not.toContain('calc');
    expect(english.hiddenForOtherClasses).toBe(1);

    const math = card({ classId: 'math-7-3' });
    const inMath = math.groups.flatMap((g) => g.items.map((i) => i.id));
    expect(inMath).toContain('calc');
    expect(inMath).not.toContain('spell');
  });

  it('shows everything when the class is unknown or the student is not in it', () => {
    expect(card({}).hiddenForOtherClasses).toBe(0);
    expect(card({ classId: 'math-7-3h' }).hiddenForOtherClasses).toBe(0);
  });

  it('an accommodation with no "where" applies everywhere', () => {
    expect(appliesInClass({ id: 'x', code: 'breaks' }, CLASSES[1])).toBe(true);
  });
});

describe('header and language', () => {
  it('shows the plan type only when the district enables it', () => {
    expect(JSON.stringify(card({}))).not.toMatch(/"IEP"|"504"/);
    const enabled = feed({ showPlanType: true });
    expect(card({ showPlanType: enabled.district.showPlanType }, enabled).planType).toBe('IEP');
  });

  it('uses Spanish catalog text and labels, and keeps district text as given', () => {
    const view = card({ lang: 'es' });
    const items = view.groups.flatMap((g) => g.items);
    const seat = items.find((i) => i.id === 'seat');
    expect(seat?.title).toBe(catalogEntry('preferential-seating')?.text.es.title);
    expect(seat?.tip?.label).toBe('En clase:');
    expect(items.find((i) => i.id === 'time')?.text).toBe(
      'Time and a half on tests, automatically',
    );
    expect(items.find((i) => i.id === 'custom')?.source).toBe('district');
    expect(view.reviewDate).toMatch(/marzo/);
  });
});

describe('page context from the page', () => {
  it('finds the class named in the page title, preferring the longest title', () => {
    expect(classFromHint('Grade Book | Grade 7 English – Period 2 | Campus', CLASSES)?.id).toBe(
      'eng-7-2',
    );
    expect(classFromHint('Grade 7 Math — Period 3 Honors: Grader report', CLASSES)?.id).toBe(
      'math-7-3h',
    );
    expect(classFromHint('Dashboard', CLASSES)).toBeUndefined();
    expect(classFromHint(undefined, CLASSES)).toBeUndefined();
  });

  it('tells grading pages from others by the URL', () => {
    for (const url of [
      'https://d.instructure.com/courses/1/gradebook',
      'https://d.instructure.com/courses/1/gradebook/speed_grader?assignment_id=2',
      'https://lms.d.org/grade/report/grader/index.php?id=3',
      'https://d.aeries.net/teacher/gradebook/12/scoresByClass',
    ]) {
      expect(pageKindFromUrl(new URL(url))).toBe('grading');
    }
    for (const url of [
      'https://d.instructure.com/courses/1/users',
      'https://lms.d.org/user/index.php?id=3',
    ]) {
      expect(pageKindFromUrl(new URL(url))).toBe('other');
    }
  });
});
