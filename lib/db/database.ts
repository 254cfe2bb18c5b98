import Dexie, { type EntityTable } from 'dexie';
import type { CacheValidators } from '../feed/fetch-feed';
import type { ClassSection, Feed, Site, Student } from '../feed/schema';

/**
 * The extension's only IndexedDB database. It lives in the background (extension origin):
 * a database opened from a content script would belong to the host site.
 */

export interface StoredStudent {
  id: string;
  student: Student;
}

/** Everything about the current feed except the students, in one row. */
export interface FeedHeader {
  key: 'feed';
  district: Feed['district'];
  generatedAt: string;
  expiresAt?: string;
  sites: Site[];
  classes: ClassSection[];
  studentCount: number;
  /** Which source (demo or URL) this feed came from; validators are only valid for it. */
  sourceKey: string;
  validators: CacheValidators;
  fetchedAt: string;
}

export class PlainSightDb extends Dexie {
  students!: EntityTable<StoredStudent, 'id'>;
  meta!: EntityTable<FeedHeader, 'key'>;

  constructor(name = 'plainsight') {
    // Strict durability: a write is on disk before the promise resolves.
    super(name, { chromeTransactionDurability: 'strict' });
    this.version(1).stores({ students: 'id', meta: 'key' });
  }
}
