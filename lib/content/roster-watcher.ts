import type { RosterCandidate, RosterMatch } from '../messages/protocol';
import type { PageCandidate, SiteAdapter } from '../sites/types';

export interface MarkerHandle {
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
  /** Only elements the user can see get a marker (hidden templates and stale views do not). */
  isVisible(element: Element): boolean;
  /** Schedules one batch per frame; injectable for tests. */
  schedule?(callback: () => void): void;
}

/** Block-level containers get the marker inside, at the end; inline names get it after them. */
const CONTAINERS = new Set(['TD', 'TH', 'LI', 'DIV', 'P', 'DD', 'DT']);

const ROW = 'tr, li, [role="row"], [role="listitem"]';

function enclosingRow(element: Element): Element | null {
  return element.closest(ROW);
}

/** The row an element sits in, so a change anywhere in a row re-reads the whole row. */
function rowOf(element: Element): Element {
  return enclosingRow(element) ?? element;
}

function isBeside(host: Element, anchor: Element): boolean {
  return host.previousSibling === anchor || host.parentElement === anchor;
}

function candidateKey(candidate: RosterCandidate): string {
  return JSON.stringify([candidate.text, candidate.ids ?? null]);
}

/**
 * Keeps markers next to the feed's students on one document: scans once, then follows page
 * changes through a single batched MutationObserver. Insertion is idempotent: every anchor has
 * at most one marker, markers whose anchor left the page are removed, and answers are cached
 * per text so re-rendered rows do not ask the background again.
 */
export class RosterWatcher {
  private readonly answers = new Map<string, RosterMatch>();
  private readonly markers = new Map<Element, MarkerHandle>();
  private readonly ownHosts = new WeakSet<Node>();
  private readonly studentByHost = new WeakMap<Node, string>();
  private readonly pending = new Set<Node>();
  private observer: MutationObserver | null = null;
  private scheduled = false;
  /** Bumped by reset() and stop(): answers and batches from before are dropped. */
  private generation = 0;
  private stopped = false;
  private sweepQueued = false;

  constructor(
    private readonly root: Document,
    private readonly deps: RosterWatcherDeps,
  ) {}

  /** Resolves after the first scan has placed its markers. */
  async start(): Promise<void> {
    this.observer?.disconnect();
    this.stopped = false;
    this.observer = new MutationObserver((records) => this.onMutations(records));
    this.observer.observe(this.root.documentElement, {
      childList: true,
      subtree: true,
      characterData: true,
    });
    await this.scan([this.root.body ?? this.root.documentElement]);
  }

  stop(): void {
    this.stopped = true;
    this.generation += 1;
    this.observer?.disconnect();
    this.observer = null;
    this.pending.clear();
    for (const marker of this.markers.values()) marker.host.remove();
    this.markers.clear();
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

  private onMutations(records: MutationRecord[]): void {
    for (const record of records) {
      if (this.ownHosts.has(record.target)) continue;
      if (record.type === 'characterData') {
        const parent = record.target.parentElement;
        if (parent) this.pending.add(rowOf(parent));
        continue;
      }
      const ownOnly = [...record.addedNodes, ...record.removedNodes].every((n) =>
        this.ownHosts.has(n),
      );
      if (ownOnly) continue;
      for (const node of record.addedNodes) {
        if (!this.ownHosts.has(node)) this.pending.add(node);
      }
      // A name element removed inside a row: re-read the row so a stale marker goes too.
      // (Whole rows removed need no re-read: the sweep drops markers whose name is gone.)
      if (record.removedNodes.length > 0 && record.target instanceof Element) {
        const row = enclosingRow(record.target);
        if (row) this.pending.add(row);
        else this.sweepQueued = true;
      }
    }
    if ((this.pending.size === 0 && !this.sweepQueued) || this.scheduled) return;
    this.scheduled = true;
    const schedule = this.deps.schedule ?? ((cb: () => void) => requestAnimationFrame(cb));
    schedule(() => {
      this.scheduled = false;
      if (this.stopped) return;
      this.sweepQueued = false;
      this.sweepDetached();
      const roots = [...this.pending].filter((node) => node.isConnected);
      this.pending.clear();
      if (roots.length > 0) void this.scan(roots);
    });
  }

  private async scan(roots: Node[], recheckAll = false): Promise<void> {
    if (this.stopped) return;
    const generation = this.generation;
    const candidates: PageCandidate[] = [];
    for (const root of roots) {
      if (root.nodeType === Node.ELEMENT_NODE || root.nodeType === Node.DOCUMENT_NODE) {
        candidates.push(...this.deps.adapter.findCandidates(root as ParentNode));
      } else if (root.nodeType === Node.TEXT_NODE && root.parentElement) {
        candidates.push(...this.deps.adapter.findCandidates(root.parentElement));
      }
    }
    const unknown = new Map<string, RosterCandidate>();
    for (const candidate of candidates) {
      const key = candidateKey(candidate);
      if (!this.answers.has(key)) unknown.set(key, { text: candidate.text, ids: candidate.ids });
    }
    if (unknown.size > 0) {
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
        for (const anchor of [...this.markers.keys()]) this.removeMarker(anchor);
        return;
      }
      [...unknown.keys()].forEach((key, index) => {
        this.answers.set(key, results[index] ?? { status: 'none' });
      });
    }
    if (generation !== this.generation) return;
    this.apply(candidates, roots, recheckAll);
  }

  private apply(candidates: PageCandidate[], roots: readonly Node[], recheckAll: boolean): void {
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
    // Anchors read again that no longer name a student (text changed, row reused) lose theirs.
    for (const anchor of this.markers.keys()) {
      if (desired.has(anchor)) continue;
      if (recheckAll || roots.some((root) => root.contains(anchor))) this.removeMarker(anchor);
    }
    this.sweepDetached();
    const toInsert: [Element, string][] = [];
    for (const [anchor, studentId] of desired) {
      const existing = this.markers.get(anchor);
      if (existing && existing.studentId === studentId && isBeside(existing.host, anchor)) continue;
      if (existing) this.removeMarker(anchor);
      // Read all visibility first, then write, so the page lays out once per batch.
      if (studentId !== null && this.deps.isVisible(anchor)) toInsert.push([anchor, studentId]);
    }
    for (const [anchor, studentId] of toInsert) this.insertMarker(anchor, studentId);
  }

  private insertMarker(anchor: Element, studentId: string): void {
    const host = this.deps.createMarker(studentId);
    this.ownHosts.add(host);
    this.studentByHost.set(host, studentId);
    if (CONTAINERS.has(anchor.tagName.toUpperCase())) anchor.append(host);
    else anchor.after(host);
    this.markers.set(anchor, { host, studentId });
  }

  private removeMarker(anchor: Element): void {
    this.markers.get(anchor)?.host.remove();
    this.markers.delete(anchor);
  }

  /** Rows re-rendered by the page leave markers behind or take them away; tidy both cases. */
  private sweepDetached(): void {
    for (const [anchor, marker] of this.markers) {
      if (!anchor.isConnected || !marker.host.isConnected) this.removeMarker(anchor);
    }
  }
}
