import type { PageKind } from '../card/card-view';
import { collapse } from './dom-helpers';
import type { PageCandidate, SiteAdapter } from './types';

/**
 * Canvas LMS (Instructure). Districts run it on `<district>.instructure.com` or their own domain,
 * so pages are recognised by path only. Read: People (Backbone and React rosters), Gradebook
 * (SlickGrid), the enhanced individual gradebook and SpeedGrader (classic and new). Every name
 * hook is a Canvas student link or select, so a re-rendered cell, row or container is read the
 * same way as the whole document.
 */

/** People: `/courses/:id/users` (not `/users/:uid`, a single person's page). */
const PEOPLE_PATH = /^\/courses\/\d+(?:~\d+)?\/users\/?$/;
/** Gradebook (all versions), its version switch and SpeedGrader; `/grades` is the teacher's alias. */
const GRADING_PATH =
  /^\/courses\/\d+(?:~\d+)?\/(?:gradebook(?:\/(?:speed_grader|change_gradebook_version))?|grades)\/?$/;
const SPEED_GRADER_PATH = /^\/courses\/\d+(?:~\d+)?\/gradebook\/speed_grader\/?$/;

/** Canvas user ids are digits, optionally with a shard (`12~345`); anonymous ids are not. */
const CANVAS_ID = /^\d+(?:~\d+)?$/;
const ID_IN_HREF = /\/(?:users|grades)\/(\d+(?:~\d+)?)(?:[/?#]|$)/;
const ID_IN_ROW = /^user_(\d+(?:~\d+)?)$/;
/** The student-view user ("Test Student", "Student, Test") is never a real student. */
const TEST_STUDENT = /^(?:test student|student,\s*test)$/i;
/** "Hide student names" and anonymous grading show "Student 3": nothing to mark. */
const HIDDEN_NAME = /^student\s+\d+$/i;
const MAX_NAME_LENGTH = 100;

/** Markup hidden on purpose (templates, collapsed copies); visibility proper is the watcher's. */
const HIDDEN_MARKUP = 'template, [hidden], [style*="display: none"], [style*="display:none"]';
/** Inside a name element, texts that are not part of the name. */
const NOT_NAME = 'i, .label, .screenreader-only, [data-testid="user-pronouns"]';

// --- Hooks, one list per UI variant; the first list whose selector an element matches reads it.

/** Gradebook (SlickGrid): the frozen student column under `#gradebook_grid .container_0`. */
const GRADEBOOK_LINK = [
  // Current Gradebook, including the split first/last name columns (same link markup).
  'a.student-grades-link',
  // Older cell markup: the name link without its class.
  '.slick-cell.student .student-name > a[href*="/grades/"]',
].join(', ');

/** People page, Backbone version: `tr.rosterUser#user_<id>` with the enrollment type as class. */
const PEOPLE_BACKBONE = [
  'tr.rosterUser a.roster_user_name',
  // Older rows without the link class.
  'tr.rosterUser td.roster_user_name-cell > a[href*="/users/"]',
].join(', ');
/** Enrollment classes of a Backbone roster row that are not students. */
const STAFF_ROW = [
  'TeacherEnrollment',
  'TaEnrollment',
  'DesignerEnrollment',
  'ObserverEnrollment',
  // The student-view ("Test Student") user.
  'StudentViewEnrollment',
];

/** People page, React version: each name in `span[data-student_id]`. */
const PEOPLE_REACT = [
  '[data-testid="roster-table-name-cell"] [data-student_id]',
  // Row-level fallback should the cell lose its test id.
  '[data-testid="roster-table-data-row"] span[data-student_id]',
].join(', ');

/** Enhanced individual gradebook (React) and the older individual view: the current student. */
const INDIVIDUAL_NAME = [
  'h3.student_selection[data-testid="student-information-name"] a[href*="/grades/"]',
  '.student_selection a[href*="/grades/"]',
].join(', ');

/** SpeedGrader, classic: the selectmenu button showing the current student. */
const SPEED_GRADER_BUTTON = 'a#students_selectmenu-button, #students_selectmenu-button';
/** SpeedGrader, classic: the student list of the selectmenu. */
const SPEED_GRADER_MENU_ITEM = '#students_selectmenu-menu > li';
/** SpeedGrader, new (remote module under `#react-router-portals`): the student picker button. */
const SPEED_GRADER_TRIGGER = 'button[data-testid="student-select-trigger"]';

/**
 * Any other Canvas view that uses the student context card (Learning Mastery Gradebook,
 * moderation): Canvas adds `student_context_card_trigger` to students only.
 */
const CONTEXT_CARD = '.student_context_card_trigger[data-student_id]';

interface Scan {
  doc: Document;
  anonymous?: boolean;
  menuItems?: Map<Element, Element[]>;
}

type Reader = (hook: Element, scan: Scan) => PageCandidate[];

/** Text of an element without the parts that are not the name (pronouns, status labels). */
function nameText(element: Element): string {
  let text = '';
  const walk = (node: Node): void => {
    for (const child of node.childNodes) {
      if (child.nodeType === 3) text += child.nodeValue ?? '';
      else if (child.nodeType === 1 && !(child as Element).matches(NOT_NAME)) {
        text += ' ';
        walk(child);
        text += ' ';
      }
    }
  };
  walk(element);
  return collapse(text);
}

function usableName(text: string): boolean {
  return (
    text.length > 0 &&
    text.length <= MAX_NAME_LENGTH &&
    !TEST_STUDENT.test(text) &&
    !HIDDEN_NAME.test(text)
  );
}

function canvasIdOf(element: Element): string | undefined {
  const data = element.closest('[data-student_id]')?.getAttribute('data-student_id') ?? '';
  if (CANVAS_ID.test(data)) return data;
  const href = element.closest('a[href]')?.getAttribute('href') ?? '';
  const fromHref = ID_IN_HREF.exec(href)?.[1];
  if (fromHref) return fromHref;
  const rowId = element.closest('tr[id^="user_"]')?.id ?? '';
  return ID_IN_ROW.exec(rowId)?.[1];
}

function candidate(anchor: Element, text: string, id: string | undefined): PageCandidate[] {
  if (!usableName(text)) return [];
  return [{ anchor, text, ...(id && CANVAS_ID.test(id) ? { ids: { canvas: id } } : {}) }];
}

/** The page's URL when the document is the SpeedGrader page itself (not a parsed copy). */
function speedGraderUrl(doc: Document): URL | undefined {
  try {
    const href = doc.location?.href;
    if (!href) return undefined;
    const url = new URL(href);
    return SPEED_GRADER_PATH.test(url.pathname) ? url : undefined;
  } catch {
    return undefined;
  }
}

/** Anonymous grading: `anonymous_id=` in the URL, or student options keyed by anonymous ids. */
function isAnonymous(scan: Scan): boolean {
  if (scan.anonymous === undefined) {
    const url = speedGraderUrl(scan.doc);
    const values = [...scan.doc.querySelectorAll('select#students_selectmenu option[value]')]
      .map((option) => option.getAttribute('value') ?? '')
      .filter((value) => value !== '');
    scan.anonymous =
      (url?.searchParams.has('anonymous_id') ?? false) ||
      values.some((value) => !CANVAS_ID.test(value));
  }
  return scan.anonymous;
}

const readGradebookLink: Reader = (link) => {
  if (link.closest(HIDDEN_MARKUP)) return [];
  const id = canvasIdOf(link);
  // Split names put one link per name column in the row (a live collection: cheap to count).
  const links = link.closest('.slick-row')?.getElementsByClassName('student-grades-link');
  if (!links || links.length < 2) return candidate(link, nameText(link), id);
  const sameStudent = [...links].filter((other) => canvasIdOf(other) === id);
  const [first, second] = sameStudent;
  if (!first || !second) return candidate(link, nameText(link), id);
  // Split names: one link per name column. One candidate for the row, on its first link.
  const part = (column: RegExp) =>
    sameStudent.find((other) => column.test(other.closest('.slick-cell')?.className ?? ''));
  const given = part(/first_?name/i);
  const family = part(/last_?name/i);
  if (given && family) return candidate(first, `${nameText(given)} ${nameText(family)}`, id);
  // Column order unknown: both orders (the id decides when the feed carries Canvas ids).
  return [
    ...candidate(first, `${nameText(first)} ${nameText(second)}`, id),
    ...candidate(first, `${nameText(second)} ${nameText(first)}`, id),
  ];
};

const readPeopleBackbone: Reader = (link) => {
  const row = link.closest('tr.rosterUser');
  if (!row || row.closest(HIDDEN_MARKUP)) return [];
  if (STAFF_ROW.some((role) => row.classList.contains(role))) return [];
  return candidate(link, nameText(link), canvasIdOf(link));
};

const readPeopleReact: Reader = (span) => {
  // Only students' names carry the context-card class; teachers, TAs, observers and the
  // student-view user do not.
  if (!span.classList.contains('student_context_card_trigger')) return [];
  if (span.closest(HIDDEN_MARKUP)) return [];
  const anchor = span.querySelector('a') ?? span;
  return candidate(anchor, nameText(anchor), canvasIdOf(span));
};

const readIndividual: Reader = (link) => {
  if (link.closest(HIDDEN_MARKUP)) return [];
  return candidate(link, nameText(link), canvasIdOf(link));
};

/**
 * The id of the student the classic SpeedGrader shows under `name`: the selected option when it
 * names them, else the one option that does, else the URL (the page keeps it current).
 */
function speedGraderStudentId(doc: Document, name: string): string | undefined {
  const select = doc.querySelector<HTMLSelectElement>('select#students_selectmenu');
  const selected = select ? select.options[select.selectedIndex] : undefined;
  if (selected && optionName(selected) === name) return selected.value;
  const named = [...(select?.options ?? [])].filter((option) => optionName(option) === name);
  if (named.length === 1) return named[0]?.value;
  return speedGraderUrl(doc)?.searchParams.get('student_id') ?? undefined;
}

/** "Maya Okafor – graded" → "Maya Okafor" (options carry the submission state). */
function optionName(option: Element): string {
  return collapse((option.textContent ?? '').split(' – ')[0] ?? '');
}

const readSpeedGraderButton: Reader = (button, scan) => {
  if (isAnonymous(scan)) return [];
  const header = button.querySelector('.ui-selectmenu-item-header');
  const text = header ? nameText(header) : nameText(button);
  return candidate(button, text, speedGraderStudentId(scan.doc, text));
};

const readSpeedGraderMenuItem: Reader = (item, scan) => {
  if (isAnonymous(scan) || item.classList.contains('ui-selectmenu-group')) return [];
  const header = item.querySelector('.ui-selectmenu-item-header');
  const text = header ? nameText(header) : nameText(item);
  // Menu items follow the select's options in order; the id counts only when the names agree.
  const menu = item.parentElement;
  scan.menuItems ??= new Map();
  let items = menu ? scan.menuItems.get(menu) : undefined;
  if (menu && !items) {
    items = [...menu.children].filter((li) => !li.classList.contains('ui-selectmenu-group'));
    scan.menuItems.set(menu, items);
  }
  const options = scan.doc.querySelectorAll('select#students_selectmenu option');
  const option = options[items?.indexOf(item) ?? -1];
  const id = option && optionName(option) === text ? option.getAttribute('value') : undefined;
  return candidate(item, text, id ?? undefined);
};

const readSpeedGraderTrigger: Reader = (button, scan) => {
  if (isAnonymous(scan)) return [];
  const selected = button.querySelector('[data-testid="selected-student"]');
  if (!selected) return [];
  const id = speedGraderUrl(scan.doc)?.searchParams.get('student_id') ?? undefined;
  return candidate(button, nameText(selected), id);
};

const readContextCard: Reader = (trigger) => {
  if (trigger.closest(HIDDEN_MARKUP)) return [];
  const anchor = trigger.matches('a, span') ? trigger : (trigger.querySelector('a') ?? trigger);
  return candidate(anchor, nameText(anchor), canvasIdOf(trigger));
};

/** In order: an element matching several (a gradebook link is also a context-card trigger) is
 * read by the first. */
const VIEWS: readonly (readonly [selector: string, read: Reader])[] = [
  [GRADEBOOK_LINK, readGradebookLink],
  [PEOPLE_BACKBONE, readPeopleBackbone],
  [PEOPLE_REACT, readPeopleReact],
  [INDIVIDUAL_NAME, readIndividual],
  [SPEED_GRADER_BUTTON, readSpeedGraderButton],
  [SPEED_GRADER_MENU_ITEM, readSpeedGraderMenuItem],
  [SPEED_GRADER_TRIGGER, readSpeedGraderTrigger],
  [CONTEXT_CARD, readContextCard],
];
const ANY_HOOK = VIEWS.map(([selector]) => selector).join(', ');
/**
 * The hooks' own elements, without the ancestors their selectors name: a subtree root may sit
 * between the two (a cell inside a row), so candidates are queried by these and then checked
 * against the whole selectors with `matches`, which sees the element's real ancestors.
 */
const HOOK_ELEMENT = [
  'a.student-grades-link',
  'a.roster_user_name',
  'a[href*="/grades/"]',
  'a[href*="/users/"]',
  '[data-student_id]',
  '#students_selectmenu-button',
  '#students_selectmenu-menu > li',
  SPEED_GRADER_TRIGGER,
].join(', ');

/**
 * Hook candidates inside `root` (checked against the views by the caller), and the hook around
 * it when `root` is part of a name (a text's parent).
 */
function hooksIn(root: ParentNode): Element[] {
  const hooks = [...root.querySelectorAll(HOOK_ELEMENT)];
  if ((root as Node).nodeType === 1) {
    // Every hook is a hook element: climb those (simple selectors) and match the whole
    // selectors, whose descendant parts are costly to test at every ancestor, only on them.
    let around = (root as Element).closest(HOOK_ELEMENT);
    while (around && !around.matches(ANY_HOOK))
      around = around.parentElement?.closest(HOOK_ELEMENT) ?? null;
    if (around) hooks.unshift(around);
  }
  return hooks;
}

export function findCanvasCandidates(root: ParentNode): PageCandidate[] {
  const doc = (root as Node).ownerDocument ?? (root as Document);
  const scan: Scan = { doc };
  const seen = new Set<string>();
  const byAnchor = new Map<Element, number>();
  const candidates: PageCandidate[] = [];
  for (const hook of hooksIn(root)) {
    const view = VIEWS.find(([selector]) => hook.matches(selector));
    if (!view) continue;
    for (const found of view[1](hook, scan)) {
      // Split-name rows yield the same candidate from each of their links: keep one.
      const anchorIndex = byAnchor.get(found.anchor) ?? byAnchor.size;
      byAnchor.set(found.anchor, anchorIndex);
      const key = `${anchorIndex}\n${found.text}`;
      if (seen.has(key)) continue;
      seen.add(key);
      candidates.push(found);
    }
  }
  return candidates;
}

export const canvasAdapter: SiteAdapter = {
  id: 'canvas',
  platform: 'canvas',
  matchesUrl: (url) => PEOPLE_PATH.test(url.pathname) || GRADING_PATH.test(url.pathname),
  findCandidates: findCanvasCandidates,
  pageKind: (url): PageKind => (GRADING_PATH.test(url.pathname) ? 'grading' : 'other'),
};
