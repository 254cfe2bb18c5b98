import type { LogRecord, LogSyncState, OutboxRow, PlainSightDb } from '../db/database';
import { localDay } from '../services/today';
import { LogEntry } from './schema';

/**
 * Local storage of accommodation-use logs and their delivery outbox (background only).
 * Every write is one Dexie transaction on a strict-durability database: when a promise here
 * resolves, the change is committed to disk.
 */

/** A fresh idempotency key for a log entry (UUID v4). */
export function newLogKey(): string {
  return crypto.randomUUID();
}

export interface NewLogInput {
  studentId: string;
  accommodationId?: string;
  accommodationCode?: string;
  classId?: string;
  assignment?: string;
  note?: string;
}

export interface NewLogContext {
  districtId: string;
  /** The district's IANA time zone: `date` is the district-local day of `now`. */
  timeZone: string;
  now: Date;
  /** Defaults to a fresh UUID v4. */
  key?: string;
}

/**
 * Builds and validates an 'accommodation-used' entry. Blank optional texts are dropped; an
 * assignment name longer than 200 characters is cut to 200. Throws a ZodError when invalid.
 */
export function makeLogEntry(input: NewLogInput, context: NewLogContext): LogEntry {
  const blankToUndefined = (value: string | undefined, max?: number) => {
    const trimmed = value?.trim();
    if (!trimmed) return undefined;
    return max === undefined ? trimmed : trimmed.slice(0, max).trim();
  };
  return LogEntry.parse({
    key: context.key ?? newLogKey(),
    kind: 'accommodation-used',
    studentId: input.studentId,
    accommodationId: blankToUndefined(input.accommodationId),
    accommodationCode: blankToUndefined(input.accommodationCode),
    classId: blankToUndefined(input.classId),
    assignment: blankToUndefined(input.assignment, 200),
    note: blankToUndefined(input.note),
    at: context.now.toISOString(),
    date: localDay(context.now, context.timeZone).date,
    districtId: context.districtId,
  });
}

export interface AddLogOptions {
  /** Queue the entry for the log endpoint (default true). False keeps it local only. */
  queue?: boolean;
  /** When it becomes due for delivery (default: now). */
  now?: Date;
}

/**
 * Stores a log entry and (unless `queue: false`) its outbox row in one transaction, and
 * resolves only once that transaction has committed. Validates the entry first (throws a
 * ZodError when invalid). Idempotent: adding a key that is already stored changes nothing and
 * resolves with the stored record.
 */
export async function addLog(
  db: PlainSightDb,
  entry: LogEntry,
  options: AddLogOptions = {},
): Promise<LogRecord> {
  const valid = LogEntry.parse(entry);
  const nowMs = (options.now ?? new Date()).getTime();
  return db.transaction('rw', db.logs, db.outbox, async () => {
    const existing = await db.logs.get(valid.key);
    if (existing) return existing;
    await db.logs.add(valid);
    if (options.queue !== false) {
      await db.outbox.add(newOutboxRow(valid.key, nowMs));
    }
    return valid;
  });
}

function newOutboxRow(key: string, nowMs: number): OutboxRow {
  return { key, status: 'pending', attempts: 0, nextAttemptAt: nowMs, queuedAt: nowMs };
}

export type UndoResult =
  /** Never sent (or refused by the endpoint): the entry and its outbox row are gone. */
  | { outcome: 'deleted' }
  /** Delivered, or possibly delivered: a withdrawal entry was stored and queued. */
  | { outcome: 'withdrawn'; withdrawal: LogEntry }
  /** Undo was already done for this entry; nothing changed. */
  | { outcome: 'already-withdrawn'; withdrawalKey: string }
  /** No such entry. */
  | { outcome: 'not-found' }
  /** A withdrawal that has (possibly) been delivered cannot itself be undone. */
  | { outcome: 'not-undoable' };

/**
 * Undoes a log entry. An entry that no request has carried yet (or that the endpoint refused)
 * is deleted with its outbox row in one transaction. An entry that was delivered, or may have
 * been (a request carrying it was started), is never deleted: a 'withdrawal' entry naming it is
 * stored and queued, and the original stays (and is still delivered if it was not yet).
 */
export async function undoLog(db: PlainSightDb, key: string, now: Date): Promise<UndoResult> {
  return db.transaction('rw', db.logs, db.outbox, async (): Promise<UndoResult> => {
    const record = await db.logs.get(key);
    if (!record) return { outcome: 'not-found' };
    if (record.withdrawnBy)
      return { outcome: 'already-withdrawn', withdrawalKey: record.withdrawnBy };
    const row = await db.outbox.get(key);
    const neverSent = row
      ? row.attempts === 0 || row.status === 'quarantined'
      : record.deliveredAt === undefined;
    if (neverSent) {
      await db.logs.delete(key);
      await db.outbox.delete(key);
      if (record.kind === 'withdrawal' && record.withdraws) {
        await db.logs.update(record.withdraws, { withdrawnBy: undefined });
      }
      return { outcome: 'deleted' };
    }
    if (record.kind === 'withdrawal') return { outcome: 'not-undoable' };
    const withdrawal = LogEntry.parse({
      key: newLogKey(),
      kind: 'withdrawal',
      studentId: record.studentId,
      accommodationId: record.accommodationId,
      accommodationCode: record.accommodationCode,
      classId: record.classId,
      assignment: record.assignment,
      at: now.toISOString(),
      date: record.date,
      districtId: record.districtId,
      withdraws: record.key,
    });
    await db.logs.add(withdrawal);
    await db.outbox.add(newOutboxRow(withdrawal.key, now.getTime()));
    await db.logs.update(key, { withdrawnBy: withdrawal.key });
    return { outcome: 'withdrawn', withdrawal };
  });
}

export interface LogQuery {
  studentId?: string;
  accommodationId?: string;
  /** First district-local day, YYYY-MM-DD, inclusive. */
  from?: string;
  /** Last district-local day, YYYY-MM-DD, inclusive. */
  to?: string;
}

/** Stored entries (withdrawals included) matching the query, oldest first. */
export async function logsFor(db: PlainSightDb, query: LogQuery = {}): Promise<LogRecord[]> {
  const { studentId, accommodationId, from, to } = query;
  const inRange = (r: LogRecord) => (!from || r.date >= from) && (!to || r.date <= to);
  let records: LogRecord[];
  if (studentId !== undefined) {
    records = await db.logs.where('studentId').equals(studentId).toArray();
  } else if (from !== undefined || to !== undefined) {
    records = await db.logs
      .where('date')
      .between(from ?? '', to ?? '\uffff', true, true)
      .toArray();
  } else {
    records = await db.logs.toArray();
  }
  return records
    .filter(
      (r) => inRange(r) && (accommodationId === undefined || r.accommodationId === accommodationId),
    )
    .sort((a, b) => compare(Date.parse(a.at), Date.parse(b.at)) || compare(a.key, b.key));
}

function compare<T extends string | number>(a: T, b: T): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** What still counts: drops withdrawals and the entries they withdraw. */
export function effectiveLogs<T extends LogEntry>(records: readonly T[]): T[] {
  const withdrawn = new Set(records.flatMap((r) => (r.withdraws ? [r.withdraws] : [])));
  return records.filter((r) => r.kind !== 'withdrawal' && !withdrawn.has(r.key));
}

export interface OutboxItem {
  entry: LogEntry;
  row: OutboxRow;
}

async function withEntries(db: PlainSightDb, rows: OutboxRow[]): Promise<OutboxItem[]> {
  const entries = await db.logs.bulkGet(rows.map((row) => row.key));
  return rows.flatMap((row, i) => {
    const record = entries[i];
    return record ? [{ entry: toEntry(record), row }] : [];
  });
}

/** The entry fields of a stored record (local bookkeeping fields removed). */
export function toEntry(record: LogRecord): LogEntry {
  const { deliveredAt: _delivered, withdrawnBy: _withdrawnBy, ...entry } = record;
  return entry;
}

/** Entries waiting for delivery (not quarantined), earliest due first. Read only. */
export async function pending(db: PlainSightDb, limit = 100): Promise<OutboxItem[]> {
  return db.transaction('r', db.logs, db.outbox, async () => {
    const rows = await db.outbox
      .where('[status+nextAttemptAt]')
      .between(['pending', -Infinity], ['pending', Infinity], true, true)
      .limit(limit)
      .toArray();
    return withEntries(db, rows);
  });
}

/**
 * Claims up to `limit` entries due at `now` for a send attempt, in one transaction: each one's
 * `attempts` grows by one and it is leased until `now + leaseMs` (so a sender that is killed
 * mid-request leaves them due again after the lease, and nobody else takes them meanwhile).
 */
export async function claimDue(
  db: PlainSightDb,
  now: Date,
  limit: number,
  leaseMs: number,
): Promise<OutboxItem[]> {
  const nowMs = now.getTime();
  return db.transaction('rw', db.logs, db.outbox, async () => {
    const rows = await db.outbox
      .where('[status+nextAttemptAt]')
      .between(['pending', -Infinity], ['pending', nowMs], true, true)
      .limit(limit)
      .toArray();
    const items = await withEntries(db, rows);
    const orphans = rows.filter((row) => !items.some((item) => item.row.key === row.key));
    await db.outbox.bulkDelete(orphans.map((row) => row.key));
    const claimed = items.map(({ entry, row }) => ({
      entry,
      row: { ...row, attempts: row.attempts + 1, nextAttemptAt: nowMs + leaseMs },
    }));
    await db.outbox.bulkPut(claimed.map((item) => item.row));
    return claimed;
  });
}

/** The endpoint acknowledged these keys: they leave the outbox and are marked delivered. */
export async function markDelivered(
  db: PlainSightDb,
  keys: readonly string[],
  at: Date = new Date(),
): Promise<void> {
  if (keys.length === 0) return;
  const deliveredAt = at.toISOString();
  await db.transaction('rw', db.logs, db.outbox, async () => {
    await db.outbox.bulkDelete([...keys]);
    await db.logs.bulkUpdate(keys.map((key) => ({ key, changes: { deliveredAt } })));
  });
}

/** The endpoint refused this entry (4xx): it stops being sent and is shown in options. */
export async function quarantine(
  db: PlainSightDb,
  key: string,
  status: number,
  reason: string,
): Promise<void> {
  await db.outbox.update(key, {
    status: 'quarantined',
    rejectedStatus: status,
    lastError: `${status}: ${reason}`.slice(0, 1000),
  });
}

/** Tries these keys again no earlier than `nextAttemptAt`, remembering why the last try failed. */
export async function reschedule(
  db: PlainSightDb,
  keys: readonly string[],
  nextAttemptAt: Date,
  error: string,
): Promise<void> {
  if (keys.length === 0) return;
  const changes = { nextAttemptAt: nextAttemptAt.getTime(), lastError: error.slice(0, 1000) };
  await db.outbox.bulkUpdate(keys.map((key) => ({ key, changes })));
}

/** Moves every pending entry due before `until` to `until` (the endpoint as a whole is down). */
export async function deferPending(db: PlainSightDb, until: Date): Promise<void> {
  const untilMs = until.getTime();
  await db.outbox
    .where('[status+nextAttemptAt]')
    .between(['pending', -Infinity], ['pending', untilMs], true, false)
    .modify({ nextAttemptAt: untilMs });
}

/** Entries the endpoint refused, for the options page. */
export async function quarantined(db: PlainSightDb): Promise<OutboxItem[]> {
  const rows = await db.outbox
    .where('[status+nextAttemptAt]')
    .between(['quarantined', -Infinity], ['quarantined', Infinity], true, true)
    .toArray();
  return withEntries(db, rows);
}

/** Sends quarantined entries again (e.g. after the district fixed the receiver). */
export async function retryQuarantined(
  db: PlainSightDb,
  keys: readonly string[],
  now: Date,
): Promise<void> {
  await db.transaction('rw', db.outbox, async () => {
    for (const key of keys) {
      const row = await db.outbox.get(key);
      if (row?.status !== 'quarantined') continue;
      await db.outbox.put({
        key,
        status: 'pending',
        attempts: 0,
        nextAttemptAt: now.getTime(),
        queuedAt: row.queuedAt,
        lastError: row.lastError,
      });
    }
  });
}

/** Stops trying to deliver a quarantined entry; the entry itself stays in the local log. */
export async function discardQuarantined(db: PlainSightDb, key: string): Promise<void> {
  await db.transaction('rw', db.outbox, async () => {
    const row = await db.outbox.get(key);
    if (row?.status === 'quarantined') await db.outbox.delete(key);
  });
}

/**
 * "Send now" (e.g. after the admin fixed the endpoint address or token): every pending entry
 * becomes due at `now` and the endpoint-wide wait (back-off, Retry-After) is cleared.
 */
export async function retryNow(db: PlainSightDb, now: Date): Promise<void> {
  const nowMs = now.getTime();
  await db.transaction('rw', db.outbox, db.logSync, async () => {
    await db.outbox
      .where('[status+nextAttemptAt]')
      .between(['pending', nowMs], ['pending', Infinity], false, true)
      .modify({ nextAttemptAt: nowMs });
    const { notBefore: _notBefore, ...state } = await readSyncState(db);
    await db.logSync.put(state);
  });
}

export async function readSyncState(db: PlainSightDb): Promise<LogSyncState> {
  return (await db.logSync.get('logs')) ?? { key: 'logs' };
}

export interface OutboxSummary {
  pending: number;
  quarantined: number;
  /** When delivery should next run (for the chrome.alarms alarm); absent when nothing waits. */
  nextAttemptAt?: Date;
  lastError?: string;
  lastSuccessAt?: Date;
}

/** Counts and timing for the options page and for re-arming the alarm at start-up. */
export async function outboxSummary(db: PlainSightDb): Promise<OutboxSummary> {
  return db.transaction('r', db.outbox, db.logSync, async () => {
    const range = (status: OutboxRow['status']) =>
      db.outbox
        .where('[status+nextAttemptAt]')
        .between([status, -Infinity], [status, Infinity], true, true);
    const [pendingCount, quarantinedCount, first, state] = await Promise.all([
      range('pending').count(),
      range('quarantined').count(),
      range('pending').first(),
      readSyncState(db),
    ]);
    const summary: OutboxSummary = { pending: pendingCount, quarantined: quarantinedCount };
    if (first)
      summary.nextAttemptAt = new Date(Math.max(first.nextAttemptAt, state.notBefore ?? 0));
    if (state.lastError) summary.lastError = state.lastError;
    if (state.lastSuccessAt !== undefined) summary.lastSuccessAt = new Date(state.lastSuccessAt);
    return summary;
  });
}

const CSV_COLUMNS = [
  'key',
  'kind',
  'date',
  'at',
  'districtId',
  'studentId',
  'accommodationId',
  'accommodationCode',
  'classId',
  'assignment',
  'note',
  'withdraws',
  'deliveredAt',
  'withdrawnBy',
] as const satisfies readonly (keyof LogRecord)[];

/**
 * A spreadsheet-safe cell: text a spreadsheet would read as a formula (starting with = + - @,
 * a tab or a carriage return, after any leading spaces) gets a leading apostrophe, then the
 * RFC 4180 rules apply (quoted when it holds a comma, quote, CR or LF; quotes doubled).
 */
export function csvCell(value: string | undefined): string {
  let text = value ?? '';
  if (/^[\t\r]|^\s*[=+\-@]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** RFC 4180 CSV (CRLF line ends, header row) of the entries, one row each. */
export function toCsv(entries: readonly LogRecord[]): string {
  const lines = [CSV_COLUMNS.join(',')];
  for (const entry of entries) {
    lines.push(CSV_COLUMNS.map((column) => csvCell(entry[column])).join(','));
  }
  return `${lines.join('\r\n')}\r\n`;
}

/** JSON export: `{ "entries": [...] }`, each entry with its local delivery fields. */
export function toJson(entries: readonly LogRecord[]): string {
  return `${JSON.stringify({ entries }, null, 2)}\n`;
}

/** Deletes every log entry, the outbox and acknowledgments: the district's wipe. */
export async function deleteAllLogs(db: PlainSightDb): Promise<void> {
  await db.transaction('rw', [db.logs, db.outbox, db.logSync, db.acknowledgments], async () => {
    await Promise.all([
      db.logs.clear(),
      db.outbox.clear(),
      db.logSync.clear(),
      db.acknowledgments.clear(),
    ]);
  });
}

/**
 * Deletes local entries older than the retention period (district policy) that are no longer
 * waiting for delivery; returns how many went.
 */
export async function pruneLogs(
  db: PlainSightDb,
  retentionDays: number,
  now: Date,
): Promise<number> {
  const cutoff = new Date(now.getTime() - retentionDays * 86_400_000).toISOString();
  return db.transaction('rw', db.logs, db.outbox, async () => {
    const old = await db.logs.where('at').below(cutoff).primaryKeys();
    const waiting = new Set(await db.outbox.where('key').anyOf(old).primaryKeys());
    const removable = old.filter((key) => !waiting.has(key));
    await db.logs.bulkDelete(removable);
    return removable.length;
  });
}
