import { browser } from 'wxt/browser';
import { ROSTER_PORT } from './ports';
import type { RosterCandidate } from './protocol';
import type { Responses } from './send';

type Answer = Responses['roster/match'];

export interface RosterPort {
  postMessage(message: unknown): void;
  disconnect(): void;
  onMessage: { addListener(listener: (message: unknown) => void): void };
  onDisconnect: { addListener(listener: () => void): void };
}

interface Waiter {
  port: RosterPort;
  resolve(answer: Answer): void;
  reject(error: Error): void;
}

/**
 * The content script's end of the roster port (see lib/messages/ports.ts). The port is opened
 * on first use and again after the background went away (the browser stops an idle service
 * worker); questions a closed port had not answered fail, and the watcher asks again on the
 * next change.
 */
export class RosterPortClient {
  private port: RosterPort | null = null;
  private nextId = 0;
  private readonly waiting = new Map<number, Waiter>();

  constructor(
    private readonly connect: () => RosterPort = () =>
      browser.runtime.connect({ name: ROSTER_PORT }),
  ) {}

  ask(candidates: RosterCandidate[]): Promise<Answer> {
    const id = this.nextId++;
    return new Promise<Answer>((resolve, reject) => {
      const send = () => {
        const port = this.open();
        this.waiting.set(id, { port, resolve, reject });
        port.postMessage({ id, candidates });
      };
      try {
        send();
      } catch {
        // The port's other end has just gone (its disconnect event is still on its way).
        this.port = null;
        try {
          send();
        } catch (error) {
          this.waiting.delete(id);
          reject(error instanceof Error ? error : new Error(String(error)));
        }
      }
    });
  }

  close(): void {
    const port = this.port;
    if (!port) return;
    port.disconnect();
    this.closed(port);
  }

  private open(): RosterPort {
    if (this.port) return this.port;
    const port = this.connect();
    port.onMessage.addListener((message) => {
      const { id, answer } = (message ?? {}) as { id?: unknown; answer?: Answer };
      const waiter = typeof id === 'number' ? this.waiting.get(id) : undefined;
      if (!waiter || waiter.port !== port) return;
      this.waiting.delete(id as number);
      waiter.resolve(answer);
    });
    port.onDisconnect.addListener(() => this.closed(port));
    this.port = port;
    return port;
  }

  private closed(port: RosterPort): void {
    if (this.port === port) this.port = null;
    for (const [id, waiter] of this.waiting) {
      if (waiter.port !== port) continue;
      this.waiting.delete(id);
      waiter.reject(new Error('The roster port closed before it answered'));
    }
  }
}
