import { isRendered } from './marker-host';

interface Request {
  elements: readonly Element[];
  then(shown: Element[]): void;
}

/**
 * Tells which elements the user can see, at the moment the browser has laid out the coming
 * frame and before it paints it. Reading a name's box any earlier (while the page's new rows are
 * not laid out yet) would force the browser to lay the page out ahead of time, on our account
 * and inside the page's frame; any later, and markers would appear a frame after their names.
 *
 * The hook is a ResizeObserver on the root element: observing an element with a box always
 * reports it once, right after the next layout, and changes made in the callback are laid out
 * and painted in the same frame. Like animation frames, nothing runs while the tab is hidden.
 */
export class LayoutGate {
  private readonly requests: Request[] = [];
  private readonly observer: ResizeObserver;

  constructor(
    private readonly doc: Document,
    private readonly isShown: (element: Element) => boolean = isRendered,
  ) {
    const View = doc.defaultView?.ResizeObserver ?? ResizeObserver;
    this.observer = new View(() => this.release());
  }

  /** Calls `then` with those of `elements` that are shown, once the next layout is done. */
  request(elements: readonly Element[], then: (shown: Element[]) => void): void {
    this.requests.push({ elements, then });
    // Observing again reports again, so each frame that has requests gets its callback.
    if (this.requests.length === 1) this.observer.observe(this.doc.documentElement);
  }

  dispose(): void {
    this.observer.disconnect();
    this.requests.length = 0;
  }

  private release(): void {
    this.observer.unobserve(this.doc.documentElement);
    const requests = this.requests.splice(0);
    // Every box is read before any marker goes in, so the page is laid out only once.
    const decided = requests.map(({ elements }) => elements.filter((e) => this.isShown(e)));
    requests.forEach(({ then }, index) => {
      then(decided[index] as Element[]);
    });
  }
}
