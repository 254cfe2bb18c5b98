// @vitest-environment happy-dom
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { RosterWatcher } from '../../../lib/content/roster-watcher';
import type { RosterMatch } from '../../../lib/messages/protocol';
import { canvasAdapter } from '../../../lib/sites/canvas';
import type { PageCandidate } from '../../../lib/sites/types';
import { FIXTURES_DIR, inertHtml } from '../../support/detection';

// All names are invented.

function fixture(page: string): Document {
  const html = readFileSync(resolve(FIXTURES_DIR, 'canvas', `${page}.html`), 'utf8');
  return new DOMParser().parseFromString(inertHtml(html), 'text/html');
}

function parse(html: string): Document {
  return new DOMParser().parseFromString(`<!doctype html><body>${html}</body>`, 'text/html');
}

/** Puts parsed markup into the test document. */
function mount(html: string): void {
  const nodes = [...parse(html).body.childNodes].map((node) => document.importNode(node, true));
  document.body.replaceChildren(...nodes);
}

function find(root: ParentNode): PageCandidate[] {
  return canvasAdapter.findCandidates(root);
}

function summary(candidates: PageCandidate[]): [string, string | undefined][] {
  return candidates.map((c) => [c.text, c.ids?.canvas]);
}

function required<T extends Element>(root: ParentNode, selector: string): T {
  const element = root.querySelector<T>(selector);
  if (!element) throw new Error(`no ${selector}`);
  return element;
}

const STAFF_IDS = ['48190', '48191', '48192', '48193'];
const TEST_STUDENT_ID = '48299';
const STAFF_NAMES = ['Rebecca Okafor', 'Marcus Hale', 'Tom Ashgrove', 'Linda Lindqvist'];

function gridCell(id: string, name: string): string {
  return `<div class="slick-cell b0 f0 meta-cell primary-column student frozen">
    <div class="student-name">
      <a class="student-grades-link student_context_card_trigger" data-student_id="${id}"
        data-course_id="31408" href="/courses/31408/grades/${id}#tab-assignments">${name}</a>
    </div>
    <div class="secondary-info">English 8 — Period 3</div>
  </div>`;
}

function grid(rows: string): string {
  return `<div id="gradebook_grid"><div class="slick-viewport viewport_0">
    <div class="grid-canvas container_0">${rows}</div></div></div>`;
}

afterEach(() => {
  document.body.replaceChildren();
});

describe('Canvas fixtures', () => {
  it('People (Backbone): every student row once, no staff, no Test Student, no hidden row', () => {
    const candidates = find(fixture('people'));
    expect(candidates).toHaveLength(21);
    const ids = candidates.map((c) => c.ids?.canvas);
    for (const id of [...STAFF_IDS, TEST_STUDENT_ID]) expect(ids).not.toContain(id);
    expect(new Set(ids).size).toBe(21);
    for (const c of candidates) {
      expect(c.anchor.matches('a.roster_user_name')).toBe(true);
      expect(c.anchor.closest('[style*="display: none"]')).toBeNull();
      expect(STAFF_NAMES).not.toContain(c.text);
    }
    // Pronouns and status labels are not part of the name.
    expect(summary(candidates)).toContainEqual(['Maya Okafor', '48211']);
    expect(summary(candidates)).toContainEqual(['Camille Laurent', '48213']);
  });

  it('People (React): only names with the context-card class, the link as anchor', () => {
    const candidates = find(fixture('people-react'));
    expect(candidates).toHaveLength(21);
    for (const c of candidates) {
      expect(c.anchor.tagName).toBe('A');
      expect(STAFF_IDS).not.toContain(c.ids?.canvas);
    }
    expect(summary(candidates)).toContainEqual(['Sasha Brennan-Ortiz', '48225']);
    expect(candidates.map((c) => c.text)).not.toContain('Test Student');
  });

  it('Gradebook: the frozen name column, "Last, First", without the Test Student', () => {
    const candidates = find(fixture('gradebook'));
    expect(candidates).toHaveLength(21);
    for (const c of candidates) {
      expect(c.anchor.closest('#gradebook_grid .container_0')).not.toBeNull();
    }
    expect(summary(candidates)).toContainEqual(['Van der Berg, Nia', '48232']);
    expect(summary(candidates)).toContainEqual(['Brooks, Ethan', '48205']);
    expect(candidates.map((c) => c.ids?.canvas)).not.toContain(TEST_STUDENT_ID);
  });

  it('Individual gradebook: the current student only (options cannot hold a marker)', () => {
    expect(summary(find(fixture('gradebook-individual')))).toEqual([['Thảo Nguyễn', '48219']]);
  });

  it('SpeedGrader (classic): the current student and each student of the list, by id', () => {
    const doc = fixture('speedgrader');
    const candidates = find(doc);
    const [header, ...items] = candidates;
    expect(header?.anchor.id).toBe('students_selectmenu-button');
    expect(header && summary([header])).toEqual([['Nia Van der Berg', '48232']]);
    expect(items).toHaveLength(21);
    expect(items.every((c) => c.anchor.tagName === 'LI')).toBe(true);
    expect(summary(items)).toContainEqual(['Maya Okafor', '48211']);
    expect(items.map((c) => c.text)).not.toContain('Test Student');
  });

  it('SpeedGrader (new): the student picker, by name (the id is in the URL)', () => {
    const candidates = find(fixture('speedgrader-new'));
    expect(summary(candidates)).toEqual([['Sasha Brennan-Ortiz', undefined]]);
    expect(candidates[0]?.anchor.matches('button[data-testid="student-select-trigger"]')).toBe(
      true,
    );
  });
});

describe('Canvas Gradebook grid', () => {
  it('reads a rebuilt cell: a new cell for the same student yields the same id', () => {
    mount(grid(`<div class="slick-row even">${gridCell('48211', 'Okafor, Maya')}</div>`));
    const row = required(document, '.slick-row');
    const [before] = find(document);
    expect(before && summary([before])).toEqual([['Okafor, Maya', '48211']]);

    // SlickGrid invalidates the row and writes the cell again from an HTML string.
    const rebuilt = parse(gridCell('48211', 'Okafor, Maya')).body.firstElementChild as Element;
    row.replaceChildren(document.importNode(rebuilt, true));
    const fromCell = find(required(row, '.slick-cell'));
    expect(summary(fromCell)).toEqual([['Okafor, Maya', '48211']]);
    expect(fromCell[0]?.anchor).not.toBe(before?.anchor);
    expect(fromCell[0]?.anchor.isConnected).toBe(true);
  });

  it('reads from any subtree root: the row, the container, the link, the link text', () => {
    mount(
      grid(
        `<div class="slick-row even">${gridCell('48211', 'Okafor, Maya')}</div>
         <div class="slick-row odd">${gridCell('48214', 'Lindqvist, Maya')}</div>`,
      ),
    );
    const link = required(document, 'a.student-grades-link');
    expect(find(required(document, '.container_0'))).toHaveLength(2);
    expect(summary(find(required(document, '.slick-row')))).toEqual([['Okafor, Maya', '48211']]);
    expect(summary(find(link))).toEqual([['Okafor, Maya', '48211']]);
    expect(summary(find(required(document, '.student-name')))).toEqual([['Okafor, Maya', '48211']]);
  });

  it('keeps a marker on a student whose cell is rebuilt (through the watcher)', async () => {
    mount(grid(`<div class="slick-row even">${gridCell('48211', 'Okafor, Maya')}</div>`));
    const answers = new Map<string, RosterMatch>([
      ['48211', { status: 'student', studentId: 's-1' }],
    ]);
    const watcher = new RosterWatcher(document, {
      adapter: canvasAdapter,
      match: async (candidates) =>
        candidates.map((c) => answers.get(c.ids?.canvas ?? '') ?? { status: 'none' }),
      createMarker: () => {
        const marker = document.createElement('span');
        marker.className = 'ps-marker';
        return marker;
      },
      whenShown: (elements, then) => then(elements),
      schedule: (cb) => setTimeout(cb, 0),
    });
    await watcher.start();
    expect(document.querySelectorAll('.ps-marker')).toHaveLength(1);

    const row = required(document, '.slick-row');
    const rebuilt = parse(gridCell('48211', 'Okafor, Maya')).body.firstElementChild as Element;
    row.replaceChildren(document.importNode(rebuilt, true));
    for (let i = 0; i < 4; i++) await new Promise((resolve) => setTimeout(resolve, 0));
    const markers = document.querySelectorAll('.ps-marker');
    expect(markers).toHaveLength(1);
    expect(markers[0]?.previousElementSibling?.textContent).toBe('Okafor, Maya');
    watcher.stop();
  });

  it('reads split first/last name columns as one name per row', () => {
    const cell = (column: string, text: string) =>
      `<div class="slick-cell meta-cell ${column}"><div class="student-name">
        <a class="student-grades-link student_context_card_trigger" data-student_id="48232"
          href="/courses/31408/grades/48232#tab-assignments">${text}</a></div></div>`;
    const doc = parse(
      grid(
        `<div class="slick-row">${cell('student_lastname', 'Van der Berg')}${cell('student_firstname', 'Nia')}</div>`,
      ),
    );
    const candidates = find(doc);
    expect(summary(candidates)).toEqual([['Nia Van der Berg', '48232']]);
    // Read from the second column's cell alone, the candidate still sits on the row's first link.
    const second = doc.querySelectorAll('.slick-cell')[1] as Element;
    expect(find(second).map((c) => c.anchor)).toEqual([candidates[0]?.anchor]);

    // Columns without recognisable classes: both orders, one anchor; the id decides.
    const unknown = parse(
      grid(`<div class="slick-row">${cell('c1', 'Van der Berg')}${cell('c2', 'Nia')}</div>`),
    );
    const both = find(unknown);
    expect(both.map((c) => c.text).sort()).toEqual(['Nia Van der Berg', 'Van der Berg Nia']);
    expect(new Set(both.map((c) => c.anchor)).size).toBe(1);
  });

  it('reads nothing when names are hidden ("Student 3") or for the Test Student', () => {
    const doc = parse(
      grid(
        `<div class="slick-row">${gridCell('48211', 'Student 3')}</div>
         <div class="slick-row">${gridCell('48299', 'Test Student')}</div>
         <div class="slick-row">${gridCell('48299', 'Student, Test')}</div>`,
      ),
    );
    expect(find(doc)).toEqual([]);
  });
});

describe('Canvas People', () => {
  it('skips teachers, TAs, designers, observers and the Test Student by row class', () => {
    const row = (role: string, id: string, name: string) =>
      `<tr class="rosterUser al-hover-container ${role}" id="user_${id}">
        <td class="roster_user_name-cell"><a href="/courses/1/users/${id}" data-student_id="${id}"
          class="roster_user_name student_context_card_trigger">${name}</a></td></tr>`;
    const doc = parse(`<table class="roster"><tbody class="collectionViewItems">
      ${row('TeacherEnrollment', '1', 'Rebecca Okafor')}
      ${row('TaEnrollment', '2', 'Marcus Hale')}
      ${row('DesignerEnrollment', '3', 'Tom Ashgrove')}
      ${row('ObserverEnrollment', '4', 'Linda Lindqvist')}
      ${row('StudentViewEnrollment', '5', 'Test Student')}
      ${row('StudentEnrollment', '6', 'Maya Okafor <i>(she/her)</i>')}
    </tbody></table>`);
    expect(summary(find(doc))).toEqual([['Maya Okafor', '6']]);
    // From a re-rendered cell (between the row and the link) as well.
    const cells = doc.querySelectorAll('td.roster_user_name-cell');
    expect(summary(find(cells[5] as Element))).toEqual([['Maya Okafor', '6']]);
    expect(find(cells[0] as Element)).toEqual([]);
  });

  it('reads the React roster from the text of a name (a characterData change)', () => {
    const doc = parse(`<table><tbody><tr data-testid="roster-table-data-row">
      <td data-testid="roster-table-name-cell"><span class="student_context_card_trigger"
        data-student_id="48211"><a href="/courses/1/users/48211"><span class="n">Maya Okafor</span>
        <span data-testid="user-pronouns"> (she/her)</span></a></span></td></tr>
      <tr data-testid="roster-table-data-row"><td data-testid="roster-table-name-cell">
        <span class="" data-student_id="48190"><a href="/courses/1/users/48190">Rebecca Okafor</a>
        </span></td></tr></tbody></table>`);
    expect(summary(find(doc))).toEqual([['Maya Okafor', '48211']]);
    expect(summary(find(required(doc, 'span.n')))).toEqual([['Maya Okafor', '48211']]);
  });

  it('reads other views that use the student context card (Learning Mastery Gradebook)', () => {
    const doc = parse(`<table><tr class="outcome-student-row"><td class="outcome-student-cell">
      <a class="student-name student_context_card_trigger" data-student_id="48219"
        href="/courses/1/grades/48219#tab-outcomes">Thảo Nguyễn</a></td></tr></table>`);
    expect(summary(find(doc))).toEqual([['Thảo Nguyễn', '48219']]);
  });
});

describe('Canvas SpeedGrader', () => {
  function classic(options: string, header: string): Document {
    return parse(`<div id="classic_speedgrader_container"><div id="combo_box_container">
      <select id="students_selectmenu">${options}</select>
      <a class="ui-selectmenu" id="students_selectmenu-button" href="#nogo" aria-hidden="true">
        <span class="ui-selectmenu-status"><span class="ui-selectmenu-item-header">${header}</span></span>
      </a></div></div>
      <ul id="students_selectmenu-menu" role="listbox">
        <li><a role="option"><span class="ui-selectmenu-item-header">${header}</span></a></li>
      </ul>`);
  }

  it('shows nothing under anonymous grading (students keyed by anonymous ids)', () => {
    const doc = classic('<option value="aB3xZ" selected>Student 1 – graded</option>', 'Student 1');
    expect(find(doc)).toEqual([]);
    // Even should names show, anonymous ids mean anonymous grading.
    const named = classic('<option value="k9Qe2">Maya Okafor – graded</option>', 'Maya Okafor');
    expect(find(named)).toEqual([]);
  });

  it('shows nothing in the new SpeedGrader when the URL grades anonymously', () => {
    const setUrl = (href: string) =>
      (window as unknown as { happyDOM: { setURL(url: string): void } }).happyDOM.setURL(href);
    mount(`<div id="react-router-portals">
      <button type="button" data-testid="student-select-trigger">
        <span data-testid="selected-student">Maya Okafor</span></button></div>`);
    try {
      setUrl(
        'https://canvas.district.example/courses/1/gradebook/speed_grader?assignment_id=2&anonymous_id=aB3xZ',
      );
      expect(find(document)).toEqual([]);
      // Named grading: the id comes from the URL.
      setUrl(
        'https://canvas.district.example/courses/1/gradebook/speed_grader?assignment_id=2&student_id=48211',
      );
      expect(summary(find(document))).toEqual([['Maya Okafor', '48211']]);
    } finally {
      setUrl('http://localhost:3000/');
    }
  });

  it('takes the current student id from the option that names them', () => {
    // The parsed select has no selection: the first option is not the student shown.
    const doc = classic(
      '<option value="48203">Noah Abernathy – graded</option><option value="48211">Maya Okafor – not graded</option>',
      'Maya Okafor',
    );
    expect(summary(find(required(doc, '#combo_box_container')))).toEqual([
      ['Maya Okafor', '48211'],
    ]);
  });

  it('rereads the header when SpeedGrader writes the next student into it', () => {
    const doc = classic(
      '<option value="48211" selected>Maya Okafor – graded</option><option value="48219">Thảo Nguyễn – graded</option>',
      'Maya Okafor',
    );
    const status = required(doc, '.ui-selectmenu-status');
    status.replaceChildren(doc.createElement('span'));
    const header = status.firstElementChild as Element;
    header.className = 'ui-selectmenu-item-header';
    header.textContent = 'Thảo Nguyễn';
    expect(summary(find(header))).toEqual([['Thảo Nguyễn', '48219']]);
  });
});
