import Dexie, { type EntityTable } from 'dexie';
import type { CacheValidators } from '../feed/fetch-feed';
import type { ClassSection, Feed, Site, Student } from '../feed/schema';
import type { LogEntry } from '../logs/schema';

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
  logEndpoint?: string;
  classes: ClassSection[];
  studentCount: number;
  /** Which source (demo or URL) this feed came from; validators are only valid for it. */
  sourceKey: string;
  validators: CacheValidators;
  fetchedAt: string;
}

/** A log entry the staff member made (or a withdrawal made by undo), as stored locally. */
export type LogRecord = LogEntry & {
  /** When the endpoint acknowledged it (ISO date-time); absent while unsent or local only. */
  deliveredAt?: string;
  /** Key of the withdrawal that withdraws this entry, once undo made one. */
  withdrawnBy?: string;
};

export type OutboxStatus = 'pending' | 'quarantined';

/** A log entry waiting for delivery to the log endpoint (one row per log key). */
export interface OutboxRow {
  key: string;
  status: OutboxStatus;
  /** Send attempts started so far; counted before the request goes out. */
  attempts: number;
  /** Epoch milliseconds before which it is not sent. */
  nextAttemptAt: number;
  /** Epoch milliseconds when it was queued. */
  queuedAt: number;
  lastError?: string;
  /** For a quarantined entry: the 4xx status the endpoint gave it. */
  rejectedStatus?: number;
}

/** Endpoint-wide delivery state (one row, key 'logs'). */
export interface LogSyncState {
  key: 'logs';
  /** Epoch ms before which nothing is sent (Retry-After, or back-off after a server failure). */
  notBefore?: number;
  lastAttemptAt?: number;
  lastSuccessAt?: number;
  lastError?: string;
}

/** What a staff member confirmed having read, per student: the plan version and its items. */
export interface Acknowledgment {
  studentId: string;
  planVersion: string;
  /** Each accommodation's id and wording at the time, to mark what changed since. */
  items: { id: string; text: string; title: string }[];
  at: string;
}

export class PlainSightDb extends Dexie {
  students!: EntityTable<StoredStudent, 'id'>;
  meta!: EntityTable<FeedHeader, 'key'>;
  logs!: EntityTable<LogRecord, 'key'>;
  outbox!: EntityTable<OutboxRow, 'key'>;
  logSync!: EntityTable<LogSyncState, 'key'>;
  acknowledgments!: EntityTable<Acknowledgment, 'studentId'>;

  constructor(name = 'plainsight') {
    // Strict durability: a write is on disk before the promise resolves.
    super(name, { chromeTransactionDurability: 'strict' });
    this.version(1).stores({ students: 'id', meta: 'key' });
    this.version(2).stores({
      students: 'id',
      meta: 'key',
      logs: 'key, studentId, date, at, withdraws',
      outbox: 'key, [status+nextAttemptAt]',
      logSync: 'key',
    });
    this.version(3).stores({ acknowledgments: 'studentId' });
  }
}
