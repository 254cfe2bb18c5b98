/**
 * The support card frame on a host page. The card itself is an extension page inside an iframe,
 * so the page's scripts can neither read its content nor style it; the frame's URL carries only
 * an opaque nonce. One card is open at a time.
 */
export interface CardFrameDeps {
  /** Asks the background for a card URL for this student (undefined when refused). */
  requestCardUrl(studentId: string): Promise<string | undefined>;
  /** The frame's accessible title, in the user's language. */
  frameTitle(): string;
}

const WIDTH = 380;
const INITIAL_HEIGHT = 320;
const MAX_HEIGHT = 560;
const GAP = 6;
const MARGIN = 8;
const MIN_HEIGHT = 120;
/** A card that never reports its size (its page failed to load) is shown anyway after this. */
const REVEAL_FALLBACK_MS = 1500;

/** Where an open card sits, fixed when it is first shown so its buttons never move under the pointer. */
type Placement = { side: 'below' } | { side: 'above'; box: number };

interface OpenCard {
  frameHost: HTMLElement;
  iframe: HTMLIFrameElement;
  button: HTMLButtonElement;
  studentId: string;
  height: number;
  /** Unset while the card is loading (and invisible): its real height is not known yet. */
  placement?: Placement;
  revealTimer: ReturnType<typeof setTimeout>;
}

export class CardFrame {
  private current: OpenCard | null = null;
  private positionQueued = false;

  constructor(
    private readonly doc: Document,
    private readonly deps: CardFrameDeps,
  ) {}

  isOpen(): boolean {
    return this.current !== null;
  }

  async toggle(studentId: string, button: HTMLButtonElement): Promise<void> {
    const wasSame = this.current?.button === button;
    this.close(false);
    if (wasSame) return;
    const url = await this.deps.requestCardUrl(studentId);
    if (!url || !button.isConnected) return;
    this.open(studentId, button, url);
  }

  private open(studentId: string, button: HTMLButtonElement, url: string): void {
    const frameHost = this.doc.createElement('div');
    const shadow = frameHost.attachShadow({ mode: 'open' });
    const iframe = this.doc.createElement('iframe');
    iframe.src = url;
    iframe.title = this.deps.frameTitle();
    iframe.setAttribute('allow', '');
    iframe.style.cssText = [
      'all: initial',
      'display: block',
      `width: ${WIDTH}px`,
      `height: ${INITIAL_HEIGHT}px`,
      'max-width: calc(100vw - 16px)',
      'border: 0',
      'border-radius: 10px',
      'box-shadow: 0 10px 32px rgba(15, 30, 60, 0.28), 0 0 0 1px rgba(15, 30, 60, 0.12)',
      'background: #fff',
      'color-scheme: light',
      // Invisible and out of the pointer's way until the card reports its height: placed then,
      // it does not jump under the pointer.
      'opacity: 0',
      'pointer-events: none',
    ].join(';');
    shadow.append(iframe);
    frameHost.style.cssText =
      'all: initial; position: fixed; z-index: 2147483647; top: 0; left: 0; display: block;';
    // Focus moves into the frame as soon as it has loaded (focusing it any later, from a
    // message, left the card's dialog unfocused in 5 of 15 runs of the keyboard e2e). Until
    // the card is shown it holds only a loading line, and it takes no clicks.
    iframe.addEventListener('load', () => iframe.focus(), { once: true });
    this.doc.documentElement.append(frameHost);
    button.setAttribute('aria-expanded', 'true');
    const revealTimer = setTimeout(() => this.reveal(), REVEAL_FALLBACK_MS);
    this.current = { frameHost, iframe, button, studentId, height: INITIAL_HEIGHT, revealTimer };
    this.position();
    this.listen(true);
  }

  /** Whether the open card is the one a message from the card frame is about. */
  isCurrent(nonce: string): boolean {
    return this.current !== null && new URL(this.current.iframe.src).hash === `#${nonce}`;
  }

  close(restoreFocus: boolean): void {
    const card = this.current;
    if (!card) return;
    this.current = null;
    clearTimeout(card.revealTimer);
    this.listen(false);
    card.frameHost.remove();
    card.button.setAttribute('aria-expanded', 'false');
    if (restoreFocus && card.button.isConnected) card.button.focus();
  }

  resize(height: number): void {
    if (!this.current) return;
    this.current.height = Math.min(height, MAX_HEIGHT);
    if (this.current.placement) this.position();
    else this.reveal();
  }

  /** Shows the card where it fits with its current height; it stays on that side from now on. */
  private reveal(): void {
    const card = this.current;
    if (!card || card.placement) return;
    clearTimeout(card.revealTimer);
    const rooms = this.rooms(card);
    if (rooms) this.place(card, rooms);
    if (this.current !== card) return; // Closed: its marker had scrolled away.
    card.iframe.style.opacity = '1';
    card.iframe.style.pointerEvents = 'auto';
  }

  /** Below the marker when the card fits there, else above; if neither, the roomier side. */
  private place(card: OpenCard, rooms: { below: number; above: number }): void {
    const below =
      card.height <= rooms.below || (card.height > rooms.above && rooms.below >= rooms.above);
    card.placement = below
      ? { side: 'below' }
      : { side: 'above', box: Math.max(MIN_HEIGHT, Math.min(card.height, rooms.above)) };
    this.position();
  }

  /** Room for the card below and above its marker, or null (and closed) once it is gone. */
  private rooms(card: OpenCard): { rect: DOMRect; below: number; above: number } | null {
    const rect = card.button.getBoundingClientRect();
    const viewportHeight = this.doc.defaultView?.innerHeight ?? 800;
    if (!card.button.isConnected || rect.bottom < 0 || rect.top > viewportHeight) {
      this.close(false); // The row scrolled away or was re-rendered.
      return null;
    }
    return {
      rect,
      below: viewportHeight - rect.bottom - GAP - MARGIN,
      above: rect.top - GAP - MARGIN,
    };
  }

  /**
   * Below the marker, growing downwards; or above it in a box of fixed height whose top stays
   * put (a taller card scrolls inside). Before the card is shown, provisionally below.
   */
  private position(): void {
    const card = this.current;
    if (!card) return;
    const rooms = this.rooms(card);
    if (!rooms) return;
    const placement = card.placement ?? { side: 'below' };
    const height =
      placement.side === 'below'
        ? Math.max(MIN_HEIGHT, Math.min(card.height, rooms.below))
        : Math.min(card.height, placement.box);
    card.iframe.style.height = `${height}px`;
    const top =
      placement.side === 'below' ? rooms.rect.bottom + GAP : rooms.rect.top - GAP - placement.box;
    const viewportWidth = this.doc.defaultView?.innerWidth ?? 1200;
    const left = Math.max(MARGIN, Math.min(rooms.rect.left, viewportWidth - WIDTH - MARGIN));
    card.frameHost.style.transform = `translate(${Math.round(left)}px, ${Math.round(top)}px)`;
  }

  private readonly onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Escape') {
      event.stopPropagation();
      this.close(true);
    }
  };

  private readonly onPointerDown = (event: PointerEvent) => {
    const card = this.current;
    if (!card) return;
    const path = event.composedPath();
    if (path.includes(card.frameHost) || path.includes(card.button)) return;
    this.close(false);
  };

  /** The page scrolled or the window changed size: the card may fit better on the other side. */
  private readonly onViewportChange = () => {
    if (this.positionQueued) return;
    this.positionQueued = true;
    requestAnimationFrame(() => {
      this.positionQueued = false;
      const card = this.current;
      if (!card?.placement) return this.position();
      const rooms = this.rooms(card);
      if (rooms) this.place(card, rooms);
    });
  };

  private listen(on: boolean): void {
    const view = this.doc.defaultView;
    if (!view) return;
    const method = on ? 'addEventListener' : 'removeEventListener';
    view[method]('keydown', this.onKeyDown as EventListener, true);
    view[method]('pointerdown', this.onPointerDown as EventListener, true);
    view[method]('scroll', this.onViewportChange, {
      capture: true,
      passive: true,
    } as AddEventListenerOptions);
    view[method]('resize', this.onViewportChange, { passive: true } as AddEventListenerOptions);
  }
}
