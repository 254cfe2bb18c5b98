import type { RosterCandidate, RosterMatch } from '../messages/protocol';
import type { PageCandidate, SiteAdapter } from '../sites/types';

interface PlacedMarker {
  /** The element inserted into the page. */
  host: HTMLElement;
  studentId: string;
}

export interface RosterWatcherDeps {
  adapter: SiteAdapter;
  /**
   * Asks the background which candidates are feed students (results in the same order), or
   * null when it refuses: the page is no longer allowed or there is no usable feed.
   */
  match(candidates: RosterCandidate[]): Promise<RosterMatch[] | null>;
  createMarker(studentId: string): HTMLElement;
  /**
   * Calls back with those of `elements` the user can see, once the page's layout for the next
   * frame is known: only they get a marker (hidden templates and stale views do not).
   */
  whenShown(elements: readonly Element[], then: (shown: readonly Element[]) => void): void;
  /** Schedules one batch per frame; injectable for tests. */
  schedule?(callback: () => void): void;
}

/** Block-level containers get the marker inside, at the end; inline names get it after them. */
const CONTAINERS = new Set(['TD', 'TH', 'LI', 'DIV', 'P', 'DD', 'DT']);

const OBSERVED: MutationObserverInit = { childList: true, subtree: true, characterData: true };

const ROW = 'tr, li, [role="row"], [role="listitem"]';

function enclosingRow(element: Element): Element | null {
  return element.closest(ROW);
}

/** The row an element sits in, so a change anywhere in a row re-reads the whole row. */
function rowOf(element: Element): Element {
  return enclosingRow(element) ?? element;
}

/** Whether a node is one of `roots` or inside one (one walk up, however many roots). */
function isWithin(node: Node, roots: ReadonlySet<Node>): boolean {
  for (let at: Node | null = node; at; at = at.parentNode) if (roots.has(at)) return true;
  return false;
}

function isBeside(host: Element, anchor: Element): boolean {
  return host.previousSibling === anchor || host.parentElement === anchor;
}

/** Texts and ids never hold NUL, so joining with it keeps keys distinct. */
function candidateKey(candidate: RosterCandidate): string {
  const ids = candidate.ids;
  if (!ids) return candidate.text;
  let key = candidate.text;
  for (const system in ids) key += `\0${system}\0${ids[system as keyof typeof ids]}`;
  return key;
}

/**
 * Keeps markers next to the feed's students on one document: scans once, then follows page
 * changes through a single batched MutationObserver. Insertion is idempotent: every anchor has
 * at most one marker, markers whose anchor left the page are removed, and answers are cached
 * per text so re-rendered rows do not ask the background again.
 */
export class RosterWatcher {
  private readonly answers = new Map<string, RosterMatch>();
  private readonly markers = new Map<Element, PlacedMarker>();
  /** How many markers each student has on the page. */
  private readonly markerCounts = new Map<string, number>();
  private readonly ownHosts = new WeakSet<Node>();
  private readonly studentByHost = new WeakMap<Node, string>();
  private readonly pending = new Set<Node>();
  /** Anchors that get a marker once the layout shows them, with their student. */
  private readonly awaitingLayout = new Map<Element, string>();
  /** Mutation batches not read yet: the observer only queues them, so the page's task stays short. */
  private readonly queued: MutationRecord[][] = [];
  private readonly schedule: (callback: () => void) => void;
  private observer: MutationObserver | null = null;
  private scheduled = false;
  /** True while our own marker changes are made (see pauseObserving). */
  private paused = false;
  /** Counts batches of page changes, so a late answer can tell whether the page moved on. */
  private pageChanges = 0;
  /** Bumped by reset() and stop(): answers and batches from before are dropped. */
  private generation = 0;
  private stopped = false;

  constructor(
    private readonly root: Document,
    private readonly deps: RosterWatcherDeps,
  ) {
    this.schedule = deps.schedule ?? ((callback) => requestAnimationFrame(callback));
  }

  /** Resolves after the first scan has placed its markers. */
  async start(): Promise<void> {
    this.observer?.disconnect();
    this.paused = false;
    this.stopped = false;
    this.observer = new MutationObserver((records) => this.queue(records));
    this.observer.observe(this.root.documentElement, OBSERVED);
    await this.scan([this.root.body ?? this.root.documentElement]);
  }

  stop(): void {
    this.stopped = true;
    this.generation += 1;
    this.observer?.disconnect();
    this.observer = null;
    this.paused = false;
    this.pending.clear();
    this.queued.length = 0;
    this.awaitingLayout.clear();
    for (const marker of this.markers.values()) marker.host.remove();
    this.markers.clear();
    this.markerCounts.clear();
  }

  /** Forget every answer and re-check the whole page (the feed changed). */
  async reset(): Promise<void> {
    this.generation += 1;
    this.answers.clear();
    await this.scan([this.root.body ?? this.root.documentElement], true);
  }

  markerCount(): number {
    return this.markers.size;
  }

  /** Every marker on the page with its student. */
  forEachMarker(visit: (host: HTMLElement, studentId: string) => void): void {
    for (const marker of this.markers.values()) visit(marker.host, marker.studentId);
  }

  /** The student a marker stands for, kept here rather than in the page's DOM. */
  studentIdOf(host: Element): string | undefined {
    return this.studentByHost.get(host);
  }

  private queue(records: MutationRecord[]): void {
    this.pageChanges += 1;
    this.queued.push(records);
    if (this.scheduled) return;
    this.scheduled = true;
    this.schedule(() => {
      this.scheduled = false;
      if (this.stopped) return;
      for (const batch of this.queued.splice(0)) this.read(batch);
      this.changingMarkers(() => this.sweepDetached());
      const roots = [...this.pending].filter((node) => node.isConnected);
      this.pending.clear();
      if (roots.length > 0) void this.scan(roots);
    });
  }

  /** Notes which parts of the page to read again for one batch of page changes. */
  private read(records: MutationRecord[]): void {
    // Virtual lists remove many rows from one container at once: look its row up once.
    const rowOfTarget = new Map<Node, Element | null>();
    for (const record of records) {
      const target = record.target;
      if (this.ownHosts.has(target)) continue;
      if (record.type === 'characterData') {
        const parent = target.parentElement;
        if (parent) this.pending.add(rowOf(parent));
        continue;
      }
      const added = record.addedNodes;
      for (let i = 0; i < added.length; i++) {
        const node = added[i] as Node;
        if (!this.ownHosts.has(node)) this.pending.add(node);
      }
      // A name element removed inside a row: re-read the row so a stale marker goes too.
      // (Whole rows removed need no re-read: every batch sweeps markers whose name is gone.)
      if (target.nodeType !== Node.ELEMENT_NODE) continue;
      let row = rowOfTarget.get(target);
      if (row === undefined) {
        row = enclosingRow(target as Element);
        rowOfTarget.set(target, row);
      }
      if (row && this.removesPageNodes(record)) this.pending.add(row);
    }
  }

  /**
   * Before our first marker change of a batch: page changes so far are queued as usual, then the
   * observer looks away, so our own insertions and removals cost no mutation records at all.
   */
  private pauseObserving(): void {
    const observer = this.observer;
    if (!observer || this.paused) return;
    const pageChanges = observer.takeRecords();
    if (pageChanges.length > 0) this.queue(pageChanges);
    observer.disconnect();
    this.paused = true;
  }

  /** Runs our own marker changes; the page is observed again afterwards, even if one failed. */
  private changingMarkers(change: () => void): void {
    try {
      change();
    } finally {
      this.resumeObserving();
    }
  }

  /** After the batch: the page's next changes are observed again. */
  private resumeObserving(): void {
    if (!this.paused) return;
    this.paused = false;
    this.observer?.observe(this.root.documentElement, OBSERVED);
  }

  private removesPageNodes(record: MutationRecord): boolean {
    const removed = record.removedNodes;
    for (let i = 0; i < removed.length; i++)
      if (!this.ownHosts.has(removed[i] as Node)) return true;
    return false;
  }

  private candidatesIn(roots: readonly Node[]): PageCandidate[] {
    const candidates: PageCandidate[] = [];
    for (const root of roots) {
      if (root.nodeType === Node.ELEMENT_NODE || root.nodeType === Node.DOCUMENT_NODE) {
        candidates.push(...this.deps.adapter.findCandidates(root as ParentNode));
      } else if (root.nodeType === Node.TEXT_NODE && root.parentElement) {
        candidates.push(...this.deps.adapter.findCandidates(root.parentElement));
      }
    }
    return candidates;
  }

  /** Anchors with a text the background has not answered: all of an anchor's texts decide. */
  private unanswered(candidates: readonly PageCandidate[]): Set<Element> {
    const anchors = new Set<Element>();
    for (const candidate of candidates) {
      if (!this.answers.has(candidateKey(candidate))) anchors.add(candidate.anchor);
    }
    return anchors;
  }

  /** Applies what is answered now; anchors still waiting for an answer are left for later. */
  private applyAnswered(candidates: PageCandidate[], roots: readonly Node[], recheckAll: boolean) {
    const waiting = this.unanswered(candidates);
    const answered = candidates.filter((candidate) => !waiting.has(candidate.anchor));
    this.apply(answered, roots, recheckAll, waiting);
  }

  private async scan(roots: Node[], recheckAll = false): Promise<void> {
    if (this.stopped) return;
    const generation = this.generation;
    const changesBefore = this.pageChanges;
    let candidates = this.candidatesIn(roots);
    const unknown = new Map<string, RosterCandidate>();
    for (const candidate of candidates) {
      const key = candidateKey(candidate);
      if (!this.answers.has(key)) unknown.set(key, { text: candidate.text, ids: candidate.ids });
    }
    // Names already answered get their marker now, in this frame.
    this.applyAnswered(candidates, roots, recheckAll);
    if (unknown.size === 0) return;
    let results: RosterMatch[] | null;
    try {
      results = await this.deps.match([...unknown.values()]);
    } catch {
      return; // The background is unreachable (extension reloading); the next change retries.
    }
    if (generation !== this.generation) return;
    if (results === null) {
      // Nothing may be shown here now; forget everything so a later feed starts clean.
      this.answers.clear();
      this.awaitingLayout.clear();
      this.changingMarkers(() => {
        for (const anchor of [...this.markers.keys()]) this.removeMarker(anchor);
      });
      return;
    }
    [...unknown.keys()].forEach((key, index) => {
      this.answers.set(key, results[index] ?? { status: 'none' });
    });
    if (this.pageChanges !== changesBefore) {
      // The page changed while we waited: read these roots again, so that no answer lands on
      // a name that has changed since (a newer scan is queued for what is still unanswered).
      roots = roots.filter((root) => root.isConnected);
      candidates = this.candidatesIn(roots);
    }
    this.applyAnswered(candidates, roots, recheckAll);
  }

  /** `later`: anchors of these roots whose answers are still to come, left as they are. */
  private apply(
    candidates: PageCandidate[],
    roots: readonly Node[],
    recheckAll: boolean,
    later: ReadonlySet<Element> = new Set(),
  ): void {
    // One answer per anchor: texts of one anchor that name different students mark nothing.
    const desired = new Map<Element, string | null>();
    const conflicted = new Set<Element>();
    for (const candidate of candidates) {
      const answer = this.answers.get(candidateKey(candidate));
      const studentId = answer?.status === 'student' ? answer.studentId : null;
      const previous = desired.get(candidate.anchor);
      if (conflicted.has(candidate.anchor)) continue;
      if (previous === undefined || previous === null) desired.set(candidate.anchor, studentId);
      else if (studentId !== null && previous !== studentId) {
        desired.set(candidate.anchor, null);
        conflicted.add(candidate.anchor);
      }
    }
    const waiting: Element[] = [];
    this.changingMarkers(() => {
      this.sweepDetached();
      // Anchors read again that no longer name a student (text changed, row reused) lose theirs.
      const rereadRoots = new Set(roots);
      const isReread = (anchor: Element) =>
        !desired.has(anchor) && !later.has(anchor) && (recheckAll || isWithin(anchor, rereadRoots));
      for (const anchor of this.markers.keys()) if (isReread(anchor)) this.removeMarker(anchor);
      for (const anchor of this.awaitingLayout.keys()) {
        if (isReread(anchor)) this.awaitingLayout.delete(anchor);
      }
      // An anchor waiting for an answer has a text never seen there: its marker is for the old one.
      // (After a feed change every text is new, and markers stay until the new answers come.)
      if (!recheckAll) {
        for (const anchor of later) {
          this.removeMarker(anchor);
          this.awaitingLayout.delete(anchor);
        }
      }
      for (const [anchor, studentId] of desired) {
        const existing = this.markers.get(anchor);
        if (existing && existing.studentId === studentId && isBeside(existing.host, anchor)) {
          continue;
        }
        if (existing) this.removeMarker(anchor);
        if (studentId === null) this.awaitingLayout.delete(anchor);
        else {
          this.awaitingLayout.set(anchor, studentId);
          waiting.push(anchor);
        }
      }
    });
    if (waiting.length > 0) this.deps.whenShown(waiting, (shown) => this.insertShown(shown));
  }

  /** Markers for the anchors the page shows, unless they were read again in the meantime. */
  private insertShown(shown: readonly Element[]): void {
    if (this.stopped) return;
    this.changingMarkers(() => {
      for (const anchor of shown) {
        const studentId = this.awaitingLayout.get(anchor);
        if (studentId === undefined || !anchor.isConnected) continue;
        this.awaitingLayout.delete(anchor);
        const existing = this.markers.get(anchor);
        if (existing && existing.studentId === studentId && isBeside(existing.host, anchor)) {
          continue;
        }
        if (existing) this.removeMarker(anchor);
        if (!this.rowShows(anchor, studentId)) this.insertMarker(anchor, studentId);
      }
    });
  }

  /**
   * Whether another name in the anchor's row already shows this student's marker: a row that
   * names its student twice ("Started by", "Last post by") shows one, beside the first name
   * shown. Decided once names are known to be shown, so a hidden copy never takes the marker.
   */
  private rowShows(anchor: Element, studentId: string): boolean {
    // Most students have no other marker on the page: no row lookup then.
    if (!this.markerCounts.has(studentId)) return false;
    const row = enclosingRow(anchor);
    if (!row) return false;
    for (const [other, marker] of this.markers) {
      if (marker.studentId === studentId && other !== anchor && row.contains(other)) return true;
    }
    return false;
  }

  private insertMarker(anchor: Element, studentId: string): void {
    this.pauseObserving();
    const host = this.deps.createMarker(studentId);
    this.ownHosts.add(host);
    this.studentByHost.set(host, studentId);
    if (CONTAINERS.has(anchor.tagName.toUpperCase())) anchor.append(host);
    else anchor.after(host);
    this.markers.set(anchor, { host, studentId });
    this.markerCounts.set(studentId, (this.markerCounts.get(studentId) ?? 0) + 1);
  }

  private removeMarker(anchor: Element): void {
    const marker = this.markers.get(anchor);
    if (!marker) return;
    // Only a removal from the page is observed; one from a row the page took away (and may put
    // back) is not, but it must happen all the same.
    if (marker.host.isConnected) this.pauseObserving();
    marker.host.remove();
    this.markers.delete(anchor);
    const left = (this.markerCounts.get(marker.studentId) ?? 1) - 1;
    if (left > 0) this.markerCounts.set(marker.studentId, left);
    else this.markerCounts.delete(marker.studentId);
  }

  /** Rows re-rendered by the page leave markers behind or take them away; tidy both cases. */
  private sweepDetached(): void {
    for (const [anchor, marker] of this.markers) {
      if (!anchor.isConnected || !marker.host.isConnected) this.removeMarker(anchor);
    }
  }
}
