import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { logJsonSchemaFiles } from '../../lib/logs/json-schema';
import { LogBatchRequest, LogBatchResponse, LogEntry } from '../../lib/logs/schema';

const root = resolve(import.meta.dirname, '../..');

const entry = {
  key: '3b241101-e2bb-4255-8caf-4136c566a962',
  kind: 'accommodation-used',
  studentId: 's-1',
  accommodationId: 'acc-1',
  at: '2026-11-27T09:30:00-06:00',
  date: '2026-11-27',
  districtId: 'd-1',
};
const withdrawal = {
  ...entry,
  key: '6f1c2b9e-7d7a-4c1e-9a55-0d3f6b1e2a10',
  kind: 'withdrawal',
  withdraws: entry.key,
};

describe('log endpoint schemas', () => {
  it('accept entries and withdrawals as documented', () => {
    expect(LogEntry.safeParse(entry).success).toBe(true);
    expect(LogEntry.safeParse(withdrawal).success).toBe(true);
    expect(LogBatchRequest.safeParse({ entries: [entry, withdrawal] }).success).toBe(true);
  });

  it('reject what the contract forbids', () => {
    const bad = (value: object) => LogEntry.safeParse({ ...entry, ...value }).success;
    expect(bad({ key: 'f47ac10b-58cc-1372-a567-0e02b2c3d479' })).toBe(false); // not v4
    expect(bad({ date: '2026-11-31' })).toBe(false);
    expect(bad({ at: '2026-11-27 09:30' })).toBe(false);
    expect(bad({ assignment: 'a'.repeat(201) })).toBe(false);
    expect(bad({ note: 'n'.repeat(501) })).toBe(false);
    expect(bad({ withdraws: withdrawal.key })).toBe(false); // only withdrawals withdraw
    expect(bad({ kind: 'withdrawal' })).toBe(false); // a withdrawal names its entry
    expect(bad({ kind: 'withdrawal', withdraws: entry.key })).toBe(false); // not itself
    expect(LogBatchRequest.safeParse({ entries: [] }).success).toBe(false);
    expect(LogBatchRequest.safeParse({ entries: Array(101).fill(entry) }).success).toBe(false);
    expect(LogBatchRequest.safeParse({ entries: [entry, entry] }).success).toBe(false);
    expect(
      LogBatchResponse.safeParse({
        accepted: [],
        rejected: [{ key: 'k', status: 500, reason: '' }],
      }).success,
    ).toBe(false);
    expect(LogBatchResponse.safeParse({ accepted: [entry.key] }).success).toBe(true);
  });

  it('the published JSON Schemas are current (run `npm run schema` after changing the zod schema)', () => {
    for (const [path, text] of Object.entries(logJsonSchemaFiles())) {
      expect(readFileSync(resolve(root, path), 'utf8'), path).toBe(text);
    }
  });
});
