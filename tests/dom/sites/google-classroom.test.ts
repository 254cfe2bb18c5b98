// @vitest-environment happy-dom
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { googleClassroomAdapter } from '../../../lib/sites/google-classroom';
import type { PageCandidate } from '../../../lib/sites/types';
import { FIXTURES_DIR, inertHtml } from '../../support/detection';

// All names are invented.

function fixture(page: string): Document {
  const html = readFileSync(resolve(FIXTURES_DIR, 'google-classroom', `${page}.html`), 'utf8');
  return new DOMParser().parseFromString(inertHtml(html), 'text/html');
}

function parse(html: string): Document {
  return new DOMParser().parseFromString(`<!doctype html><body>${html}</body>`, 'text/html');
}

function find(root: ParentNode): PageCandidate[] {
  return googleClassroomAdapter.findCandidates(root);
}

function summary(candidates: PageCandidate[]): [string, string | undefined][] {
  return candidates.map((c) => [c.text, c.ids?.['google-classroom']]);
}

function required(root: ParentNode, selector: string): Element {
  const element = root.querySelector(selector);
  if (!element) throw new Error(`no ${selector}`);
  return element;
}

const HIDDEN_VIEW = 'c-wiz[aria-hidden="true"]';
const TEACHERS = ['Samuel Diallo', 'Helen Marsh'];

function peopleRow(id: string, name: string, extra = ''): string {
  return `<div role="listitem" data-current-student-id="${id}">
    <span class="YHVwkf"><span class="g2DEGd"><span id="rtsc-${id}" class="y4ihN">${name}</span>
    <span class="cSyPgb">(invited)</span></span></span>${extra}
    <a aria-label="Email student${id}@students.example" href="mailto:student${id}@students.example"></a>
  </div>`;
}

describe('Google Classroom fixtures', () => {
  it('People: the visible view only, one candidate per student, no teacher', () => {
    const doc = fixture('people');
    const candidates = find(doc);
    expect(candidates).toHaveLength(20);
    for (const c of candidates) {
      expect(c.anchor.closest(HIDDEN_VIEW)).toBeNull();
      expect(c.anchor.id.startsWith('rtsc-')).toBe(true);
      expect(TEACHERS).not.toContain(c.text);
      expect(c.text).not.toMatch(/invited/i);
    }
    // The hidden earlier view holds rows of students of this class too: none read.
    expect(doc.querySelectorAll(`${HIDDEN_VIEW} [data-current-student-id]`).length).toBe(6);
    expect(summary(candidates)).toContainEqual(['Priya Natarajan', '104829371705']);
    expect(candidates.map((c) => c.text)).not.toContain('Dylan Foster');
  });

  it('Student work: one candidate per student row; status group rows and comments skipped', () => {
    const candidates = find(fixture('student-work'));
    expect(candidates).toHaveLength(20);
    for (const c of candidates) {
      expect(c.anchor.closest('table[role="grid"][aria-label="Students"]')).not.toBeNull();
    }
    expect(summary(candidates)).toContainEqual(['Sofía Ramírez', '104829371688']);
    expect(candidates.map((c) => c.text)).not.toContain('Samuel Diallo');
  });

  it('Grades: student rows only (not the class average), the name span as anchor', () => {
    const candidates = find(fixture('grades'));
    expect(candidates).toHaveLength(20);
    expect(candidates.map((c) => c.text)).not.toContain('Class average');
    for (const c of candidates) {
      expect(c.anchor.tagName).toBe('SPAN');
      expect(c.anchor.closest(HIDDEN_VIEW)).toBeNull();
    }
  });
});

describe('Google Classroom views', () => {
  it('ignores a hidden earlier view, even when asked to read it directly', () => {
    const doc = parse(`
      <c-wiz data-view-id="old" aria-hidden="true" style="display: none; visibility: hidden;">
        <div role="list">${peopleRow('201', 'Amara Diallo')}</div>
      </c-wiz>
      <c-wiz data-view-id="now" style="visibility: visible;">
        <div role="list">${peopleRow('202', 'Kenji Watanabe-Reyes')}</div>
      </c-wiz>`);
    expect(summary(find(doc))).toEqual([['Kenji Watanabe-Reyes', '202']]);
    expect(find(required(doc, 'c-wiz[data-view-id="old"]'))).toEqual([]);
    expect(find(required(doc, '#rtsc-201'))).toEqual([]);
    // A view hidden by aria-hidden alone (style set by class) is hidden too.
    const byAria = parse(
      `<c-wiz aria-hidden="true"><div role="list">${peopleRow('203', 'Ivy Chen')}</div></c-wiz>`,
    );
    expect(find(byAria)).toEqual([]);
  });

  it('strips the hidden "(invited)" span, also when it sits inside the name', () => {
    const doc = parse(`<div role="list">
      <div role="listitem" data-current-student-id="301"><span id="rtsc-301">Priya Natarajan<span
        class="cSyPgb">(invited)</span></span></div></div>`);
    expect(summary(find(doc))).toEqual([['Priya Natarajan', '301']]);
  });

  it('never reads the Teachers section, even should its rows carry ids', () => {
    const doc = parse(`<main>
      <div><h2>Teachers</h2></div>
      <div role="list">${peopleRow('401', 'Samuel Diallo')}</div>
      <div><h2>Students</h2><span>1 student</span></div>
      <div role="list">${peopleRow('402', 'Amara Diallo')}</div></main>`);
    expect(summary(find(doc))).toEqual([['Amara Diallo', '402']]);
    // A list labelled for teachers is skipped the same way.
    const labelled = parse(
      `<div role="list" aria-label="Teachers">${peopleRow('403', 'Helen Marsh')}</div>`,
    );
    expect(find(labelled)).toEqual([]);
  });

  it('does not take an assignment title that mentions teachers for the Teachers heading', () => {
    const doc = parse(`<h1>Letter to Teachers</h1>
      <table role="grid" aria-label="Students"><tbody>
        <tr data-student-id="501"><td><div><img alt=""><span>Omar Haddad</span></div></td>
          <td><span>Turned in</span></td></tr></tbody></table>`);
    expect(summary(find(doc))).toEqual([['Omar Haddad', '501']]);
  });

  it('reads a row once when a cell inside it repeats the id, and skips initials badges', () => {
    const doc = parse(`<table><tbody><tr data-student-id="601">
      <td data-student-id="601"><span class="badge">GL</span><span>Grace Liu</span></td>
      <td><span>18</span>/20</td></tr></tbody></table>`);
    const candidates = find(doc);
    expect(summary(candidates)).toEqual([['Grace Liu', '601']]);
    // From a re-rendered cell or the name itself, the same row and anchor.
    expect(find(required(doc, 'td')).map((c) => c.anchor)).toEqual([candidates[0]?.anchor]);
    const name = required(doc, 'td span:nth-child(2)');
    expect(find(name).map((c) => c.anchor)).toEqual([name]);
  });
});
