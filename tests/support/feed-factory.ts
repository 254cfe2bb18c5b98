import type { FeedInput } from '../../lib/feed/schema';

type StudentInput = FeedInput['students'][number];

/** A small valid feed with invented people, for unit tests. */
export function makeStudent(
  id: string,
  given: string,
  family: string,
  extra: Partial<StudentInput> = {},
): StudentInput {
  return {
    id,
    name: { given, family },
    grade: '07',
    classIds: ['eng-7-2'],
    plan: {
      type: 'IEP',
      reviewDate: '2027-03-04',
      caseManager: { name: 'Dana Whitfield', email: 'dwhitfield@district.invalid' },
    },
    accommodations: [
      {
        id: `${id}-a1`,
        code: 'extended-time-1.5x',
        text: 'Time and a half on tests, given automatically',
      },
      { id: `${id}-a2`, code: 'no-spelling-penalty' },
    ],
    services: [],
    ...extra,
  };
}

export function makeFeed(
  students: StudentInput[] = defaultStudents(),
  extra: Partial<FeedInput> = {},
): FeedInput {
  return {
    version: 1,
    district: { id: 'test-district', name: 'Test Valley Schools', timezone: 'America/Chicago' },
    generatedAt: '2026-11-20T06:00:00-06:00',
    sites: [{ host: 'canvas.testvalley.invalid', platform: 'canvas' }],
    classes: [{ id: 'eng-7-2', title: 'English 7', subject: 'English', period: '2' }],
    students,
    ...extra,
  };
}

export function defaultStudents(): StudentInput[] {
  return [
    makeStudent('s-1', 'Maya', 'Okafor', { platformIds: { canvas: '101' } }),
    makeStudent('s-2', 'Thảo', 'Nguyễn', { platformIds: { canvas: '102' } }),
    makeStudent('s-3', 'Alexander', 'Brennan-Ortiz', {
      name: { given: 'Alexander', family: 'Brennan-Ortiz', preferred: 'Sasha' },
      platformIds: { canvas: '103' },
    }),
  ];
}
