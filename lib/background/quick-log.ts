import { browser } from 'wxt/browser';
import type { LogRecord, PlainSightDb } from '../db/database';
import {
  addLog,
  effectiveLogs,
  type LogQuery,
  logsFor,
  makeLogEntry,
  type NewLogInput,
  newLogKey,
  outboxSummary,
  quarantined,
  retryNow,
  toCsv,
  toJson,
  type UndoResult,
  undoLog,
} from '../logs/log-store';
import { LogEntry } from '../logs/schema';
import { LEASE_MS, syncOnce } from '../logs/sync';
import { localDay } from '../services/today';

export const LOG_SYNC_ALARM = 'log-sync';
const REQUEST_TIMEOUT_MS = 30_000;

export interface LogTarget {
  /** Where entries go; undefined keeps them on this computer (still exportable). */
  endpoint?: string;
  bearerToken?: string;
  districtId: string;
  timeZone: string;
}

export interface LogStatus {
  endpoint?: string;
  pending: number;
  quarantined: { key: string; studentId: string; status?: number; reason?: string }[];
  nextAttemptAt?: string;
  lastSuccessAt?: string;
  lastError?: string;
}

/**
 * Quick-log in the background: saves entries durably first (the UI says "saved" only after the
 * commit), then delivers them at least once, driven by chrome.alarms so a stopped service
 * worker picks up where it left off.
 */
export class QuickLog {
  constructor(private readonly db: PlainSightDb) {}

  async add(input: NewLogInput, target: LogTarget, now = new Date()): Promise<LogRecord> {
    const entry = makeLogEntry(input, {
      districtId: target.districtId,
      timeZone: target.timeZone,
      now,
    });
    const record = await addLog(this.db, entry, { queue: target.endpoint !== undefined, now });
    if (target.endpoint) void this.sync(target);
    return record;
  }

  /** Records an acknowledgment or an access, through the same durable, delivered log. */
  async record(
    fields: Pick<LogEntry, 'kind' | 'studentId'> &
      Partial<Pick<LogEntry, 'planVersion' | 'purpose' | 'site'>>,
    target: LogTarget,
    now = new Date(),
  ): Promise<LogRecord> {
    const entry = LogEntry.parse({
      ...fields,
      key: newLogKey(),
      at: now.toISOString(),
      date: localDay(now, target.timeZone).date,
      districtId: target.districtId,
    });
    const record = await addLog(this.db, entry, { queue: target.endpoint !== undefined, now });
    if (target.endpoint) void this.sync(target);
    return record;
  }

  async undo(key: string, target: LogTarget, now = new Date()): Promise<UndoResult> {
    const result = await undoLog(this.db, key, now);
    if (result.outcome === 'withdrawn' && target.endpoint) void this.sync(target);
    return result;
  }

  /** The user's entries, withdrawn ones (and the withdrawals) left out. */
  async list(query: LogQuery): Promise<LogRecord[]> {
    return effectiveLogs(await logsFor(this.db, query));
  }

  async export(query: LogQuery, format: 'csv' | 'json'): Promise<string> {
    const records = await logsFor(this.db, query);
    return format === 'csv' ? toCsv(records) : toJson(records);
  }

  async status(endpoint: string | undefined): Promise<LogStatus> {
    const [summary, stuck] = await Promise.all([outboxSummary(this.db), quarantined(this.db)]);
    return {
      endpoint,
      pending: summary.pending,
      quarantined: stuck.map(({ entry, row }) => ({
        key: entry.key,
        studentId: entry.studentId,
        status: row.rejectedStatus,
        reason: row.lastError,
      })),
      nextAttemptAt: summary.nextAttemptAt?.toISOString(),
      lastSuccessAt: summary.lastSuccessAt?.toISOString(),
      lastError: summary.lastError,
    };
  }

  /** One delivery round; the alarm is armed first, so a worker stopped mid-way retries. */
  async sync(target: LogTarget): Promise<void> {
    if (!target.endpoint) {
      await browser.alarms.clear(LOG_SYNC_ALARM);
      return;
    }
    await browser.alarms.create(LOG_SYNC_ALARM, { when: Date.now() + LEASE_MS });
    const result = await syncOnce({
      db: this.db,
      endpoint: target.endpoint,
      bearerToken: target.bearerToken,
      now: () => new Date(),
      random: Math.random,
      post: async (url, body, headers) => {
        const response = await fetch(url, {
          method: 'POST',
          body,
          headers,
          credentials: 'include',
          signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
        });
        const text = await response.text();
        return {
          status: response.status,
          headers: response.headers,
          json: async () => JSON.parse(text),
        };
      },
    });
    if (result.nextAttemptAt) {
      await browser.alarms.create(LOG_SYNC_ALARM, { when: result.nextAttemptAt.getTime() });
    } else {
      await browser.alarms.clear(LOG_SYNC_ALARM);
    }
  }

  /**
   * At browser start-up: try pending entries now rather than after the back-off of the last
   * session (the network, or the endpoint, has likely changed since).
   */
  async resume(target: LogTarget): Promise<void> {
    const summary = await outboxSummary(this.db);
    if (summary.pending === 0 || !target.endpoint) return;
    await retryNow(this.db, new Date());
    await this.sync(target);
  }
}
