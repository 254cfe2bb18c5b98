import { describe, expect, it, vi } from 'vitest';
import { type PortLike, serveRosterPort } from '../../lib/background/roster-port';
import type { SenderLike } from '../../lib/background/sender';
import { ROSTER_PORT } from '../../lib/messages/ports';
import { type RosterPort, RosterPortClient } from '../../lib/messages/roster-port-client';

const CONTENT_SENDER: SenderLike = {
  id: 'ownid',
  url: 'https://lms.district.test/courses/1/gradebook',
  tab: { id: 7 },
  frameId: 0,
};
const ANSWER = { results: [{ status: 'none' as const }], lang: 'en' as const };

/** A port whose message and disconnect listeners the test fires by hand. */
function fakePort(name = ROSTER_PORT, sender: SenderLike | undefined = CONTENT_SENDER) {
  const onMessage: ((message: unknown) => void)[] = [];
  const onDisconnect: (() => void)[] = [];
  const port = {
    name,
    sender: sender as SenderLike | undefined,
    posted: [] as unknown[],
    failPost: false,
    onMessage: { addListener: (listener: (message: unknown) => void) => onMessage.push(listener) },
    onDisconnect: { addListener: (listener: () => void) => onDisconnect.push(listener) },
    postMessage(message: unknown) {
      if (port.failPost) throw new Error('Attempting to use a disconnected port object');
      port.posted.push(message);
    },
    disconnect: vi.fn(),
    receive: (message: unknown) => {
      for (const listener of onMessage) listener(message);
    },
    drop: () => {
      for (const listener of onDisconnect) listener();
    },
    listeners: () => onMessage.length,
  };
  return port satisfies PortLike & RosterPort;
}

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('serveRosterPort (background end)', () => {
  it('leaves ports of other names alone', () => {
    const port = fakePort('something-else');
    serveRosterPort(port, vi.fn());
    expect(port.listeners()).toBe(0);
  });

  it('asks the controller as a roster/match message from the port’s own sender and answers by id', async () => {
    const port = fakePort();
    const handle = vi.fn(async (_message: unknown, _sender: SenderLike) => ANSWER);
    serveRosterPort(port, handle);
    port.receive({ id: 3, candidates: [{ text: 'Maya Okafor' }] });
    await flush();
    expect(handle).toHaveBeenCalledWith(
      { type: 'roster/match', candidates: [{ text: 'Maya Okafor' }] },
      CONTENT_SENDER,
    );
    expect(port.posted).toEqual([{ id: 3, answer: ANSWER }]);
  });

  it('drops requests that do not parse, and never passes other message types through', async () => {
    const port = fakePort();
    const handle = vi.fn(async (_message: unknown, _sender: SenderLike) => ANSWER);
    serveRosterPort(port, handle);
    for (const bad of [
      null,
      'roster/match',
      { id: -1, candidates: [] },
      { id: 1.5, candidates: [] },
      { id: 1, candidates: [{ text: 'x'.repeat(201) }] },
      { id: 1 },
    ]) {
      port.receive(bad);
    }
    port.receive({ id: 4, type: 'card/open', studentId: 's1', candidates: [] });
    await flush();
    expect(handle).toHaveBeenCalledTimes(1);
    expect(handle.mock.calls[0]?.[0]).toEqual({ type: 'roster/match', candidates: [] });
  });

  it('passes a port without a sender on as an empty sender (which the controller refuses)', async () => {
    const port = fakePort();
    port.sender = undefined;
    const handle = vi.fn(async (_message: unknown, _sender: SenderLike) => undefined);
    serveRosterPort(port, handle);
    port.receive({ id: 1, candidates: [] });
    await flush();
    expect(handle.mock.calls[0]?.[1]).toEqual({});
  });

  it('answers undefined when the controller fails, and survives a port that went away', async () => {
    const port = fakePort();
    serveRosterPort(port, async () => {
      throw new Error('database closed');
    });
    port.receive({ id: 9, candidates: [] });
    await flush();
    expect(port.posted).toEqual([{ id: 9, answer: undefined }]);
    port.failPost = true;
    port.receive({ id: 10, candidates: [] });
    await flush();
    expect(port.posted).toHaveLength(1);
  });
});

describe('RosterPortClient (content-script end)', () => {
  it('opens one port and matches answers to questions by id, in any order', async () => {
    const port = fakePort();
    const connect = vi.fn(() => port);
    const client = new RosterPortClient(connect);
    const first = client.ask([{ text: 'Maya Okafor' }]);
    const second = client.ask([{ text: 'Liam Chen' }]);
    expect(connect).toHaveBeenCalledTimes(1);
    expect(port.posted).toEqual([
      { id: 0, candidates: [{ text: 'Maya Okafor' }] },
      { id: 1, candidates: [{ text: 'Liam Chen' }] },
    ]);
    const secondAnswer = { ...ANSWER, lang: 'es' as const };
    port.receive({ id: 1, answer: secondAnswer });
    port.receive({ id: 0, answer: ANSWER });
    await expect(first).resolves.toEqual(ANSWER);
    await expect(second).resolves.toEqual(secondAnswer);
  });

  it('ignores answers it did not ask for', async () => {
    const port = fakePort();
    const client = new RosterPortClient(() => port);
    const pending = client.ask([]);
    port.receive({ id: 99, answer: ANSWER });
    port.receive('nonsense');
    port.receive(null);
    port.receive({ id: 0, answer: undefined });
    await expect(pending).resolves.toBeUndefined();
  });

  it('fails the questions of a port that closed and opens a new port for the next one', async () => {
    const ports = [fakePort(), fakePort()];
    const client = new RosterPortClient(() => ports.shift() as ReturnType<typeof fakePort>);
    const [firstPort, secondPort] = ports as [
      ReturnType<typeof fakePort>,
      ReturnType<typeof fakePort>,
    ];
    const lost = client.ask([{ text: 'Maya Okafor' }]);
    firstPort.drop();
    await expect(lost).rejects.toThrow(/closed/);
    const next = client.ask([{ text: 'Maya Okafor' }]);
    expect(secondPort.posted).toEqual([{ id: 1, candidates: [{ text: 'Maya Okafor' }] }]);
    secondPort.receive({ id: 1, answer: ANSWER });
    await expect(next).resolves.toEqual(ANSWER);
  });

  it('reopens once when the port is already dead but has not said so yet', async () => {
    const dead = fakePort();
    dead.failPost = true;
    const fresh = fakePort();
    const ports = [dead, fresh];
    const client = new RosterPortClient(() => ports.shift() as ReturnType<typeof fakePort>);
    const answer = client.ask([]);
    expect(fresh.posted).toEqual([{ id: 0, candidates: [] }]);
    fresh.receive({ id: 0, answer: ANSWER });
    await expect(answer).resolves.toEqual(ANSWER);
    // The dead port's late disconnect does not fail questions asked on the new one.
    const later = client.ask([]);
    dead.drop();
    fresh.receive({ id: 1, answer: ANSWER });
    await expect(later).resolves.toEqual(ANSWER);
  });

  it('rejects when no port can be used', async () => {
    const client = new RosterPortClient(() => {
      throw new Error('Extension context invalidated.');
    });
    await expect(client.ask([])).rejects.toThrow(/invalidated/);
  });
});
