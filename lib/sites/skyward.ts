import type { PageKind } from '../card/card-view';
import { around, collapse } from './dom-helpers';
import { looksLikeName } from './generic';
import { pageKindFromUrl } from './page-context';
import type { PageCandidate, SiteAdapter } from './types';

/**
 * Skyward SMS (Educator Access Plus and Family Access). Hosts are the district's own, so pages
 * are recognised by path: `/scripts/wsisa.dll/WService=<service>/<page>.w` (the service is
 * `wsEAplus` or a district-specific name such as `wseduexampletx`).
 *
 * Teacher-page markup is not publicly known and much of it is injected from JS strings, so this
 * is the generic name finder restricted to where rosters live: table rows (a data cell, or the
 * link or `.notranslate` wrapper inside it) and links. Skyward wraps names of teachers and
 * students alike in `.notranslate`, so that class only picks the anchor inside a cell and is
 * never a student signal. Kept out by role signals: page chrome (headers such as `#sf_Header`,
 * navigation and menus, `#sf_navMenu`, `.sf_menuList`), header cells, columns headed Teacher/Instructor/Staff/…, cells
 * labelled so by the cell before them, and elements whose class or id says teacher/staff.
 */

const SKYWARD_PAGE = /^\/scripts\/wsisa\.dll\/WService=[\w.-]+\/([\w.-]+)\.w$/i;

const CHROME = [
  'header',
  '[id$="header" i]',
  'nav',
  'thead',
  'tfoot',
  'caption',
  '[role="banner"]',
  '[role="navigation"]',
  '[role="menu"]',
  '[role="menubar"]',
  '#sf_navMenu',
  '.sf_navMenu',
  '.sf_menuList',
  'select',
  'button',
  'script',
  'style',
  'template',
  'textarea',
].join(', ');

/** Words of a column header or label that mean "this is staff, not a student". */
const STAFF_LABEL =
  /\b(?:teachers?|instructors?|staff|counsel(?:or|ler)s?|advis[oe]rs?|case managers?|aides?|para(?:educators?|professionals?)?|principals?|entered by|graded by|homeroom)\b/i;
/** Class or id of a cell, row or link that marks staff. */
const STAFF_HOOK = /teacher|instructor|staff/i;
const MAX_LABEL_LENGTH = 40;

/**
 * Candidate sources, checked with closest() so any subtree works. Alternatives: data cells of
 * table rows (grids and lists), row header cells (`th[scope="row"]`), links outside tables
 * (lists built from JS strings, likely).
 */
const CELL = 'td, th[scope="row"]';
const LINK = 'a';
/** Inside a cell, the element holding the name, most specific first. */
const NAME_IN_CELL = ['a', '.notranslate'];

function hasStaffHook(element: Element | null | undefined): boolean {
  if (!element) return false;
  return STAFF_HOOK.test(element.getAttribute('class') ?? '') || STAFF_HOOK.test(element.id);
}

function isCell(element: Element): boolean {
  return element.tagName === 'TD' || element.tagName === 'TH';
}

/** Column position of a cell, counting colspans of the cells before it. */
function columnOf(cell: Element): number {
  let column = 0;
  for (let prev = cell.previousElementSibling; prev; prev = prev.previousElementSibling) {
    if (isCell(prev)) column += Math.max(1, Number(prev.getAttribute('colspan')) || 1);
  }
  return column;
}

/** Per table, the columns whose header names a staff role. */
function staffColumns(table: Element, cache: Map<Element, Set<number>>): Set<number> {
  const cached = cache.get(table);
  if (cached) return cached;
  const columns = new Set<number>();
  const headerRow =
    table.querySelector('thead tr:last-child') ??
    [...table.querySelectorAll('tr')].find(
      (row) => row.children.length > 0 && [...row.children].every((c) => c.tagName === 'TH'),
    );
  if (headerRow && headerRow.closest('table') === table) {
    for (const cell of headerRow.children) {
      if (!isCell(cell)) continue;
      const span = Math.max(1, Number(cell.getAttribute('colspan')) || 1);
      if (STAFF_LABEL.test(collapse(cell.textContent ?? ''))) {
        const start = columnOf(cell);
        for (let i = 0; i < span; i += 1) columns.add(start + i);
      }
    }
  }
  cache.set(table, columns);
  return columns;
}

/** "Teacher:" in the cell before, as in label/value tables. */
function labelledAsStaff(cell: Element): boolean {
  const label = cell.previousElementSibling;
  if (!label || !isCell(label)) return false;
  const text = collapse(label.textContent ?? '');
  return text.length <= MAX_LABEL_LENGTH && STAFF_LABEL.test(text);
}

function isStaffCell(cell: Element, cache: Map<Element, Set<number>>): boolean {
  if (hasStaffHook(cell) || hasStaffHook(cell.parentElement) || labelledAsStaff(cell)) {
    return true;
  }
  const table = cell.closest('table');
  return table !== null && staffColumns(table, cache).has(columnOf(cell));
}

/** E-mail links are how staff contacts are shown ("Questions? Contact …"). */
function isContactLink(element: Element): boolean {
  return /^mailto:/i.test(element.getAttribute('href') ?? '');
}

function nameInCell(cell: Element): { anchor: Element; text: string } | undefined {
  for (const selector of NAME_IN_CELL) {
    for (const element of cell.querySelectorAll(selector)) {
      const text = collapse(element.textContent ?? '');
      if (!looksLikeName(text)) continue;
      if (hasStaffHook(element) || element.closest('a[href^="mailto:" i]')) return undefined;
      return { anchor: element, text };
    }
  }
  const text = collapse(cell.textContent ?? '');
  return looksLikeName(text) ? { anchor: cell, text } : undefined;
}

function findCandidates(root: ParentNode): PageCandidate[] {
  const found = new Map<Element, PageCandidate>();
  const staffColumnCache = new Map<Element, Set<number>>();
  for (const cell of around(root, CELL)) {
    if (!cell.closest('tr') || cell.closest(CHROME)) continue;
    if (isStaffCell(cell, staffColumnCache)) continue;
    const name = nameInCell(cell);
    if (name && !found.has(name.anchor)) found.set(name.anchor, name);
  }
  for (const link of around(root, LINK)) {
    if (link.closest('td, th') || link.closest(CHROME)) continue;
    if (hasStaffHook(link) || isContactLink(link)) continue;
    const text = collapse(link.textContent ?? '');
    if (looksLikeName(text) && !found.has(link)) found.set(link, { anchor: link, text });
  }
  return [...found.values()];
}

export const skywardAdapter: SiteAdapter = {
  id: 'skyward',
  platform: 'skyward',
  matchesUrl: (url: URL): boolean => SKYWARD_PAGE.test(url.pathname),
  findCandidates,
  /** By the page's name (`sfgradebook001.w` is a gradebook); the path prefix says nothing. */
  pageKind(url: URL): PageKind {
    const page = SKYWARD_PAGE.exec(url.pathname)?.[1] ?? '';
    return pageKindFromUrl(new URL(`/${page}${url.search}`, url.origin));
  },
};
