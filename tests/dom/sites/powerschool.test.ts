// @vitest-environment happy-dom
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { RosterWatcher } from '../../../lib/content/roster-watcher';
import type { RosterCandidate, RosterMatch } from '../../../lib/messages/protocol';
import { findNameCandidates } from '../../../lib/sites/generic';
import { powerschoolAdapter } from '../../../lib/sites/powerschool';
import { adapterFor } from '../../../lib/sites/registry';
import type { PageCandidate } from '../../../lib/sites/types';

// All names are invented.
const FIXTURES = resolve(import.meta.dirname, '../../fixtures/powerschool');

/** Parses a saved page without what happy-dom would try to load (styles, frames). */
function parse(html: string): Document {
  const inert = html.replace(/<link\b[^>]*>/gi, '').replace(/<(\/?)iframe\b/gi, '<$1saved-iframe');
  return new DOMParser().parseFromString(inert, 'text/html');
}

function fixture(page: string): Document {
  return parse(readFileSync(resolve(FIXTURES, `${page}.html`), 'utf8'));
}

function summary(candidates: PageCandidate[]): [string, string | undefined][] {
  return candidates.map((c) => [c.text, c.ids?.powerschool]);
}

function required<T>(value: T | null | undefined, what: string): T {
  if (value === null || value === undefined) throw new Error(`missing ${what}`);
  return value;
}

/** A PowerTeacher Pro section as the app renders it after a hash change. */
function ptproSection(students: [string, number][]): Element {
  const rows = students
    .map(
      ([name, dcid], i) => `
      <div role="row" class="student-row" data-student-dcid="${dcid}">
        <div role="rowheader" class="student-cell"><span class="row-number">${i + 1}</span>
          <a class="student-name" href="#/?sectionId=20418&amp;studentId=${dcid}">${name}</a></div>
        <div role="gridcell">17</div>
      </div>`,
    )
    .join('');
  const doc = parse(`<div role="rowgroup" class="grid-body">${rows}</div>`);
  return document.adoptNode(required(doc.querySelector('.grid-body'), 'grid body'));
}

afterEach(() => {
  document.body.replaceChildren();
});

describe('PowerSchool adapter: PowerTeacher Pro', () => {
  it('reads every scoresheet row with its DCID and nothing from the header or menus', () => {
    const candidates = powerschoolAdapter.findCandidates(fixture('ptpro-scoresheet'));
    expect(candidates).toHaveLength(22);
    expect(summary(candidates)).toContainEqual(['Okafor, Maya', '4101']);
    expect(summary(candidates)).toContainEqual(['Nguyễn, Thảo', '4102']);
    expect(candidates.every((c) => c.anchor.matches('a.student-name'))).toBe(true);
    const texts = candidates.map((c) => c.text);
    expect(texts.some((t) => t.includes('Janet'))).toBe(false);
    expect(texts.some((t) => t.includes('Marcus'))).toBe(false);
  });

  it('yields the same candidates from a re-rendered section, on new elements', () => {
    const doc = fixture('ptpro-scoresheet');
    const grid = required(doc.querySelector('#scoresheet'), 'grid');
    const body = required(grid.querySelector('.grid-body'), 'grid body');
    const before = summary(powerschoolAdapter.findCandidates(body));

    // Angular re-renders the section: same students, brand-new nodes.
    const rerendered = doc.importNode(body, true);
    body.replaceWith(rerendered);
    const after = powerschoolAdapter.findCandidates(rerendered);
    expect(summary(after)).toEqual(before);
    expect(after.every((c) => rerendered.contains(c.anchor))).toBe(true);
    expect(after.some((c) => body.contains(c.anchor))).toBe(false);
  });

  it('reads a single row, cell, link or changed text the watcher hands it', () => {
    const doc = fixture('ptpro-scoresheet');
    const link = required(
      [...doc.querySelectorAll('a.student-name')].find((a) => a.textContent === 'Haddad, Yusuf'),
      'link',
    );
    const row = required(link.closest('[role="row"]'), 'row');
    const cell = required(link.closest('[role="rowheader"]'), 'cell');
    const number = required(cell.querySelector('.row-number'), 'row number');
    for (const root of [row, cell, link, number]) {
      const found = powerschoolAdapter.findCandidates(root);
      expect(summary(found), root.className).toEqual([['Haddad, Yusuf', '4105']]);
      expect(found[0]?.anchor).toBe(link);
    }
  });

  it('keeps markers on the students when the app swaps the section (hash routing)', async () => {
    const students = new Map<string, RosterMatch>([
      ['Okafor, Maya', { status: 'student', studentId: 's-maya' }],
      ['García López, Sofía', { status: 'student', studentId: 's-sofia' }],
    ]);
    const match = async (candidates: RosterCandidate[]): Promise<RosterMatch[]> =>
      candidates.map((c) => students.get(c.text) ?? { status: 'none' });
    const grid = document.createElement('div');
    grid.setAttribute('role', 'grid');
    grid.append(
      ptproSection([
        ['Okafor, Maya', 4101],
        ['Lindqvist, Maya', 4119],
      ]),
    );
    document.body.append(grid);
    const watcher = new RosterWatcher(document, {
      adapter: powerschoolAdapter,
      match,
      createMarker: () => {
        const span = document.createElement('span');
        span.className = 'test-marker';
        return span;
      },
      whenShown: (elements, then) => then(elements),
      schedule: (cb) => setTimeout(cb, 0),
    });
    await watcher.start();
    const marked = () =>
      [...document.querySelectorAll('.test-marker')].map(
        (m) => m.previousElementSibling?.textContent,
      );
    expect(marked()).toEqual(['Okafor, Maya']);

    // #/?sectionId=20417 → #/?sectionId=20418: the grid body is replaced without a page load.
    required(grid.querySelector('.grid-body'), 'body').replaceWith(
      ptproSection([
        ['Esposito, Marco', 4112],
        ['García López, Sofía', 4104],
      ]),
    );
    for (let i = 0; i < 4; i++) await new Promise((done) => setTimeout(done, 0));
    expect(marked()).toEqual(['García López, Sofía']);
    expect(watcher.markerCount()).toBe(1);
    watcher.stop();
  });
});

describe('PowerSchool adapter: classic pages', () => {
  it('reads names beside icon links by frn=001<dcid>, never the teacher or the signed-in user', () => {
    const candidates = powerschoolAdapter.findCandidates(fixture('classic-attendance'));
    expect(candidates).toHaveLength(18);
    const achebe = required(
      candidates.find((c) => c.text === 'Achebe, Chidi'),
      'Achebe',
    );
    expect(achebe.ids).toEqual({ powerschool: '5201' });
    expect(achebe.anchor.tagName).toBe('TD'); // The marker goes inside the name cell.
    const muller = required(
      candidates.find((c) => c.text === 'Müller, Jonas'),
      'Müller',
    );
    expect(muller.anchor.tagName).toBe('A'); // The name itself is the link: marker after it.
    const texts = candidates.map((c) => c.text);
    expect(texts).not.toContain('Pereira, Helena'); // frn=005: a teacher.
    expect(texts).not.toContain('Eriksen, Margit');
    expect(texts).not.toContain('Helena Pereira'); // #userName.
    expect(texts.some((t) => /present|absent/i.test(t))).toBe(false);
  });

  it('finds a student from an icon link in a re-rendered row', () => {
    const doc = parse(`<table><tbody><tr>
      <td><a href="studentpages/home.html?frn=0015202"><img alt=""></a></td>
      <td>Fitzgerald-Nakamura, Hana</td>
      <td><select><option>Present</option><option>Absent</option></select></td>
    </tr></tbody></table>`);
    const row = required(doc.querySelector('tr'), 'row');
    expect(summary(powerschoolAdapter.findCandidates(row))).toEqual([
      ['Fitzgerald-Nakamura, Hana', '5202'],
    ]);
  });
});

/** The parent portal's home page, as PowerSchool serves it to a signed-in parent. */
const GUARDIAN_HOME = `
  <div id="branding-powerschool"><img src="/images/logo-powerschool.png" alt="PowerSchool SIS"></div>
  <div id="usercontext-bar"><ul id="tools">
    <li id="userName"><span>Rosalind Achterberg</span></li>
    <li><a href="/guardian/home.html?ac=logoff">Sign Out</a></li>
  </ul></div>
  <div id="students-list"><ul id="tabsStudents">
    <li class="selected"><a href="javascript:switchStudent(180411);">Theo</a></li>
    <li><a href="javascript:switchStudent(180412);">Wren</a></li>
  </ul></div>
  <div id="content-main">
    <h1>Grades and Attendance: Achterberg, Theo</h1>
    <table class="linkDescList grid" id="quickLookup">
      <thead><tr><th>Exp</th><th>Course</th><th>Q1</th></tr></thead>
      <tbody>
        <tr><td>1(A)</td><td>English 7<br>
          <a href="mailto:jokafor@brookhollowsd.invalid">Email Okafor, Janet</a> - Rm: 114</td>
          <td><a href="scores.html?frn=0047711&amp;fg=Q1">A-</a></td></tr>
        <tr><td>2(A)</td><td>Life Science<br>
          <a href="mailto:hpereira@brookhollowsd.invalid">Email Pereira, Helena</a> - Rm: 208</td>
          <td><a href="scores.html?frn=0047712&amp;fg=Q1">B+</a></td></tr>
      </tbody>
    </table>
    <p>Showing grades for Theo Achterberg.</p>
  </div>`;

describe('PowerSchool adapter: parent/student portal', () => {
  it('claims the portal and reads nothing there, though names are on it', () => {
    const url = new URL('https://brookhollowsd.powerschool.com/guardian/home.html');
    expect(adapterFor(url, 'powerschool')).toBe(powerschoolAdapter);
    const doc = parse(GUARDIAN_HOME);
    expect(powerschoolAdapter.findCandidates(doc)).toEqual([]);
    // What the generic finder would have read had the portal been left to it.
    expect(findNameCandidates(doc).map((c) => c.text)).toContain('Rosalind Achterberg');
  });

  it('never reads the signed-in name or the child list, even next to a student link', () => {
    const doc = parse(`<ul id="tools"><li id="userName"><span>Rosalind Achterberg</span>
      <a href="/teachers/studentpages/home.html?frn=0014101">Okafor, Maya</a></li></ul>
      <div id="students-list"><a href="/guardian/home.html?frn=0014102">Nguyễn, Thảo</a></div>`);
    expect(powerschoolAdapter.findCandidates(doc)).toEqual([]);
  });
});
