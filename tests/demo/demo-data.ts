import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Feed } from '../../lib/feed/schema';

/** One demo page and who is on it (tests/demo/pages/expected.json). */
export interface ExpectedPage {
  page: string;
  title: string;
  platform: string;
  rows: number;
  feedStudentIds: string[];
  nonFeedNames: string[];
}

const root = resolve(import.meta.dirname, '../..');

export function readDemoFeed(): Feed {
  return JSON.parse(readFileSync(resolve(root, 'public/demo-feed.json'), 'utf8')) as Feed;
}

export function demoPages(): ExpectedPage[] {
  return JSON.parse(
    readFileSync(resolve(root, 'tests/demo/pages/expected.json'), 'utf8'),
  ) as ExpectedPage[];
}
