import type { PageKind } from '../card/card-view';
import type { Platform } from '../feed/schema';
import type { RosterCandidate } from '../messages/protocol';

/** A place on the page that may name a student, and where that student's marker would go. */
export interface PageCandidate extends RosterCandidate {
  /** The element that shows the name; the marker is placed right after it. */
  anchor: Element;
}

/**
 * A platform adapter knows one platform's roster markup: which URLs it handles and how to read
 * rows, names and ids from a subtree. Pages without an adapter use the generic name finder.
 */
export interface SiteAdapter {
  id: string;
  platform: Platform;
  /** Pure: decides from the URL alone. */
  matchesUrl(url: URL): boolean;
  findCandidates(root: ParentNode): PageCandidate[];
  /** Whether the page is for grading; when absent the URL decides (lib/sites/page-context.ts). */
  pageKind?(url: URL): PageKind;
}
