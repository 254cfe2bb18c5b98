import type { PageKind } from '../card/card-view';
import { collapse } from './dom-helpers';
import type { PageCandidate, SiteAdapter } from './types';

/**
 * Google Classroom. A single-page app at classroom.google.com (optionally under `/u/<n>/` for
 * the n-th signed-in account): views change without a page load, so the adapter claims the
 * whole app and reads the student rows of whatever view is shown (People, Student work,
 * Grades). Earlier views stay in the DOM inside hidden `c-wiz` wrappers and are never read.
 */

const CLASSROOM_HOST = 'classroom.google.com';
/** The app's routes: home, stream `/c`, classwork `/w`, people `/r`, grading tool `/g`, to-do. */
const APP_PATH = /^(?:\/u\/\d+)?\/(?:(?:h|c|w|r|g|a|ta|calendar)(?:\/|$)|$)/;
/** Grades `/c/<id>/gb`, student work `/c/<id>/a/<id>/submissions/…`, grading tool `/g/tg/…`. */
const GRADING_PATH =
  /^(?:\/u\/\d+)?\/(?:c\/[^/]+\/(?:gb(?:\/|$)|(?:a|sa|mc)\/[^/]+\/submissions(?:\/|$))|g\/tg\/)/;

/** Classroom is only served from its own host; saved pages are replayed on local test hosts. */
function isClassroomHost(host: string): boolean {
  const h = host.toLowerCase().replace(/\.$/, '');
  return (
    h === CLASSROOM_HOST ||
    h === 'localhost' ||
    /\.(?:test|localhost)$/.test(h) ||
    /^\d{1,3}(?:\.\d{1,3}){3}$/.test(h)
  );
}

// --- Rows ---------------------------------------------------------------------------------------

const ROW = [
  // People: `div[role="listitem"][data-current-student-id]` (older markup: `tr[…]`).
  '[data-current-student-id]',
  // Student work: `table[role=grid][aria-label="Students"] tbody > tr[data-student-id]`; the
  // grades tab and the student list beside a submission use the same attribute.
  '[data-student-id]',
].join(', ');

/** Earlier views the app keeps (hidden `c-wiz`), templates and collapsed copies. */
const HIDDEN_MARKUP = [
  'c-wiz[aria-hidden="true"]',
  'c-wiz[style*="visibility: hidden"]',
  '[hidden]',
  'template',
  '[style*="display: none"]',
  '[style*="display:none"]',
].join(', ');

/** Where the name sits in a row, best first. */
const NAME_SPANS = [
  // People, recent markup: the name span's id starts with `rtsc-`.
  'span[id^="rtsc-"]',
  // Grades and student work tables: a span in the row header.
  '[role="rowheader"] span',
  // Otherwise: the row's first span holding text.
  'span',
];

/**
 * Headings and list labels of staff sections: exactly "Teachers" on the People page (a class or
 * assignment title that mentions teachers is not one).
 */
const STAFF_SECTION = /^(?:co-?)?teachers?$|^profesor(?:es|as)?$|^docentes?$/i;
const HEADING = 'h1, h2, h3, h4, h5, h6, [role="heading"]';
/** The "(invited)" status span every People row carries, hidden by CSS. */
const STATUS = /\(\s*(?:invited|pending)\s*\)/gi;
const STATUS_ONLY = /^\(\s*(?:invited|pending)\s*\)$/i;
const INITIALS = /^\p{Lu}{1,3}$/u;
const LETTER = /\p{L}/u;
const MAX_NAME_LENGTH = 100;

function ownText(element: Element): string {
  let text = '';
  for (const child of element.childNodes) if (child.nodeType === 3) text += child.nodeValue ?? '';
  return collapse(text);
}

/** The name as shown: the element's text without the hidden "(invited)" status. */
function nameText(element: Element): string {
  let text = '';
  const walk = (node: Node): void => {
    for (const child of node.childNodes) {
      if (child.nodeType === 3) text += child.nodeValue ?? '';
      else if (child.nodeType === 1 && !STATUS_ONLY.test(collapse(child.textContent ?? ''))) {
        text += ' ';
        walk(child);
        text += ' ';
      }
    }
  };
  walk(element);
  return collapse(text.replace(STATUS, ' '));
}

function looksLikeNameSpan(span: Element): boolean {
  const own = collapse(ownText(span).replace(STATUS, ' '));
  return LETTER.test(own) && !INITIALS.test(own);
}

function nameElementOf(row: Element): Element | undefined {
  for (const selector of NAME_SPANS) {
    for (const span of row.querySelectorAll(selector)) {
      // The `rtsc-` span may wrap its text in inner spans; elsewhere the span holds the text.
      if (span.id.startsWith('rtsc-') ? nameText(span) : looksLikeNameSpan(span)) return span;
    }
  }
  return undefined;
}

/**
 * The heading just before `element` or one of its near ancestors, within the row's view (never
 * from the earlier views kept beside it).
 */
function sectionHeading(element: Element): string {
  let level: Element | null = element;
  for (let depth = 0; level && depth < 6; depth += 1, level = level.parentElement) {
    if (level.matches('c-wiz')) break;
    for (let sibling = level.previousElementSibling; sibling; ) {
      const heading = sibling.matches(HEADING)
        ? sibling
        : [...sibling.querySelectorAll(HEADING)].pop();
      if (heading) return collapse(heading.textContent ?? '');
      sibling = sibling.previousElementSibling;
    }
  }
  return '';
}

/** Teachers are listed in their own section; a row under a staff heading or label is skipped. */
function inStaffSection(row: Element, headings: Map<Element, boolean>): boolean {
  const list = row.parentElement;
  if (!list) return false;
  let staff = headings.get(list);
  if (staff === undefined) {
    const label =
      list
        .closest('[role="list"][aria-label], table[aria-label], [role="grid"][aria-label]')
        ?.getAttribute('aria-label') ?? '';
    staff = STAFF_SECTION.test(label) || STAFF_SECTION.test(sectionHeading(list));
    headings.set(list, staff);
  }
  return staff;
}

function studentIdOf(row: Element): string {
  return (
    row.getAttribute('data-current-student-id') ??
    row.getAttribute('data-student-id') ??
    ''
  ).trim();
}

/** A cell or checkbox inside a row may repeat the row's id: the row is the outermost. */
function outermost(row: Element): Element {
  const id = studentIdOf(row);
  let outer = row;
  for (let up = row.parentElement?.closest(ROW); up && studentIdOf(up) === id; ) {
    outer = up;
    up = up.parentElement?.closest(ROW);
  }
  return outer;
}

function rowsIn(root: ParentNode): Element[] {
  const rows = [...root.querySelectorAll(ROW)];
  if ((root as Node).nodeType === 1) {
    const around = (root as Element).closest(ROW);
    if (around) rows.unshift(around);
  }
  return [...new Set(rows.map(outermost))];
}

export function findClassroomCandidates(root: ParentNode): PageCandidate[] {
  const candidates: PageCandidate[] = [];
  const anchors = new Set<Element>();
  const headings = new Map<Element, boolean>();
  for (const row of rowsIn(root)) {
    const id = studentIdOf(row);
    if (!id) continue;
    if (row.closest(HIDDEN_MARKUP) || inStaffSection(row, headings)) continue;
    const anchor = nameElementOf(row);
    if (!anchor || anchors.has(anchor)) continue;
    const text = nameText(anchor);
    if (!text || text.length > MAX_NAME_LENGTH) continue;
    anchors.add(anchor);
    candidates.push({ anchor, text, ids: { 'google-classroom': id } });
  }
  return candidates;
}

export const googleClassroomAdapter: SiteAdapter = {
  id: 'google-classroom',
  platform: 'google-classroom',
  matchesUrl: (url) => isClassroomHost(url.hostname) && APP_PATH.test(url.pathname),
  findCandidates: findClassroomCandidates,
  pageKind: (url): PageKind => (GRADING_PATH.test(url.pathname) ? 'grading' : 'other'),
};
