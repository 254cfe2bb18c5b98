import { ROSTER_PORT } from '../messages/ports';
import { RosterPortRequest } from '../messages/protocol';
import type { SenderLike } from './sender';

/** The parts of a runtime port the background uses. */
export interface PortLike {
  name: string;
  sender?: SenderLike;
  onMessage: { addListener(listener: (message: unknown) => void): void };
  postMessage(message: unknown): void;
}

/**
 * Answers roster questions that arrive on a content script's roster port, through the same
 * checks as every runtime message (`handle` is BackgroundController.handleMessage): the sender
 * is the port's, so a port opened by anything but our content script on an allowed host is
 * refused like a message would be. Other ports are left alone.
 */
export function serveRosterPort(
  port: PortLike,
  handle: (message: unknown, sender: SenderLike) => Promise<unknown>,
): void {
  if (port.name !== ROSTER_PORT) return;
  const sender = port.sender ?? {};
  port.onMessage.addListener((raw) => {
    const request = RosterPortRequest.safeParse(raw);
    if (!request.success) return;
    const { id, candidates } = request.data;
    const reply = (answer: unknown) => {
      try {
        port.postMessage({ id, answer });
      } catch {
        // The page went away while we were answering.
      }
    };
    handle({ type: 'roster/match', candidates }, sender).then(reply, () => reply(undefined));
  });
}
