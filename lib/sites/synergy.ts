import type { PageKind } from '../card/card-view';
import { around, collapse, isElement } from './dom-helpers';
import { looksLikeName } from './generic';
import type { PageCandidate, SiteAdapter } from './types';

/**
 * Synergy SIS (Edupoint) TeacherVUE grade book. Hosts are `<district>.edupoint.com` or the
 * district's own domain, so pages are recognised by path.
 *
 * TeacherVUE shows the grade book inside `iframe#FRAME_CONTENT`; the content script runs in
 * every frame and this adapter reads the frame's own document, so the URL it sees is the
 * frame's: an ASP.NET WebForms page at the site root (optionally below one directory such as
 * `/train/`) whose name starts with "GB" or contains "GradeBook", e.g. `/GB_Main.aspx`. No
 * public source gives the exact name (its images load from `resources/GBResources/`, relative to
 * the root). The outer TeacherVUE page is left to the generic name finder. StudentVUE and
 * ParentVUE (`PXP2_GradeBook.aspx`, `Home_PXP2.aspx`, `Login_Student_PXP.aspx`) are portals that
 * show the signed-in student or the parent's children: they are claimed so the generic finder
 * never reads them, and they carry no grade book tables, so nothing is read there.
 *
 * The grade book is two aligned GridViews: names in `#ctl00_cphbody_gv_StudentsScores` (spans
 * whose id ends `_lbl_studentLastFirst`, "Last, First"), scores in
 * `#ctl00_cphbody_GV_Assignments` whose data rows carry `studentid`. The marker goes on the
 * name; the id comes from the score row at the same data-row index, and only when both tables
 * have the same number of data rows (a half-rendered postback never lends a row the wrong id).
 * Header and footer rows hold no name span and no `studentid`. The teacher shows only in the
 * class label (`#ctl00_lbl_ACC_ClassFocus`), which is not read. `ids.synergy` is `studentid`.
 */

const ASPX_PAGE = /^\/(?:[\w.-]+\/)?([\w.-]+)\.aspx$/i;
const PORTAL_NAME = /pxp/i;
const GRADE_BOOK_NAME = /^gb|grade_?book/i;

const NAME_TABLE = '#ctl00_cphbody_gv_StudentsScores';
const SCORE_TABLE = '#ctl00_cphbody_GV_Assignments';
/**
 * Name spans, checked against their table with closest(). Alternatives: inside the grade book's
 * name table (ids from the score table), anywhere else on the page (other TeacherVUE lists that
 * reuse the control, likely: names only).
 */
const NAME_SPAN = 'span[id$="_lbl_studentLastFirst"]';
const HEADER_OR_FOOTER = /header|footer|pager/i;

/** A GridView's own rows (not those of tables nested in its cells). */
function gridRows(table: Element): Element[] {
  const rows: Element[] = [];
  for (const child of table.children) {
    if (child.tagName === 'TR') rows.push(child);
    else if (child.tagName === 'TBODY') {
      for (const row of child.children) if (row.tagName === 'TR') rows.push(row);
    }
  }
  return rows;
}

function isHeaderOrFooter(row: Element): boolean {
  if (HEADER_OR_FOOTER.test(row.getAttribute('class') ?? '')) return true;
  for (const cell of row.children) if (cell.tagName === 'TH') return true;
  return false;
}

/** The row of `table` itself that holds `element` (cells may nest tables of their own). */
function gridRowOf(element: Element, table: Element): Element | undefined {
  let row = element.closest('tr');
  while (row && row.closest('table') !== table) row = row.parentElement?.closest('tr') ?? null;
  return row ?? undefined;
}

/** The name table's data rows, in order: rows that hold a name span. */
function nameRows(table: Element): Element[] {
  return gridRows(table).filter((row) => !isHeaderOrFooter(row) && row.querySelector(NAME_SPAN));
}

/** Name row → student id, by data-row index, when the two tables line up. */
function alignedIds(doc: Document): Map<Element, string> {
  const ids = new Map<Element, string>();
  const names = doc.querySelector(NAME_TABLE);
  const scores = doc.querySelector(SCORE_TABLE);
  if (!names || !scores) return ids;
  const nameRowList = nameRows(names);
  const scoreRowList = gridRows(scores).filter((row) => row.hasAttribute('studentid'));
  if (nameRowList.length !== scoreRowList.length) return ids;
  nameRowList.forEach((row, index) => {
    const id = scoreRowList[index]?.getAttribute('studentid')?.trim();
    if (id) ids.set(row, id);
  });
  return ids;
}

function findCandidates(root: ParentNode): PageCandidate[] {
  const spans = around(root, NAME_SPAN);
  if (spans.length === 0) return [];
  const doc = isElement(root) ? root.ownerDocument : (root as Document);
  let ids: Map<Element, string> | undefined;
  const candidates: PageCandidate[] = [];
  for (const span of spans) {
    const table = span.closest(NAME_TABLE);
    const row = table ? gridRowOf(span, table) : span.closest('tr');
    if (row && isHeaderOrFooter(row)) continue;
    const text = collapse(span.textContent ?? '');
    if (!looksLikeName(text)) continue;
    let id: string | undefined;
    if (table && row) {
      ids ??= alignedIds(doc);
      id = ids.get(row);
    }
    candidates.push({ anchor: span, text, ...(id ? { ids: { synergy: id } } : {}) });
  }
  return candidates;
}

function pageName(url: URL): string | undefined {
  return ASPX_PAGE.exec(url.pathname)?.[1];
}

export const synergyAdapter: SiteAdapter = {
  id: 'synergy',
  platform: 'synergy',
  matchesUrl(url: URL): boolean {
    const name = pageName(url);
    return name !== undefined && (PORTAL_NAME.test(name) || GRADE_BOOK_NAME.test(name));
  },
  findCandidates,
  pageKind(url: URL): PageKind {
    const name = pageName(url) ?? '';
    return !PORTAL_NAME.test(name) && GRADE_BOOK_NAME.test(name) ? 'grading' : 'other';
  },
};
