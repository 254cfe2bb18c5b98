import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { pathToFileURL } from 'node:url';
import { z } from 'zod';
import {
  type LogBatchResponse,
  LogEntry,
  MAX_BATCH_ENTRIES,
  type RejectedEntry,
} from '../../lib/logs/schema';

/**
 * The reference log receiver (lib/logs/CONTRACT.md): `POST /logs` on 127.0.0.1, validated with
 * the zod schemas, entries stored once per key. No dependencies beyond node:http and zod. Tests
 * and the demo drive its failure modes; `tsx tests/receiver/log-receiver.ts [port]` runs it.
 */

export interface LogReceiverOptions {
  /** 0 (default) picks a free port. */
  port?: number;
  /** When set, requests must carry `Authorization: Bearer <token>`. */
  token?: string;
  /** Logs every request to the console (CLI mode). */
  verbose?: boolean;
}

export interface LogReceiver {
  /** The endpoint address, `http://127.0.0.1:<port>/logs`. */
  readonly url: string;
  /** Requests that reached the handler (including refused and failed ones). */
  readonly requests: number;
  /** Entries received in accepted requests, duplicates included. */
  readonly received: number;
  /** The `Idempotency-Key` of every request, in order. */
  readonly idempotencyKeys: readonly string[];
  /** Stored entries, one per key, in arrival order. */
  entries(): LogEntry[];
  uniqueCount(): number;
  /** The next `count` requests answer `status` (default 500) and store nothing. */
  failNext(count: number, status?: number): void;
  /** Offline: every connection is destroyed without an answer (a network error for clients). */
  setOffline(offline: boolean): void;
  /** The next `count` requests answer 429 with this Retry-After value. */
  rateLimitNext(count: number, retryAfter: string): void;
  /** This entry is refused with `status` (default 422) in `rejected`; the rest are stored. */
  rejectKey(key: string, status?: number, reason?: string): void;
  /** Any request carrying this entry is refused as a whole with `status` (default 400). */
  rejectBatchesContaining(key: string, status?: number): void;
  close(): Promise<void>;
}

const MAX_BODY_BYTES = 1_000_000;
const Envelope = z.object({ entries: z.array(z.unknown()).min(1).max(MAX_BATCH_ENTRIES) });

export async function startLogReceiver(options: LogReceiverOptions = {}): Promise<LogReceiver> {
  const stored = new Map<string, LogEntry>();
  const idempotencyKeys: string[] = [];
  const rejectedKeys = new Map<string, { status: number; reason: string }>();
  const poisonKeys = new Map<string, number>();
  let requests = 0;
  let received = 0;
  let offline = false;
  let failures: { count: number; status: number } = { count: 0, status: 500 };
  let rateLimit: { count: number; retryAfter: string } = { count: 0, retryAfter: '0' };

  const send = (res: ServerResponse, status: number, body: unknown, headers = {}) => {
    res.writeHead(status, { 'Content-Type': 'application/json', ...headers });
    res.end(JSON.stringify(body));
  };

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    if (offline) {
      req.socket.destroy();
      return;
    }
    requests += 1;
    const path = new URL(req.url ?? '/', 'http://127.0.0.1').pathname;
    if (path !== '/logs') return send(res, 404, { error: 'Not found' });
    if (req.method !== 'POST') return send(res, 405, { error: 'Use POST' }, { Allow: 'POST' });
    if (options.token && req.headers.authorization !== `Bearer ${options.token}`) {
      return send(res, 401, { error: 'Missing or wrong bearer token' });
    }
    if (!req.headers['content-type']?.toLowerCase().startsWith('application/json')) {
      return send(res, 415, { error: 'Content-Type must be application/json' });
    }
    const idempotencyKey = req.headers['idempotency-key'];
    if (typeof idempotencyKey !== 'string' || !/^[\x21-\x7e]{1,200}$/.test(idempotencyKey)) {
      return send(res, 400, { error: 'Idempotency-Key header required' });
    }
    idempotencyKeys.push(idempotencyKey);
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of req) {
      size += (chunk as Buffer).length;
      if (size > MAX_BODY_BYTES) return send(res, 413, { error: 'Request too large' });
      chunks.push(chunk as Buffer);
    }
    if (failures.count > 0) {
      failures.count -= 1;
      return send(res, failures.status, { error: 'Injected failure' });
    }
    if (rateLimit.count > 0) {
      rateLimit.count -= 1;
      return send(res, 429, { error: 'Slow down' }, { 'Retry-After': rateLimit.retryAfter });
    }
    let raw: unknown;
    try {
      raw = JSON.parse(Buffer.concat(chunks).toString('utf8'));
    } catch {
      return send(res, 400, { error: 'Body is not JSON' });
    }
    const envelope = Envelope.safeParse(raw);
    if (!envelope.success) {
      return send(res, 400, { error: `Not a log batch: ${envelope.error.issues[0]?.message}` });
    }
    const keyOf = (item: unknown) =>
      item && typeof item === 'object' && 'key' in item && typeof item.key === 'string'
        ? item.key
        : undefined;
    for (const item of envelope.data.entries) {
      const poison = poisonKeys.get(keyOf(item) ?? '');
      if (poison !== undefined) return send(res, poison, { error: 'Batch refused (injected)' });
    }

    const answer: Required<LogBatchResponse> = { accepted: [], rejected: [] };
    const reject = (entry: RejectedEntry) => {
      if (!answer.rejected.some((r) => r.key === entry.key)) answer.rejected.push(entry);
    };
    for (const item of envelope.data.entries) {
      const parsed = LogEntry.safeParse(item);
      const key = keyOf(item) ?? '(no key)';
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        reject({ key, status: 422, reason: `${issue?.path.join('.')}: ${issue?.message}` });
        continue;
      }
      const refused = rejectedKeys.get(key);
      if (refused) {
        reject({ key, ...refused });
        continue;
      }
      received += 1;
      if (!stored.has(key)) stored.set(key, parsed.data);
      if (!answer.accepted.includes(key)) answer.accepted.push(key);
    }
    if (options.verbose) {
      console.log(
        `POST /logs ${idempotencyKey}: ${answer.accepted.length} accepted, ` +
          `${answer.rejected.length} rejected, ${stored.size} stored`,
      );
    }
    send(res, 200, answer.rejected.length > 0 ? answer : { accepted: answer.accepted });
  };

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      if (!res.headersSent) send(res, 500, { error: String(error) });
      else res.destroy();
    });
  });
  server.on('connection', (socket) => {
    if (offline) socket.destroy();
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}/logs`,
    get requests() {
      return requests;
    },
    get received() {
      return received;
    },
    idempotencyKeys,
    entries: () => [...stored.values()],
    uniqueCount: () => stored.size,
    failNext(count, status = 500) {
      failures = { count, status };
    },
    setOffline(value) {
      offline = value;
      if (value) server.closeAllConnections();
    },
    rateLimitNext(count, retryAfter) {
      rateLimit = { count, retryAfter };
    },
    rejectKey(key, status = 422, reason = 'Refused (injected)') {
      rejectedKeys.set(key, { status, reason });
    },
    rejectBatchesContaining(key, status = 400) {
      poisonKeys.set(key, status);
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const port = Number(process.argv[2] ?? process.env.PORT ?? 0);
  const receiver = await startLogReceiver({
    port,
    token: process.env.LOG_RECEIVER_TOKEN,
    verbose: true,
  });
  console.log(`PlainSight reference log receiver listening on ${receiver.url}`);
}
