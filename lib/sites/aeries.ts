import type { PageKind } from '../card/card-view';
import { around, collapse } from './dom-helpers';
import { looksLikeName } from './generic';
import type { PageCandidate, SiteAdapter } from './types';

/**
 * Aeries SIS, teacher gradebook. Hosts are `<district>.aeries.net` or the district's own domain,
 * so pages are recognised by path: `/teacher/gradebook` (the list, `#ValidGradebookList`),
 * `/teacher/gradebook/<gbId>/scoresByClass`, `/teacher/gradebook/<gbId>/ScoresByStudent/…`;
 * older installs on the district's own host serve the gradebook below a virtual directory
 * (`/Aeries/…`, `/AeriesNet/…`) or as `/gradebook/<gbId>/…`.
 *
 * Student rows: `table.students tr.row[data-stuid][data-sn]` with the name "Last, First". The
 * table lists students only (the teacher shows in the page header, which is not read).
 * `ids.aeries` is `data-stuid`, the student's permanent id; `data-sn` (the school's student
 * number) is not used.
 */

const GRADEBOOK_PAGE =
  /^(?:(?:\/aeries[\w.-]*)?\/teacher\/gradebook|\/aeries[\w.-]*\/gradebook|\/gradebook\/\d+)(?:\/|$)/i;

/**
 * Student rows, checked with closest() so any subtree works (a row, a cell, the table).
 * Alternatives: rows with both ids (`scoresByClass`), rows with the permanent id only (older
 * builds, likely).
 */
const ROW_SELECTORS = ['tr.row[data-stuid][data-sn]', 'tr.row[data-stuid]'];
const ROW = ROW_SELECTORS.join(', ');
const STUDENTS_TABLE = 'table.students';
/**
 * Where the name sits in a row, most specific first: a name link or cell by class (likely), a
 * link to the student's scores, then the first link or cell that reads like a name.
 */
const NAME_IN_ROW = [
  '[data-name]',
  '.student-name',
  '.stu-name',
  'td.name a',
  'td.name',
  'a[href*="ScoresByStudent" i]',
  'a',
  'td',
];

function nameIn(row: Element): { anchor: Element; text: string } | undefined {
  for (const selector of NAME_IN_ROW) {
    for (const element of row.querySelectorAll(selector)) {
      const text = collapse(element.textContent ?? '');
      if (looksLikeName(text)) return { anchor: element, text };
    }
  }
  return undefined;
}

function findCandidates(root: ParentNode): PageCandidate[] {
  const candidates: PageCandidate[] = [];
  for (const row of around(root, ROW)) {
    if (!row.closest(STUDENTS_TABLE)) continue;
    const name = nameIn(row);
    if (!name) continue;
    const stuid = row.getAttribute('data-stuid')?.trim();
    candidates.push({ ...name, ...(stuid ? { ids: { aeries: stuid } } : {}) });
  }
  return candidates;
}

export const aeriesAdapter: SiteAdapter = {
  id: 'aeries',
  platform: 'aeries',
  matchesUrl: (url: URL): boolean => GRADEBOOK_PAGE.test(url.pathname),
  findCandidates,
  /** Every gradebook page is for grading (the list page has no students). */
  pageKind: (_url: URL): PageKind => 'grading',
};
