import type { PageKind } from '../card/card-view';
import { around, collapse } from './dom-helpers';
import { looksLikeName } from './generic';
import { pageKindFromUrl } from './page-context';
import type { PageCandidate, SiteAdapter } from './types';

/**
 * PowerSchool SIS, staff side. Hosts are district-specific (`<district>.powerschool.com` or the
 * district's own domain), so pages are recognised by path alone.
 *
 * - PowerTeacher Pro (the gradebook): `/teachers/index.html#/?sectionId=<dcid>`, and for admins
 *   `/admin/powerteacher/index.html?frn=005…#/?sectionId=…`. An AngularJS app with hash routing:
 *   section and student change without a page load (the `score_assignment` route too), and the
 *   watcher re-reads whatever the app re-renders. No public row markup is known, so its
 *   selectors are generic hooks (DCID attributes, ARIA grid row headers) and only likely.
 * - Classic PowerTeacher pages: `/teachers/home.html`, `/teachers/classattendance.html?…`,
 *   `/teachers/studentpages/…?frn=001<dcid>`, `*.action` pages. A link whose `frn` starts with
 *   001 (the Students table) names one student by DCID; 003 (sections), 004 (enrolments) and
 *   005 (teachers) never do, which is how teachers are kept out.
 * - The parent/student portal (`/guardian/…`, sign-in `/public/home.html`) is claimed so that
 *   the generic name finder never reads it. It shows the signed-in user (`li#userName span`)
 *   and their children (`#students-list`, `javascript:switchStudent(N)` links), never a roster;
 *   neither carries a `frn=001` link and both are excluded as page chrome, so nothing is read.
 *
 * `ids.powerschool` is the student's DCID (students.dcid), never the student number.
 */

const TEACHER_PAGE = /^\/teachers\/(?:[\w.-]+\/)*[\w.-]+\.(?:html|action)$/i;
const PTPRO_PAGE =
  /^\/(?:teachers\/index\.html|admin\/powerteacher\/(?:[\w.-]+\/)*(?:[\w.-]+\.html)?)$/i;
const PORTAL_PAGE = /^\/(?:guardian\/|public\/home\.html$)/i;

/** Page chrome that shows the signed-in user, their children or menus: never a roster. */
const CHROME = [
  '#userName',
  '#students-list',
  '#nav-main',
  '#navigation',
  '#branding-powerschool',
  'header',
  'nav',
  '[role="banner"]',
  '[role="navigation"]',
].join(', ');

/** Classic pages and PowerTeacher Pro alike: links to a student's pages carry `frn=001<dcid>`. */
const STUDENT_LINK = 'a[href*="frn=001"]';
const FRN_STUDENT = /[?&]frn=001(\d+)/i;

/**
 * PowerTeacher Pro rows: the student's DCID on the row element. Neither hook is confirmed by
 * public markup. Alternatives: `data-student-dcid` (scoresheet and class-list rows),
 * `data-studentdcid` (the same hook unhyphenated).
 */
const PTPRO_ROW = '[data-student-dcid], [data-studentdcid]';
/** Where the name sits inside a PowerTeacher Pro row, most specific first. */
const PTPRO_NAME_IN_ROW = [
  // Name element marked as such (data attribute or class, either casing).
  '[data-student-name]',
  '.student-name',
  '.studentName',
  // ARIA grid: the row header, or the link inside it.
  '[role="rowheader"] a',
  '[role="rowheader"]',
  // Anything else: the first link that reads like a name.
  'a',
];
/** PowerTeacher Pro grids without DCID attributes (ARIA grid): the name is the row header. */
const ARIA_ROW_HEADER = '[role="rowheader"]';
const ARIA_GRID = '[role="grid"], [role="treegrid"]';

/** Cells of a classic table row, or of an ARIA grid row. */
const ROW = 'tr, [role="row"]';
const FORM_CONTROL = 'select, input, textarea, button';

function nameText(element: Element): string {
  return collapse(element.textContent ?? '');
}

/** The first element (by selector priority) inside `container` whose text looks like a name. */
function nameIn(container: Element, selectors: readonly string[]): Element | undefined {
  for (const selector of selectors) {
    if (container.matches(selector) && looksLikeName(nameText(container))) return container;
    for (const element of container.querySelectorAll(selector)) {
      if (looksLikeName(nameText(element))) return element;
    }
  }
  return undefined;
}

/**
 * Classic pages often link to the student's pages with an icon (the "backpack"); the name is
 * then a cell of the same row: the first cell whose text looks like a name (its link when the
 * name is one).
 */
function nameCellOfRow(link: Element): Element | undefined {
  const row = link.closest(ROW);
  if (!row) return undefined;
  for (const cell of row.children) {
    // Attendance codes and score inputs read like words, never like the student.
    if (cell.querySelector(FORM_CONTROL) || !looksLikeName(nameText(cell))) continue;
    return nameIn(cell, ['a']) ?? cell;
  }
  return undefined;
}

function dcidOf(row: Element): string | undefined {
  const value = (
    row.getAttribute('data-student-dcid') ??
    row.getAttribute('data-studentdcid') ??
    ''
  ).trim();
  return /^\d+$/.test(value) ? value : undefined;
}

function findCandidates(root: ParentNode): PageCandidate[] {
  const found = new Map<Element, PageCandidate>();
  const add = (anchor: Element, id: string | undefined) => {
    if (anchor.closest(CHROME)) return;
    const existing = found.get(anchor);
    if (existing) {
      if (!existing.ids && id) existing.ids = { powerschool: id };
      return;
    }
    const text = nameText(anchor);
    if (!looksLikeName(text)) return;
    found.set(anchor, { anchor, text, ...(id ? { ids: { powerschool: id } } : {}) });
  };

  // PowerTeacher Pro rows that carry the DCID.
  for (const row of around(root, PTPRO_ROW)) {
    const anchor = nameIn(row, PTPRO_NAME_IN_ROW);
    if (anchor) add(anchor, dcidOf(row));
  }
  // Links to a student's pages (classic pages; PowerTeacher Pro links the same way).
  for (const link of around(root, STUDENT_LINK)) {
    const id = FRN_STUDENT.exec(link.getAttribute('href') ?? '')?.[1];
    if (!id) continue;
    const anchor = looksLikeName(nameText(link)) ? link : nameCellOfRow(link);
    if (anchor) add(anchor, id);
  }
  // PowerTeacher Pro grids without DCID attributes: names only.
  for (const header of around(root, ARIA_ROW_HEADER)) {
    if (!header.closest(ARIA_GRID) || header.closest(PTPRO_ROW)) continue;
    const anchor = nameIn(header, ['a']) ?? header;
    add(anchor, undefined);
  }
  return [...found.values()];
}

function isPortal(url: URL): boolean {
  return PORTAL_PAGE.test(url.pathname);
}

export const powerschoolAdapter: SiteAdapter = {
  id: 'powerschool',
  platform: 'powerschool',
  matchesUrl(url: URL): boolean {
    const path = url.pathname;
    return TEACHER_PAGE.test(path) || PTPRO_PAGE.test(path) || isPortal(url);
  },
  findCandidates,
  pageKind(url: URL): PageKind {
    if (isPortal(url)) return 'other';
    // PowerTeacher Pro is the gradebook: every route of it (scoresheet, score_assignment).
    if (PTPRO_PAGE.test(url.pathname)) return 'grading';
    return pageKindFromUrl(url);
  },
};
