import type { PageKind } from '../card/card-view';
import { collapse } from './dom-helpers';
import type { PageCandidate, SiteAdapter } from './types';

/**
 * Schoology (PowerSchool). Districts run it on `<district>.schoology.com` or their own domain,
 * so pages are recognised by path only: the course gradebook (`/course/<id>/grades`, an
 * AngularJS grid whose hashed class names rotate between releases, so only `data-uid` and ARIA
 * are read) and the course members page (`/course/<id>/members`).
 */

const GRADEBOOK_PATH = /^\/course\/\d+\/(?:grades|gradebook)(?:\/|$)/;
const MEMBERS_PATH = /^\/course\/\d+\/members(?:\/|$)/;

const SCHOOLOGY_ID = /^\d+$/;
const ID_IN_HREF = /\/user\/(\d+)(?:[/?#]|$)/;
const LETTER = /\p{L}/u;
const MAX_NAME_LENGTH = 100;

/** Markup hidden on purpose (templates, collapsed copies); visibility proper is the watcher's. */
const HIDDEN_MARKUP = 'template, [hidden], [style*="display: none"], [style*="display:none"]';

// --- Gradebook --------------------------------------------------------------------------------

/**
 * The name is the `aria-label` of the row's first row header. Rows: `.grader-grid-row` with
 * `data-uid=<user id>`; the class-average and header rows carry no uid and are never read.
 */
const GRADEBOOK_NAME = [
  // Current gradebook (`body.s-app-gradebook-app-beta`).
  '[data-uid] [role="rowheader"][aria-label]',
  // Should the label be dropped, the row header's text.
  '.grader-grid-row[data-uid] [role="rowheader"]',
].join(', ');
/** A visible element inside the row header that shows the name (the marker goes after it). */
const SHOWN_NAME = 'a, span, div';

// --- Members ----------------------------------------------------------------------------------

/**
 * Members page: no public row markup; read profile links (`/user/<uid>`) inside the roster
 * wrappers, one per row.
 */
const MEMBER_LINK = [
  '#roster-wrapper a[href*="/user/"]',
  '.enrollment-view-wrapper a[href*="/user/"]',
].join(', ');
const MEMBER_ROW = 'tr, li, [role="row"], [data-uid], .enrollment-user';
const MEMBER_SECTION = '.enrollment-view-wrapper, section, table, [role="table"], [role="list"]';
/** Course admins are Schoology's teachers; row classes like `admin`, `is-admin`. */
const ADMIN_CLASS = /(?:^|[\s_-])(?:admin|teacher|instructor)(?:$|[\s_-])/i;
/** A role cell or badge in a row. */
const ROLE_MARK = '.enrollment-role, .user-role, .role, .admin-indicator, [data-role]';
const STAFF_ROLE = /^(?:course\s+)?(?:admin(?:istrator)?s?|teachers?|instructors?)$/i;
const HEADING = 'h1, h2, h3, h4, h5, h6, caption, [role="heading"]';

function usableName(text: string): boolean {
  return LETTER.test(text) && text.length <= MAX_NAME_LENGTH;
}

function schoologyIds(uid: string | null | undefined): PageCandidate['ids'] {
  return uid && SCHOOLOGY_ID.test(uid) ? { schoology: uid } : undefined;
}

/**
 * Elements matching `selector` in `root` (queried by `element`, the selector's last part, then
 * checked with `matches`: the ancestors the selector names may lie outside `root`), and the one
 * around `root` when `root` is inside it.
 */
function hooksIn(root: ParentNode, element: string, selector: string): Element[] {
  const hooks = [...root.querySelectorAll(element)].filter((found) => found.matches(selector));
  if ((root as Node).nodeType === 1) {
    const around = (root as Element).closest(selector);
    if (around) hooks.unshift(around);
  }
  return hooks;
}

function readGradebookRow(header: Element): PageCandidate | undefined {
  const row = header.closest('[data-uid]');
  if (!row || row.querySelector('[role="rowheader"]') !== header) return undefined;
  if (row.closest(HIDDEN_MARKUP)) return undefined;
  const text = collapse(header.getAttribute('aria-label') ?? header.textContent ?? '');
  if (!usableName(text)) return undefined;
  // The innermost element that shows the name, if any; else the row header itself.
  const shown = [...header.querySelectorAll(SHOWN_NAME)]
    .filter((element) => collapse(element.textContent ?? '') === text)
    .pop();
  const ids = schoologyIds(row.getAttribute('data-uid'));
  return { anchor: shown ?? header, text, ...(ids ? { ids } : {}) };
}

/** The title of a roster section: its label, a heading among its children or just before it. */
function sectionTitle(section: Element): string {
  const heading =
    [...section.children].find((child) => child.matches(HEADING)) ??
    (section.previousElementSibling?.matches(HEADING) ? section.previousElementSibling : null);
  return collapse(section.getAttribute('aria-label') || heading?.textContent || '');
}

/** Whether a member row is a course admin (teacher): by row class, role cell or section. */
function isStaffRow(row: Element, sections: Map<Element, boolean>): boolean {
  if (ADMIN_CLASS.test(row.className)) return true;
  for (const mark of row.querySelectorAll(ROLE_MARK)) {
    const role = mark.getAttribute('data-role') ?? mark.textContent ?? '';
    if (STAFF_ROLE.test(collapse(role))) return true;
  }
  // The nearest titled section around the row (a table, then its wrapper) decides.
  let section = row.parentElement?.closest(MEMBER_SECTION);
  for (let depth = 0; section && depth < 3; depth += 1) {
    let staff = sections.get(section);
    if (staff === undefined) {
      const title = sectionTitle(section);
      staff = title === '' ? undefined : STAFF_ROLE.test(title);
      if (staff !== undefined) sections.set(section, staff);
    }
    if (staff !== undefined) return staff;
    section = section.parentElement?.closest(MEMBER_SECTION);
  }
  return false;
}

function readMember(
  link: Element,
  sections: Map<Element, boolean>,
  rows: Set<Element>,
): PageCandidate | undefined {
  const text = collapse(link.textContent ?? '');
  // Picture links carry no text; the name link of the same row does.
  if (!usableName(text) || link.closest(HIDDEN_MARKUP)) return undefined;
  const row = link.closest(MEMBER_ROW) ?? link;
  if (rows.has(row) || isStaffRow(row, sections)) return undefined;
  rows.add(row);
  const uid = ID_IN_HREF.exec(link.getAttribute('href') ?? '')?.[1] ?? row.getAttribute('data-uid');
  const ids = schoologyIds(uid);
  return { anchor: link, text, ...(ids ? { ids } : {}) };
}

export function findSchoologyCandidates(root: ParentNode): PageCandidate[] {
  const candidates: PageCandidate[] = [];
  for (const header of hooksIn(root, '[role="rowheader"]', GRADEBOOK_NAME)) {
    const found = readGradebookRow(header);
    if (found) candidates.push(found);
  }
  const sections = new Map<Element, boolean>();
  const rows = new Set<Element>();
  for (const link of hooksIn(root, 'a[href*="/user/"]', MEMBER_LINK)) {
    const found = readMember(link, sections, rows);
    if (found) candidates.push(found);
  }
  return candidates;
}

export const schoologyAdapter: SiteAdapter = {
  id: 'schoology',
  platform: 'schoology',
  matchesUrl: (url) => GRADEBOOK_PATH.test(url.pathname) || MEMBERS_PATH.test(url.pathname),
  findCandidates: findSchoologyCandidates,
  pageKind: (url): PageKind => (GRADEBOOK_PATH.test(url.pathname) ? 'grading' : 'other'),
};
