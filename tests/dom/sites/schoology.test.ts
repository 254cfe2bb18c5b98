// @vitest-environment happy-dom
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { schoologyAdapter } from '../../../lib/sites/schoology';
import type { PageCandidate } from '../../../lib/sites/types';
import { FIXTURES_DIR, inertHtml } from '../../support/detection';

// All names are invented.

function fixture(page: string): Document {
  const html = readFileSync(resolve(FIXTURES_DIR, 'schoology', `${page}.html`), 'utf8');
  return new DOMParser().parseFromString(inertHtml(html), 'text/html');
}

function parse(html: string): Document {
  return new DOMParser().parseFromString(`<!doctype html><body>${html}</body>`, 'text/html');
}

function find(root: ParentNode): PageCandidate[] {
  return schoologyAdapter.findCandidates(root);
}

function summary(candidates: PageCandidate[]): [string, string | undefined][] {
  return candidates.map((c) => [c.text, c.ids?.schoology]);
}

function required(root: ParentNode, selector: string): Element {
  const element = root.querySelector(selector);
  if (!element) throw new Error(`no ${selector}`);
  return element;
}

const ADMINS = ['Angela Herrera', 'Paul Grant'];

function gradeRow(uid: string, name: string): string {
  return `<div class="grader-grid-row _13cCs" role="row" data-uid="${uid}">
    <div role="rowheader" class="_3Pr1j" aria-label="${name}">
      <div class="_1Y2ra"><img alt=""><a class="_2Kx8v" href="/user/${uid}/info">${name}</a></div>
    </div>
    <div role="gridcell" id="grader-grid-cell-1-1"><span>9</span></div>
  </div>`;
}

describe('Schoology fixtures', () => {
  it('Gradebook: one candidate per student row, named by the row header label', () => {
    const candidates = find(fixture('gradebook'));
    expect(candidates).toHaveLength(20);
    expect(candidates.map((c) => c.text)).not.toContain('Class Average');
    for (const c of candidates) {
      expect(c.anchor.matches('[role="rowheader"] a')).toBe(true);
      expect(c.ids?.schoology).toBe(c.anchor.closest('[data-uid]')?.getAttribute('data-uid'));
    }
    expect(summary(candidates)).toContainEqual(['Mei Lin Zhang', '84512433']);
  });

  it('Members: members only (not the admins, not the signed-in header), one per row', () => {
    const doc = fixture('members');
    const candidates = find(doc);
    expect(candidates).toHaveLength(20);
    for (const c of candidates) {
      expect(ADMINS).not.toContain(c.text);
      expect(c.anchor.closest('#roster-wrapper')).not.toBeNull();
      expect(c.anchor.closest('td.user-name')).not.toBeNull();
    }
    expect(summary(candidates)).toContainEqual(['Tomás Herrera', '84512402']);
  });
});

describe('Schoology gradebook', () => {
  it('reads a re-rendered row, a row header or the name link alone', () => {
    const doc = parse(`<div role="grid">${gradeRow('84512377', 'Isabella Cruz-Navarro')}</div>`);
    const [candidate] = find(doc);
    expect(candidate && summary([candidate])).toEqual([['Isabella Cruz-Navarro', '84512377']]);
    expect(find(required(doc, '[data-uid]')).map((c) => c.anchor)).toEqual([candidate?.anchor]);
    expect(find(required(doc, 'a._2Kx8v')).map((c) => c.anchor)).toEqual([candidate?.anchor]);
    expect(find(required(doc, '._1Y2ra')).map((c) => c.anchor)).toEqual([candidate?.anchor]);
    // A score cell re-rendered on its own names nobody.
    expect(find(required(doc, '[role="gridcell"]'))).toEqual([]);
  });

  it('uses the row header itself when no element inside shows the name', () => {
    const doc = parse(`<div data-uid="84512402" role="row">
      <div role="rowheader" aria-label="Tomás Herrera"><span class="_x">TH</span></div></div>`);
    const candidates = find(doc);
    expect(summary(candidates)).toEqual([['Tomás Herrera', '84512402']]);
    expect(candidates[0]?.anchor.getAttribute('role')).toBe('rowheader');
  });

  it('reads rows without a uid (class average, headers) as nothing', () => {
    const doc = parse(`<div class="grader-grid-row" role="row">
      <div role="rowheader" aria-label="Class Average"><span>Class Average</span></div></div>`);
    expect(find(doc)).toEqual([]);
  });
});

describe('Schoology members', () => {
  function table(rows: string, heading = 'Members'): string {
    return `<div id="roster-wrapper"><div class="enrollment-view-wrapper">
      <h3>${heading}</h3><table><tbody>${rows}</tbody></table></div></div>`;
  }

  function memberRow(uid: string, name: string, role = 'Member', cls = ''): string {
    return `<tr class="enrollment-user ${cls}" data-uid="${uid}">
      <td><a href="/user/${uid}/info"><img alt="${name}"></a></td>
      <td class="user-name"><a href="/user/${uid}/info">${name}</a></td>
      <td class="enrollment-role">${role}</td></tr>`;
  }

  it('skips admins by row class, by role cell and by section heading', () => {
    const doc = parse(
      table(
        memberRow('1', 'Angela Herrera', 'Member', 'admin') +
          memberRow('2', 'Paul Grant', 'Admin') +
          memberRow('3', 'Jamal Whitley'),
      ) + table(memberRow('4', 'Dana Whitfield'), 'Admins'),
    );
    expect(summary(find(doc))).toEqual([['Jamal Whitley', '3']]);
    // A heading on the wrapper around an untitled table counts too.
    const wrapped = parse(`<div id="roster-wrapper"><section><h2>Course Admins</h2><div><table>
      <tbody>${memberRow('5', 'Paul Grant')}</tbody></table></div></section></div>`);
    expect(find(wrapped)).toEqual([]);
  });

  it('reads a row from its name link only (picture links have no text)', () => {
    const doc = parse(table(memberRow('84512425', 'Jamal Whitley')));
    const candidates = find(required(doc, 'tr'));
    expect(summary(candidates)).toEqual([['Jamal Whitley', '84512425']]);
    expect(candidates[0]?.anchor.closest('td.user-name')).not.toBeNull();
  });

  it('does not read profile links outside the roster (the signed-in user in the header)', () => {
    const doc = parse(`<div id="header"><a href="/user/7304411/info">Angela Herrera</a></div>`);
    expect(find(doc)).toEqual([]);
  });
});
