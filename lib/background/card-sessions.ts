/**
 * Open support cards, keyed by a random nonce. The card frame's URL carries only the nonce, so
 * the host page, which can read the frame's src, learns nothing about the student. Kept in
 * session storage so a restarted service worker still knows which tab owns which card.
 */
export interface CardSession {
  studentId: string;
  /** What the page told about itself: grading or not, and which class it shows. */
  context: { pageKind: 'grading' | 'other'; classHint?: string; assignment?: string };
  /** The host the card was opened on, for the access log. */
  site?: string;
  tabId: number;
  frameId: number;
  createdAt: number;
}

export interface SessionArea {
  get(key: string): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(key: string | string[]): Promise<void>;
}

const PREFIX = 'card:';
const MAX_AGE_MS = 12 * 60 * 60 * 1000;

export function newNonce(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(24));
  return btoa(String.fromCharCode(...bytes))
    .replaceAll('+', '-')
    .replaceAll('/', '_')
    .replaceAll('=', '');
}

export class CardSessions {
  constructor(private readonly area: SessionArea) {}

  async open(session: Omit<CardSession, 'createdAt'>, now = Date.now()): Promise<string> {
    const nonce = newNonce();
    await this.area.set({ [PREFIX + nonce]: { ...session, createdAt: now } });
    return nonce;
  }

  async get(nonce: string, now = Date.now()): Promise<CardSession | undefined> {
    const key = PREFIX + nonce;
    const session = (await this.area.get(key))[key] as CardSession | undefined;
    if (!session || now - session.createdAt > MAX_AGE_MS) return undefined;
    return session;
  }

  async close(nonce: string): Promise<void> {
    await this.area.remove(PREFIX + nonce);
  }
}

/**
 * Names seen on pages that could be several feed students, so they got no marker; the card of
 * each of those students says so.
 */
export class AmbiguousNames {
  constructor(private readonly area: SessionArea) {}

  async record(ambiguities: readonly { text: string; studentIds: readonly string[] }[]) {
    const items: Record<string, unknown> = {};
    for (const { text, studentIds } of ambiguities) {
      for (const id of studentIds) items[`ambiguous:${id}`] = { text, count: studentIds.length };
    }
    if (Object.keys(items).length > 0) await this.area.set(items);
  }

  async of(studentId: string): Promise<{ text: string; count: number } | undefined> {
    const key = `ambiguous:${studentId}`;
    return (await this.area.get(key))[key] as { text: string; count: number } | undefined;
  }
}

/**
 * Which students each tab's content script reported finding; a card opens only for those. Kept
 * in session storage (it outlives a stopped service worker) and mirrored in memory, so the
 * question asked for every batch of rows costs one write at most, and none when nothing is new.
 */
export class TabRosters {
  private readonly loaded = new Map<number, Promise<Set<string>>>();

  constructor(private readonly area: SessionArea) {}

  private key(tabId: number) {
    return `roster:${tabId}`;
  }

  private known(tabId: number): Promise<Set<string>> {
    let known = this.loaded.get(tabId);
    if (!known) {
      const key = this.key(tabId);
      known = this.area
        .get(key)
        .then((items) => new Set((items[key] as string[] | undefined) ?? []));
      this.loaded.set(tabId, known);
    }
    return known;
  }

  async add(tabId: number, studentIds: readonly string[]): Promise<void> {
    if (studentIds.length === 0) return;
    const known = await this.known(tabId);
    const before = known.size;
    for (const id of studentIds) known.add(id);
    if (known.size !== before) await this.area.set({ [this.key(tabId)]: [...known] });
  }

  async has(tabId: number, studentId: string): Promise<boolean> {
    return (await this.known(tabId)).has(studentId);
  }

  async forget(tabId: number): Promise<void> {
    this.loaded.delete(tabId);
    await this.area.remove(this.key(tabId));
  }
}
