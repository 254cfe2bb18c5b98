import Dexie from 'dexie';
import { beforeEach, describe, expect, it } from 'vitest';
import { PlainSightDb } from '../../lib/db/database';
import {
  addLog,
  claimDue,
  csvCell,
  discardQuarantined,
  effectiveLogs,
  logsFor,
  makeLogEntry,
  markDelivered,
  newLogKey,
  outboxSummary,
  pending,
  quarantine,
  quarantined,
  reschedule,
  retryQuarantined,
  toCsv,
  toJson,
  undoLog,
} from '../../lib/logs/log-store';
import type { LogEntry } from '../../lib/logs/schema';

let db: PlainSightDb;
let dbName: string;
let dbCounter = 0;

beforeEach(async () => {
  dbCounter += 1;
  dbName = `log-store-${dbCounter}`;
  db = new PlainSightDb(dbName);
  await db.open();
});

const NOW = new Date('2026-11-27T15:30:00Z');
const context = { districtId: 'd-1', timeZone: 'America/Chicago', now: NOW };

function entry(overrides: Partial<LogEntry> = {}): LogEntry {
  return {
    ...makeLogEntry({ studentId: 's-1', accommodationId: 'acc-1' }, context),
    ...overrides,
  };
}

describe('makeLogEntry', () => {
  it('uses the district-local day and drops blank texts', () => {
    const late = makeLogEntry(
      { studentId: 's-1', assignment: '  ', note: '', accommodationCode: 'extended-time' },
      { ...context, now: new Date('2026-11-28T03:00:00Z') },
    );
    expect(late.date).toBe('2026-11-27');
    expect(late.at).toBe('2026-11-28T03:00:00.000Z');
    expect(late).not.toHaveProperty('assignment', expect.anything());
    expect(late.key).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
  });

  it('cuts an over-long assignment name to 200 characters', () => {
    const made = makeLogEntry({ studentId: 's-1', assignment: 'x'.repeat(250) }, context);
    expect(made.assignment).toHaveLength(200);
  });
});

describe('addLog', () => {
  it('commits the entry and its outbox row before resolving', async () => {
    const e = entry();
    await addLog(db, e, { now: NOW });
    // A second connection (as after a service-worker restart) sees the committed write.
    const other = new PlainSightDb(dbName);
    expect(await other.logs.get(e.key)).toEqual(e);
    expect(await other.outbox.get(e.key)).toMatchObject({
      status: 'pending',
      attempts: 0,
      nextAttemptAt: NOW.getTime(),
    });
    other.close();
  });

  it('writes both rows or neither', async () => {
    const fail = () => {
      throw new Error('disk full (injected)');
    };
    db.outbox.hook('creating', fail);
    const e = entry();
    await expect(addLog(db, e)).rejects.toThrow('disk full');
    db.outbox.hook('creating').unsubscribe(fail);
    expect(await db.logs.count()).toBe(0);
  });

  it('is idempotent per key and validates the entry', async () => {
    const e = entry();
    await addLog(db, e);
    await addLog(db, { ...e, note: 'second click' });
    expect(await db.logs.count()).toBe(1);
    expect((await db.logs.get(e.key))?.note).toBeUndefined();
    await expect(addLog(db, entry({ note: 'n'.repeat(501) }))).rejects.toThrow();
    await expect(addLog(db, entry({ assignment: 'a'.repeat(201) }))).rejects.toThrow();
    await expect(addLog(db, entry({ kind: 'withdrawal' }))).rejects.toThrow();
    await expect(addLog(db, entry({ key: 'not-a-uuid' }))).rejects.toThrow();
  });

  it('keeps an entry local only when asked', async () => {
    const e = entry();
    await addLog(db, e, { queue: false });
    expect(await db.outbox.count()).toBe(0);
    expect(await undoLog(db, e.key, NOW)).toEqual({ outcome: 'deleted' });
  });
});

describe('undoLog', () => {
  it('deletes an entry no request has carried yet, with its outbox row', async () => {
    const e = entry();
    await addLog(db, e);
    expect(await undoLog(db, e.key, NOW)).toEqual({ outcome: 'deleted' });
    expect(await db.logs.count()).toBe(0);
    expect(await db.outbox.count()).toBe(0);
    expect(await undoLog(db, e.key, NOW)).toEqual({ outcome: 'not-found' });
  });

  it('withdraws an entry already delivered, with a queued follow-up record', async () => {
    const e = entry({ assignment: 'Unit 3 quiz' });
    await addLog(db, e, { now: NOW });
    await claimDue(db, NOW, 10, 60_000);
    await markDelivered(db, [e.key], NOW);
    expect(await db.outbox.count()).toBe(0);

    const later = new Date('2026-11-28T14:00:00Z');
    const result = await undoLog(db, e.key, later);
    if (result.outcome !== 'withdrawn') throw new Error(`unexpected ${result.outcome}`);
    expect(result.withdrawal).toMatchObject({
      kind: 'withdrawal',
      withdraws: e.key,
      studentId: 's-1',
      accommodationId: 'acc-1',
      assignment: 'Unit 3 quiz',
      date: e.date,
      at: later.toISOString(),
    });
    expect(await db.logs.get(e.key)).toMatchObject({ withdrawnBy: result.withdrawal.key });
    expect((await pending(db)).map((item) => item.entry.key)).toEqual([result.withdrawal.key]);
    expect(effectiveLogs(await logsFor(db))).toEqual([]);

    // Undo twice is harmless.
    expect(await undoLog(db, e.key, later)).toEqual({
      outcome: 'already-withdrawn',
      withdrawalKey: result.withdrawal.key,
    });
    // Undoing the unsent withdrawal restores the entry.
    expect(await undoLog(db, result.withdrawal.key, later)).toEqual({ outcome: 'deleted' });
    expect((await db.logs.get(e.key))?.withdrawnBy).toBeUndefined();
    expect(effectiveLogs(await logsFor(db)).map((r) => r.key)).toEqual([e.key]);
  });

  it('withdraws (never deletes) an entry a request may already have carried', async () => {
    const e = entry();
    await addLog(db, e, { now: NOW });
    await claimDue(db, NOW, 10, 60_000);
    await reschedule(db, [e.key], new Date(NOW.getTime() + 30_000), 'Network error');
    const result = await undoLog(db, e.key, NOW);
    expect(result.outcome).toBe('withdrawn');
    // The original is still delivered (the receiver may have it already), then withdrawn.
    expect((await pending(db)).map((item) => item.entry.key)).toContain(e.key);
  });

  it('does not undo a delivered withdrawal, and deletes a quarantined entry', async () => {
    const e = entry();
    await addLog(db, e);
    await claimDue(db, NOW, 10, 60_000);
    await markDelivered(db, [e.key]);
    const result = await undoLog(db, e.key, NOW);
    if (result.outcome !== 'withdrawn') throw new Error('expected a withdrawal');
    await claimDue(db, NOW, 10, 60_000);
    await markDelivered(db, [result.withdrawal.key]);
    expect(await undoLog(db, result.withdrawal.key, NOW)).toEqual({ outcome: 'not-undoable' });

    const refused = entry({ key: newLogKey() });
    await addLog(db, refused);
    await claimDue(db, NOW, 10, 60_000);
    await quarantine(db, refused.key, 422, 'Unknown student');
    expect(await undoLog(db, refused.key, NOW)).toEqual({ outcome: 'deleted' });
  });
});

describe('outbox', () => {
  it('lists, retries and discards quarantined entries', async () => {
    const a = entry();
    const b = entry({ key: newLogKey() });
    await addLog(db, a, { now: NOW });
    await addLog(db, b, { now: NOW });
    await quarantine(db, a.key, 422, 'Unknown student');
    expect(await quarantined(db)).toEqual([
      {
        entry: a,
        row: expect.objectContaining({ status: 'quarantined', rejectedStatus: 422 }),
      },
    ]);
    expect(await outboxSummary(db)).toMatchObject({
      pending: 1,
      quarantined: 1,
      nextAttemptAt: NOW,
    });
    await retryQuarantined(db, [a.key], NOW);
    expect((await pending(db)).map((item) => item.entry.key).sort()).toEqual([a.key, b.key].sort());
    await quarantine(db, a.key, 422, 'Unknown student');
    await discardQuarantined(db, a.key);
    expect(await outboxSummary(db)).toMatchObject({ pending: 1, quarantined: 0 });
    expect(await db.logs.get(a.key)).toBeDefined();
  });

  it('claims only due entries and leases them', async () => {
    const a = entry();
    await addLog(db, a, { now: NOW });
    expect(await claimDue(db, new Date(NOW.getTime() - 1), 10, 60_000)).toEqual([]);
    const [claimed] = await claimDue(db, NOW, 10, 60_000);
    expect(claimed?.row).toMatchObject({ attempts: 1, nextAttemptAt: NOW.getTime() + 60_000 });
    expect(await claimDue(db, NOW, 10, 60_000)).toEqual([]);
  });
});

describe('logsFor', () => {
  it('filters by student, accommodation and district-local day range, oldest first', async () => {
    const at = (iso: string) => ({ ...context, now: new Date(iso) });
    const rows = [
      makeLogEntry({ studentId: 's-1', accommodationId: 'a' }, at('2026-11-25T15:00:00Z')),
      makeLogEntry({ studentId: 's-1', accommodationId: 'b' }, at('2026-11-26T15:00:00Z')),
      makeLogEntry({ studentId: 's-2', accommodationId: 'a' }, at('2026-11-26T14:00:00Z')),
      makeLogEntry({ studentId: 's-1', accommodationId: 'a' }, at('2026-11-27T15:00:00Z')),
    ];
    for (const row of [...rows].reverse()) await addLog(db, row);
    const keys = (records: { key: string }[]) => records.map((r) => r.key);
    const [r0, r1, r2, r3] = rows.map((r) => r.key);
    expect(keys(await logsFor(db))).toEqual([r0, r2, r1, r3]);
    expect(keys(await logsFor(db, { studentId: 's-1' }))).toEqual([r0, r1, r3]);
    expect(keys(await logsFor(db, { studentId: 's-1', accommodationId: 'a' }))).toEqual([r0, r3]);
    expect(keys(await logsFor(db, { from: '2026-11-26', to: '2026-11-26' }))).toEqual([r2, r1]);
    expect(keys(await logsFor(db, { accommodationId: 'a', from: '2026-11-26' }))).toEqual([r2, r3]);
  });
});

describe('export', () => {
  it('writes RFC 4180 CSV with a header row', () => {
    const e = entry({
      assignment: 'Essay, "final" draft',
      note: 'line one\nline two',
    });
    expect(toCsv([e])).toBe(
      'key,kind,date,at,districtId,studentId,accommodationId,accommodationCode,classId,' +
        'assignment,note,withdraws,deliveredAt,withdrawnBy\r\n' +
        `${e.key},accommodation-used,2026-11-27,2026-11-27T15:30:00.000Z,d-1,s-1,acc-1,,,` +
        '"Essay, ""final"" draft","line one\nline two",,,\r\n',
    );
    expect(toCsv([])).toBe(`${toCsv([e]).split('\r\n')[0]}\r\n`);
  });

  it('neutralises cells a spreadsheet would run as formulas', () => {
    expect(csvCell('=HYPERLINK("http://x","y")')).toBe(`"'=HYPERLINK(""http://x"",""y"")"`);
    expect(csvCell('+1+1')).toBe("'+1+1");
    expect(csvCell('-2')).toBe("'-2");
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvCell('  =1+1')).toBe("'  =1+1");
    expect(csvCell('\tcmd')).toBe("'\tcmd");
    expect(csvCell('Quiz - part 2')).toBe('Quiz - part 2');
    expect(csvCell(undefined)).toBe('');
    const csv = toCsv([entry({ assignment: '=cmd|" /C calc"!A0' })]);
    expect(csv).toContain(`"'=cmd|"" /C calc""!A0"`);
  });

  it('exports JSON that reads back to the same entries', () => {
    const entries = [entry(), entry({ key: newLogKey(), note: 'ünïcødé, "quoted"' })];
    expect(JSON.parse(toJson(entries))).toEqual({ entries });
  });
});

it('keeps version 1 data when the database is upgraded to version 2', async () => {
  const name = `upgrade-${dbCounter}`;
  const v1 = new Dexie(name);
  v1.version(1).stores({ students: 'id', meta: 'key' });
  await v1.table('students').put({ id: 's-1', student: { id: 's-1' } });
  v1.close();
  const upgraded = new PlainSightDb(name);
  expect(await upgraded.students.get('s-1')).toEqual({ id: 's-1', student: { id: 's-1' } });
  await addLog(upgraded, entry());
  expect(await upgraded.logs.count()).toBe(1);
  upgraded.close();
});

describe('retention and wipe', () => {
  it('prunes delivered entries older than the retention period, never undelivered ones', async () => {
    const { PlainSightDb } = await import('../../lib/db/database');
    const store = await import('../../lib/logs/log-store');
    const db = new PlainSightDb(`retention-${Math.random()}`);
    const ctx = (at: string) => ({
      districtId: 'd',
      timeZone: 'America/Chicago',
      now: new Date(at),
    });
    const old = store.makeLogEntry(
      { studentId: 's', accommodationId: 'a' },
      ctx('2026-01-10T15:00:00Z'),
    );
    const oldQueued = store.makeLogEntry(
      { studentId: 's', accommodationId: 'b' },
      ctx('2026-01-11T15:00:00Z'),
    );
    const recent = store.makeLogEntry(
      { studentId: 's', accommodationId: 'c' },
      ctx('2026-11-20T15:00:00Z'),
    );
    await store.addLog(db, old, { queue: false });
    await store.addLog(db, oldQueued, { queue: true });
    await store.addLog(db, recent, { queue: false });
    expect(await store.pruneLogs(db, 180, new Date('2026-11-27T12:00:00Z'))).toBe(1);
    expect((await store.logsFor(db)).map((r) => r.accommodationId).sort()).toEqual(['b', 'c']);
    await store.deleteAllLogs(db);
    expect(await store.logsFor(db)).toEqual([]);
    expect((await store.outboxSummary(db)).pending).toBe(0);
  });
});
