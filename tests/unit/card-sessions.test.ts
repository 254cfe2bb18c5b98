import { describe, expect, it, vi } from 'vitest';
import {
  type CardSession,
  CardSessions,
  newNonce,
  type SessionArea,
  TabRosters,
} from '../../lib/background/card-sessions';

/** Like browser.storage.session: values are copied in and out, writes and removals are counted. */
class MemoryArea implements SessionArea {
  readonly items = new Map<string, unknown>();
  sets = 0;
  removes = 0;

  async get(key: string): Promise<Record<string, unknown>> {
    return this.items.has(key) ? { [key]: structuredClone(this.items.get(key)) } : {};
  }

  async set(items: Record<string, unknown>): Promise<void> {
    this.sets += 1;
    for (const [key, value] of Object.entries(items)) this.items.set(key, structuredClone(value));
  }

  async remove(key: string | string[]): Promise<void> {
    this.removes += 1;
    for (const k of Array.isArray(key) ? key : [key]) this.items.delete(k);
  }
}

const HOUR = 60 * 60 * 1000;
const T0 = Date.UTC(2026, 10, 30, 15, 0, 0);

function sessionInput(studentId = 's-1', tabId = 7): Omit<CardSession, 'createdAt'> {
  return { studentId, context: { pageKind: 'grading', classHint: 'English 7' }, tabId, frameId: 0 };
}

describe('newNonce', () => {
  it('is URL-safe and at least 22 characters (128 bits) long', () => {
    for (let i = 0; i < 200; i++) {
      const nonce = newNonce();
      expect(nonce.length).toBeGreaterThanOrEqual(22);
      expect(nonce).toMatch(/^[A-Za-z0-9_-]+$/);
      expect(encodeURIComponent(nonce)).toBe(nonce);
      // The protocol accepts it back in card/get, card/close and card/resize.
      expect(nonce).toMatch(/^[A-Za-z0-9_-]{16,64}$/);
    }
  });

  it('is unique', () => {
    const nonces = new Set(Array.from({ length: 2000 }, () => newNonce()));
    expect(nonces.size).toBe(2000);
  });
});

describe('CardSessions', () => {
  it('returns the opened session by its nonce', async () => {
    const sessions = new CardSessions(new MemoryArea());
    const nonce = await sessions.open(sessionInput('s-1', 7), T0);
    expect(await sessions.get(nonce, T0 + 1000)).toEqual({
      ...sessionInput('s-1', 7),
      createdAt: T0,
    });
  });

  it('gives every card its own nonce and keeps the sessions apart', async () => {
    const sessions = new CardSessions(new MemoryArea());
    const first = await sessions.open(sessionInput('s-1', 7), T0);
    const second = await sessions.open(sessionInput('s-2', 8), T0);
    expect(first).not.toBe(second);
    expect((await sessions.get(first, T0))?.studentId).toBe('s-1');
    expect((await sessions.get(second, T0))?.tabId).toBe(8);
  });

  it('does not store the student id or anything else in the nonce', async () => {
    const sessions = new CardSessions(new MemoryArea());
    const nonce = await sessions.open(sessionInput('s-1234', 7), T0);
    expect(nonce).not.toContain('s-1234');
    expect(nonce).not.toContain('1234');
  });

  it('returns nothing for an unknown nonce', async () => {
    const sessions = new CardSessions(new MemoryArea());
    await sessions.open(sessionInput(), T0);
    expect(await sessions.get(newNonce(), T0)).toBeUndefined();
    expect(await sessions.get('', T0)).toBeUndefined();
  });

  it('does not return sessions older than 12 hours', async () => {
    const sessions = new CardSessions(new MemoryArea());
    const nonce = await sessions.open(sessionInput(), T0);
    expect(await sessions.get(nonce, T0 + 12 * HOUR - 1)).toBeDefined();
    expect(await sessions.get(nonce, T0 + 12 * HOUR + 1)).toBeUndefined();
    expect(await sessions.get(nonce, T0 + 48 * HOUR)).toBeUndefined();
  });

  it('survives a restarted service worker (a new instance over the same storage)', async () => {
    const area = new MemoryArea();
    const nonce = await new CardSessions(area).open(sessionInput('s-3'), T0);
    expect((await new CardSessions(area).get(nonce, T0))?.studentId).toBe('s-3');
  });

  it('close() removes only that session', async () => {
    const area = new MemoryArea();
    const sessions = new CardSessions(area);
    const closed = await sessions.open(sessionInput('s-1'), T0);
    const kept = await sessions.open(sessionInput('s-2'), T0);

    await sessions.close(closed);
    expect(await sessions.get(closed, T0)).toBeUndefined();
    expect((await sessions.get(kept, T0))?.studentId).toBe('s-2');
    expect(area.items.size).toBe(1);
  });
});

describe('TabRosters', () => {
  it('knows which students each tab reported', async () => {
    const rosters = new TabRosters(new MemoryArea());
    await rosters.add(7, ['s-1', 's-2']);
    await rosters.add(8, ['s-3']);

    expect(await rosters.has(7, 's-1')).toBe(true);
    expect(await rosters.has(7, 's-2')).toBe(true);
    expect(await rosters.has(7, 's-3')).toBe(false);
    expect(await rosters.has(8, 's-3')).toBe(true);
    expect(await rosters.has(8, 's-1')).toBe(false);
    expect(await rosters.has(9, 's-1')).toBe(false);
  });

  it('adds to what a tab already reported', async () => {
    const rosters = new TabRosters(new MemoryArea());
    await rosters.add(7, ['s-1']);
    await rosters.add(7, ['s-2']);
    expect(await rosters.has(7, 's-1')).toBe(true);
    expect(await rosters.has(7, 's-2')).toBe(true);
  });

  it('does not write when nothing is new', async () => {
    const area = new MemoryArea();
    const rosters = new TabRosters(area);
    await rosters.add(7, ['s-1', 's-2', 's-1']);
    expect(area.sets).toBe(1);

    await rosters.add(7, ['s-2', 's-1']);
    await rosters.add(7, []);
    await rosters.add(8, []);
    expect(area.sets).toBe(1);

    await rosters.add(7, ['s-1', 's-3']);
    expect(area.sets).toBe(2);
  });

  it('reads storage once per tab, and a restarted worker finds what was reported before', async () => {
    const area = new MemoryArea();
    const reads = vi.spyOn(area, 'get');
    const rosters = new TabRosters(area);
    await Promise.all([rosters.add(7, ['s-1']), rosters.add(7, ['s-2']), rosters.has(7, 's-1')]);
    await rosters.add(7, ['s-3']);
    expect(reads).toHaveBeenCalledTimes(1);

    const afterRestart = new TabRosters(area);
    expect(await afterRestart.has(7, 's-1')).toBe(true);
    expect(await afterRestart.has(7, 's-3')).toBe(true);
    expect(await afterRestart.has(7, 's-4')).toBe(false);
  });

  it('forget() drops one tab only', async () => {
    const area = new MemoryArea();
    const rosters = new TabRosters(area);
    await rosters.add(7, ['s-1']);
    await rosters.add(8, ['s-1']);

    await rosters.forget(7);
    expect(await rosters.has(7, 's-1')).toBe(false);
    expect(await rosters.has(8, 's-1')).toBe(true);

    // A forgotten tab starts again from nothing.
    await rosters.add(7, ['s-2']);
    expect(await rosters.has(7, 's-1')).toBe(false);
    expect(await rosters.has(7, 's-2')).toBe(true);
  });

  it('does not mix rosters with card sessions in the same storage', async () => {
    const area = new MemoryArea();
    const sessions = new CardSessions(area);
    const rosters = new TabRosters(area);
    const nonce = await sessions.open(sessionInput('s-1', 7), T0);
    await rosters.add(7, ['s-1']);
    await rosters.forget(7);
    expect((await sessions.get(nonce, T0))?.studentId).toBe('s-1');
    await sessions.close(nonce);
    await rosters.add(7, ['s-2']);
    expect(await rosters.has(7, 's-2')).toBe(true);
  });
});
