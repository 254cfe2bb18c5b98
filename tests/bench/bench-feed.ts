/**
 * The bench feed: every FEED_EVERY-th student of tests/bench/virtual-gradebook.html (250 of
 * 2,000) has a plan. Names come from the page's own name parts (its inline
 * `<script type="application/json" id="name-parts">`) with the page's formula, so the two cannot
 * drift apart; run-bench.ts also checks the page's names against the feed before measuring.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { type Feed, type FeedInput, parseFeed } from '../../lib/feed/schema';

export const BENCH_PAGE_PATH = fileURLToPath(new URL('./virtual-gradebook.html', import.meta.url));

export const BENCH_DISTRICT_NAME = 'PlainSight Bench Unified (invented)';

/** Rows on the bench page (the page's TOTAL). */
export const BENCH_ROWS = 2000;

export interface NameParts {
  given: string[];
  family: string[];
  feedEvery: number;
}

export function readNameParts(html = readFileSync(BENCH_PAGE_PATH, 'utf8')): NameParts {
  const match = /<script type="application\/json" id="name-parts">([\s\S]*?)<\/script>/.exec(html);
  if (!match?.[1]) throw new Error(`No name parts in ${BENCH_PAGE_PATH}`);
  const parts = JSON.parse(match[1]) as NameParts;
  if (!Array.isArray(parts.given) || !Array.isArray(parts.family) || !(parts.feedEvery > 0)) {
    throw new Error('The bench page has malformed name parts');
  }
  return parts;
}

/** Given and family name of row `index`: the same formula as nameOf() in the page. */
export function namePartsOf(index: number, parts: NameParts): { given: string; family: string } {
  const given = parts.given[index % parts.given.length];
  const family = parts.family[index % parts.family.length];
  if (given === undefined || family === undefined) throw new Error(`No name for row ${index}`);
  return { given, family };
}

export function nameOf(index: number, parts: NameParts): string {
  const { given, family } = namePartsOf(index, parts);
  return `${given} ${family}`;
}

export function feedRows(parts: NameParts, rows = BENCH_ROWS): number[] {
  const indices: number[] = [];
  for (let index = 0; index < rows; index += parts.feedEvery) indices.push(index);
  return indices;
}

const ACCOMMODATIONS = [
  { code: 'extended-time-1.5x', text: 'Time and a half on tests and quizzes' },
  { code: 'preferential-seating', text: 'Seat near the point of instruction' },
  { code: 'read-aloud', text: 'Test questions read aloud on request' },
];

const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri'] as const;

/** Every 4th feed student leaves class for a weekly service, so reminders are computed too. */
function servicesOf(id: string, index: number): FeedInput['students'][number]['services'] {
  if (index % 32 !== 0) return [];
  const weekday = WEEKDAYS[(index / 32) % WEEKDAYS.length] ?? 'mon';
  return [
    {
      id: `${id}-s1`,
      type: 'speech-language',
      provider: { name: 'Jordan Halvorsen', role: 'Speech-language pathologist' },
      setting: 'pull-out',
      minutes: 30,
      per: 'week',
      slots: [{ weekday, start: '10:15', end: '10:45', classId: 'bench-sci8' }],
      startDate: '2026-08-17',
      endDate: '2027-06-11',
    },
  ];
}

/** A valid feed (checked with parseFeed) whose students are the page's feed rows. */
export function buildBenchFeed(parts: NameParts = readNameParts()): Feed {
  const input: FeedInput = {
    version: 1,
    district: {
      id: 'bench-district',
      name: BENCH_DISTRICT_NAME,
      timezone: 'America/Chicago',
    },
    generatedAt: '2026-11-20T06:00:00-06:00',
    sites: [{ host: '127.0.0.1', platform: 'other' }],
    classes: [{ id: 'bench-sci8', title: 'Grade 8 Science', subject: 'Science', period: '3' }],
    students: feedRows(parts).map((index) => {
      const id = `bench-${String(index).padStart(4, '0')}`;
      const accommodation = ACCOMMODATIONS[index % ACCOMMODATIONS.length] ?? ACCOMMODATIONS[0];
      return {
        id,
        name: namePartsOf(index, parts),
        grade: '08',
        classIds: ['bench-sci8'],
        plan: {
          type: index % 3 === 0 ? '504' : 'IEP',
          reviewDate: '2027-03-04',
          caseManager: { name: 'Robin Achterberg', email: 'r.achterberg@bench.invalid' },
        },
        accommodations: [{ id: `${id}-a1`, ...accommodation }],
        services: servicesOf(id, index),
      };
    }),
  };
  const parsed = parseFeed(input);
  if (!parsed.ok) {
    const problems = parsed.problems.map((p) => `${p.path}: ${p.message}`).join('\n');
    throw new Error(`The bench feed is invalid:\n${problems}`);
  }
  return parsed.feed;
}
