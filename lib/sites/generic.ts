import type { IdSystem } from '../feed/schema';
import { separatedParts } from '../names/normalize';
import { collapse } from './dom-helpers';
import type { PageCandidate, SiteAdapter } from './types';

/** Elements whose text is never a roster name. */
const SKIPPED = new Set([
  'SCRIPT',
  'STYLE',
  'NOSCRIPT',
  'TEMPLATE',
  'TEXTAREA',
  'INPUT',
  'SELECT',
  'OPTION',
  'BUTTON',
  'SVG',
  'HEAD',
  'TITLE',
]);

/** Text inside these (at any depth) is never a roster name: controls, drawings, editable text. */
const SKIPPED_WITHIN =
  'button, select, textarea, svg, template, [contenteditable]:not([contenteditable="false"])';

/**
 * Text for screen readers only, moved off screen by the common utility classes (Bootstrap,
 * Moodle, Canvas, Drupal, RosarioSIS). It repeats a visible name ("Select Jane Doe"), and a
 * marker beside it would show up as a second marker in the row.
 */
const VISUALLY_HIDDEN =
  '.sr-only, .visually-hidden, .visuallyhidden, .accesshide, .screenreader-only, .a11y-hidden, .element-invisible';

/** Both of the above, so one walk up from a name checks them together. */
const EXCLUDED = `${SKIPPED_WITHIN}, ${VISUALLY_HIDDEN}`;

const MAX_NAME_LENGTH = 100;
/** A table or a part of one, where a name may be split over two cells (`splitNames`). */
const TABLE_PARTS = new Set(['TABLE', 'TBODY', 'THEAD', 'TFOOT', 'TR']);

/** Whether a subtree may hold table cells: a grid row of divs (a score row) does not. */
function maySplitNames(root: Element): boolean {
  if (TABLE_PARTS.has(root.tagName)) return true;
  if (root.tagName === 'LI' || root.getAttribute('role') === 'row') return false;
  return root.querySelector('td, th') !== null;
}
const LETTER = /\p{L}/u;
/** Two words: apart by white space, or by a comma alone ("Barros,Carlos", as openSIS writes). */
const TWO_WORDS = /\S(?:\s|,)\s*\S/;
const WORD_BREAK = /\s+|,(?=\S)/;

function looksLikeWholeName(text: string): boolean {
  const words = text.split(WORD_BREAK).length;
  return words >= 2 && words <= 9 && !/[@:;!?{}<>=|\\/]|\d{3}/.test(text.replace(/\([^)]*\)/g, ''));
}

/**
 * Cheap pre-filter so only name-like texts are sent to the background: a name, or a labelled
 * text with a name as one of its parts ("Laurence Muller - Grade 9").
 */
export function looksLikeName(text: string): boolean {
  if (text.length < 3 || text.length > MAX_NAME_LENGTH || !LETTER.test(text)) return false;
  return looksLikeWholeName(text) || separatedParts(text).some(looksLikeWholeName);
}

/**
 * Finds name-like texts in any page: each text node's parent element is a candidate, read with
 * its whole text (so "Jane Doe <i>(she/her)</i>" is one name) and, where the element holds
 * other markup such as an initials badge, with the text node's own text as well. Table rows
 * that give first and last names columns of their own are read as well (`splitNames`).
 */
export function findNameCandidates(root: ParentNode): PageCandidate[] {
  // Every name has a letter and is two words, and every text read below is part of the
  // subtree's text: a subtree without them (a row of scores) is done without a walk.
  if ((root as Node).nodeType === 1) {
    const all = (root as Element).textContent ?? '';
    if (!LETTER.test(all)) return [];
    // Cells run together in textContent ("OkaforMaya"): a name split over two may have no space.
    if (!TWO_WORDS.test(all) && !maySplitNames(root as Element)) return [];
  }
  const doc = root.ownerDocument ?? (root as Document);
  // No filter callback: a call from the walker into JS for every text node costs more than all
  // the rest. Cheap checks first; ancestor checks only for the few texts that look like names.
  const walker = doc.createTreeWalker(root as Node, NodeFilter.SHOW_TEXT);
  const candidates: PageCandidate[] = [];
  const seen = new Set<Element>();
  const nameParts = new Map<Element, string>();
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const value = node.nodeValue ?? '';
    if (!LETTER.test(value)) continue;
    const anchor = node.parentElement;
    if (!anchor || seen.has(anchor)) continue;
    seen.add(anchor);
    const own = collapse(value);
    // Most names are their element's only text.
    const whole =
      node.previousSibling || node.nextSibling ? collapse(anchor.textContent ?? '') : own;
    const partCell = namePartCell(anchor, whole);
    const texts = [whole, ...(own !== whole ? [own] : [])].filter(looksLikeName);
    if (texts.length === 0 && !partCell) continue;
    if (SKIPPED.has(anchor.tagName.toUpperCase()) || anchor.closest(EXCLUDED)) continue;
    for (const text of texts) candidates.push({ anchor, text });
    if (partCell) nameParts.set(partCell, whole);
  }
  return nameParts.size > 1 ? [...candidates, ...splitNames(nameParts)] : candidates;
}

/**
 * One or two words, each of two or more letters and ending in one: a first name or a last name
 * in a column of its own. Grade letters ("A-", "B"), numbers and short all-capital codes ("EX",
 * "NA") are not.
 */
const NAME_PART = /^\p{L}[\p{L}\p{M}'’.-]*\p{L}(?: \p{L}[\p{L}\p{M}'’.-]*\p{L})?$/u;
const CODE = /^\p{Lu}{1,3}$/u;

function isNamePart(text: string): boolean {
  return NAME_PART.test(text) && !CODE.test(text);
}

/**
 * The table cell whose whole text is this element's text, when that text is a name part. The
 * tag check comes first: most texts on a page are not in a cell of their own.
 */
function namePartCell(element: Element, text: string): Element | undefined {
  const cell = CELL.has(element.tagName.toUpperCase()) ? element : element.parentElement;
  if (!cell || !CELL.has(cell.tagName.toUpperCase()) || !isNamePart(text)) return undefined;
  return cell === element || collapse(cell.textContent ?? '') === text ? cell : undefined;
}

const CELL = new Set(['TD', 'TH']);

/**
 * Rows that put first and last names in columns of their own ("Laurence" | "Muller", or
 * "Muller" | "Laurence"): exactly two neighbouring name-part cells are read both ways, with the
 * marker in the second. A longer run ("Okafor" | "Maya" | "Nguyen", a teacher column after
 * them) is not read: which two cells make the name is unknown there. The background decides
 * which reading, if any, is a student.
 */
function splitNames(nameParts: ReadonlyMap<Element, string>): PageCandidate[] {
  const candidates: PageCandidate[] = [];
  const isPart = (cell: Element | null) => cell !== null && nameParts.has(cell);
  for (const [cell, first] of nameParts) {
    const next = cell.nextElementSibling;
    const second = next && nameParts.get(next);
    if (
      !next ||
      !second ||
      isPart(cell.previousElementSibling) ||
      isPart(next.nextElementSibling)
    ) {
      continue;
    }
    candidates.push({ anchor: next, text: `${first} ${second}` });
    candidates.push({ anchor: next, text: `${first}, ${second}` });
  }
  return candidates;
}

/** The fallback for pages no platform adapter handles (our markers live in shadow roots, so
 * their own text is never walked). */
export const genericAdapter: SiteAdapter = {
  id: 'generic',
  platform: 'other',
  matchesUrl: () => true,
  findCandidates: findNameCandidates,
};

/** Links whose URL names one person, e.g. Moodle's `user/view.php?id=5`. */
export interface PersonLinks {
  system: IdSystem;
  /** Cheap pre-filter on `a[href]`, e.g. `a[href*="student_id="]`. */
  selector: string;
  /** The person's id in the link's URL, or undefined when the link is about something else. */
  idOf(url: URL): string | undefined;
}

/** Rows of a roster: an id in a link is trusted only there (menus and tabs link people too). */
const ROSTER_ROW = 'tr, li, [role="row"], [role="listitem"]';

function linksIn(root: ParentNode, selector: string): Element[] {
  const links = [...root.querySelectorAll(selector)];
  // A change inside a link (its text re-rendered) is scanned from below the link.
  const around = 'closest' in root ? (root as Element).closest(selector) : null;
  return around ? [around, ...links] : links;
}

function personId(link: Element, spec: PersonLinks): string | undefined {
  const href = link.getAttribute('href');
  if (!href) return undefined;
  try {
    return spec.idOf(new URL(href, link.ownerDocument.baseURI));
  } catch {
    return undefined;
  }
}

/**
 * Candidates for a platform whose roster links carry each person's id: every name link in a
 * roster row is read with that id, so the match is exact; the rest of the page is read by the
 * generic finder, by name. A link's name is its own text (Moodle puts an initials badge in the
 * same link), or its whole text.
 */
export function findCandidatesWithPersonLinks(
  root: ParentNode,
  spec: PersonLinks,
): PageCandidate[] {
  const linked = new Set<Element>();
  const candidates: PageCandidate[] = [];
  for (const link of linksIn(root, spec.selector)) {
    const id = personId(link, spec);
    if (id === undefined || !link.closest(ROSTER_ROW) || link.closest(VISUALLY_HIDDEN)) continue;
    linked.add(link);
    const own = collapse(
      [...link.childNodes]
        .filter((node) => node.nodeType === 3)
        .map((node) => node.nodeValue ?? '')
        .join(' '),
    );
    const text = looksLikeName(own) ? own : collapse(link.textContent ?? '');
    if (looksLikeName(text)) candidates.push({ anchor: link, text, ids: { [spec.system]: id } });
  }
  for (const candidate of findNameCandidates(root)) {
    const link = candidate.anchor.closest(spec.selector);
    if (!link || !linked.has(link)) candidates.push(candidate);
  }
  return candidates;
}
