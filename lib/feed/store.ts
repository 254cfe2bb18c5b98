import type { FeedHeader, PlainSightDb } from '../db/database';
import type { CacheValidators } from './fetch-feed';
import type { Feed, Student } from './schema';

export interface CommitInfo {
  sourceKey: string;
  validators: CacheValidators;
  fetchedAt: string;
}

/**
 * Replaces the stored feed with a validated one in a single transaction: either every student
 * and the header are replaced, or (on any failure) the previous feed stays exactly as it was.
 * Students missing from the new feed are gone once it commits.
 */
export async function commitFeed(db: PlainSightDb, feed: Feed, info: CommitInfo): Promise<void> {
  const header: FeedHeader = {
    key: 'feed',
    district: feed.district,
    generatedAt: feed.generatedAt,
    expiresAt: feed.expiresAt,
    sites: feed.sites,
    logEndpoint: feed.logEndpoint,
    classes: feed.classes,
    studentCount: feed.students.length,
    ...info,
  };
  await db.transaction('rw', db.students, db.meta, async () => {
    await db.students.clear();
    await db.students.bulkAdd(feed.students.map((student) => ({ id: student.id, student })));
    await db.meta.put(header);
  });
}

export function readFeedHeader(db: PlainSightDb): Promise<FeedHeader | undefined> {
  return db.meta.get('feed');
}

export async function readStudents(db: PlainSightDb, ids: readonly string[]): Promise<Student[]> {
  const rows = await db.students.bulkGet([...ids]);
  return rows.flatMap((row) => (row ? [row.student] : []));
}

export async function readAllStudents(db: PlainSightDb): Promise<Student[]> {
  return (await db.students.toArray()).map((row) => row.student);
}

export async function deleteCachedFeed(db: PlainSightDb): Promise<void> {
  await db.transaction('rw', db.students, db.meta, async () => {
    await db.students.clear();
    await db.meta.clear();
  });
}
