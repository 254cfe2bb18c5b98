import type { PageKind } from '../card/card-view';
import { around, collapse } from './dom-helpers';
import { looksLikeName } from './generic';
import { pageKindFromUrl } from './page-context';
import type { PageCandidate, SiteAdapter } from './types';

/**
 * Infinite Campus, Campus Instruction grade book. Hosts are district-specific
 * (`<district>.infinitecampus.org` or the district's own domain): pages are recognised by path.
 *
 * The grade book is three documents deep: the staff page (`/campus/nav-wrapper/staff/…` or
 * `/campus/main.xsl`) → `iframe#main-workspace` → `iframe#instruction-wrapper-iframe` → the grade
 * book. The content script runs in every frame and reads each frame's own document, so this
 * adapter sees the innermost frame's URL when it reads the roster: `/campus/apps/gradebook`
 * (a userscript for teachers targets that path; query strings and hashes vary), like the other
 * Campus apps under `/campus/apps/…`. The outer staff frames and the student/parent portal
 * (`/campus/apps/portal/…`, `/campus/nav-wrapper/student/…`) are claimed as well, so the generic
 * name finder never reads them; they carry no grade book rows, so nothing is read there
 * ("act only where the roster is").
 *
 * Rows: `tr.studentTR#studentTR<section>_<personID>`, the name in
 * `span.studentName > a#student_<personID>` as "Last, First M", a preferred name may follow in
 * parentheses and a newly added student (`a.addedStudent`) carries a "New Student" suffix. A
 * hidden template row (`#studentTRDetailTemplate`) and the detail pane repeat a name without an
 * id: only names with a person id are read. The grid lists students only (teachers appear in the
 * page header and the row `title`, neither of which is read). `ids['infinite-campus']` is the
 * personID.
 */

/** Campus paths: the apps (grade book, portal), the staff/student wrappers and classic pages. */
const CAMPUS_PAGE =
  /^\/campus\/(?:(?:apps|nav-wrapper|portal|instruction)(?:\/|$)|(?:[\w.-]+\/)*[\w.-]+\.(?:xsl|jsp)$)/i;
const GRADE_BOOK = /^\/campus\/(?:apps|instruction|nav-wrapper\/staff)\/(?:[\w.-]+\/)*grade-?book/i;
const PORTAL = /^\/campus\/(?:apps\/portal|nav-wrapper\/(?:student|parent)|portal)(?:\/|$)/i;

/**
 * The name link, then its context checked with closest() (scoped selectors cannot see
 * ancestors outside the root in every DOM). Alternatives: inside `tr.studentTR` (grade book
 * grid), or anywhere under `span.studentName` (other Campus Instruction lists, likely).
 */
const NAME_LINK = 'a[id^="student_"]';
const NAME_WRAPPER = 'span.studentName';
const ROW = 'tr.studentTR';
/** Templates and the detail pane repeat names without ids; skip them outright. */
const SKIPPED = '#studentTRDetailTemplate, template, [id$="Template"]';

const PERSON_LINK_ID = /^student_(\d+)$/;
const ROW_ID = /^studentTR(\d+)_(\d+)$/;
/** "Okafor, Maya New Student", "Okafor, Maya (New Student)". */
const NEW_STUDENT = /[\s,]*\(?\s*new student\s*\)?$/i;

/** The name as shown, without the "New Student" marker (kept: middle initial, preferred name). */
function icNameText(link: Element): string {
  return collapse(link.textContent ?? '').replace(NEW_STUDENT, '');
}

function findCandidates(root: ParentNode): PageCandidate[] {
  const candidates: PageCandidate[] = [];
  for (const link of around(root, NAME_LINK)) {
    if (!link.parentElement?.matches(NAME_WRAPPER) || link.closest(SKIPPED)) continue;
    const personId = PERSON_LINK_ID.exec(link.id)?.[1];
    if (!personId) continue;
    const row = link.closest(ROW);
    if (row && ROW_ID.exec(row.id)?.[2] !== personId) continue; // Template or mismatched row.
    const text = icNameText(link);
    if (!looksLikeName(text)) continue;
    candidates.push({ anchor: link, text, ids: { 'infinite-campus': personId } });
  }
  return candidates;
}

export const infiniteCampusAdapter: SiteAdapter = {
  id: 'infinite-campus',
  platform: 'infinite-campus',
  matchesUrl: (url: URL): boolean => CAMPUS_PAGE.test(url.pathname),
  findCandidates,
  pageKind(url: URL): PageKind {
    if (PORTAL.test(url.pathname)) return 'other';
    if (GRADE_BOOK.test(url.pathname)) return 'grading';
    return pageKindFromUrl(url);
  },
};
