// @vitest-environment happy-dom
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { infiniteCampusAdapter } from '../../../lib/sites/infinite-campus';
import { adapterFor } from '../../../lib/sites/registry';
import type { PageCandidate } from '../../../lib/sites/types';

// All names are invented.
const FIXTURES = resolve(import.meta.dirname, '../../fixtures/infinite-campus');

/** Parses a saved page without what happy-dom would try to load (styles, frames). */
function parse(html: string): Document {
  const inert = html.replace(/<link\b[^>]*>/gi, '').replace(/<(\/?)iframe\b/gi, '<$1saved-iframe');
  return new DOMParser().parseFromString(inert, 'text/html');
}

function fixture(page: string): Document {
  return parse(readFileSync(resolve(FIXTURES, `${page}.html`), 'utf8'));
}

function summary(candidates: PageCandidate[]): [string, string | undefined][] {
  return candidates.map((c) => [c.text, c.ids?.['infinite-campus']]);
}

function required<T>(value: T | null | undefined, what: string): T {
  if (value === null || value === undefined) throw new Error(`missing ${what}`);
  return value;
}

function gradeBookRow(personId: number, inner: string, section = 33107): string {
  return `<table><tbody><tr class="studentTR" id="studentTR${section}_${personId}">
    <td><span class="studentName">${inner}</span></td>
    <td id="score90511_${section}_${personId}"><input value="7"></td></tr></tbody></table>`;
}

describe('Infinite Campus adapter', () => {
  it('reads every grade book row with its personID', () => {
    const candidates = infiniteCampusAdapter.findCandidates(fixture('grade-book'));
    expect(candidates).toHaveLength(24);
    expect(summary(candidates)).toContainEqual(['Moreau, Élodie C', '71001']);
    expect(summary(candidates)).toContainEqual(['Okonkwo, Chukwuemeka (Emeka)', '71002']);
    expect(candidates.every((c) => /^student_\d+$/.test(c.anchor.id))).toBe(true);
    // The teacher (header) and the counselor (detail template) are never read.
    expect(candidates.map((c) => c.text).some((t) => /Daniel|Patel/.test(t))).toBe(false);
  });

  it('skips the hidden detail template row and the detail pane, which repeat names without ids', () => {
    const doc = fixture('grade-book');
    const template = required(doc.querySelector('#studentTRDetailTemplate'), 'template row');
    const pane = required(doc.querySelector('#studentDetailPane'), 'detail pane');
    expect(infiniteCampusAdapter.findCandidates(template)).toEqual([]);
    expect(infiniteCampusAdapter.findCandidates(pane)).toEqual([]);
    const all = infiniteCampusAdapter.findCandidates(doc);
    expect(all.filter((c) => c.text === 'Okonkwo, Chukwuemeka (Emeka)')).toHaveLength(1);
    expect(all.some((c) => template.contains(c.anchor) || pane.contains(c.anchor))).toBe(false);
  });

  it('skips a template row even when its link carries an id', () => {
    const doc = parse(`<table><tbody>
      <tr class="studentTR" id="studentTRDetailTemplate" style="display:none"><td>
        <span class="studentName"><a id="student_71002">Okonkwo, Chukwuemeka (Emeka)</a></span>
      </td></tr></tbody></table>`);
    expect(infiniteCampusAdapter.findCandidates(doc)).toEqual([]);
  });

  it('drops the "New Student" suffix of a newly added student', () => {
    const fromFixture = summary(infiniteCampusAdapter.findCandidates(fixture('grade-book')));
    expect(fromFixture).toContainEqual(['Salas-Ibarra, Lucía M', '71004']);
    expect(fromFixture).toContainEqual(['Grünewald, Till', '71017']);
    for (const inner of [
      '<a id="student_71004" class="addedStudent">Salas-Ibarra, Lucía M New Student</a>',
      '<a id="student_71004" class="addedStudent">Salas-Ibarra, Lucía M <span class="newStudent">New Student</span></a>',
      '<a id="student_71004" class="addedStudent">Salas-Ibarra, Lucía M (New Student)</a>',
    ]) {
      const doc = parse(gradeBookRow(71004, inner));
      expect(summary(infiniteCampusAdapter.findCandidates(doc))).toEqual([
        ['Salas-Ibarra, Lucía M', '71004'],
      ]);
    }
  });

  it('reads a re-rendered row from the row, the name span, the link or a text inside the link', () => {
    const doc = parse(
      gradeBookRow(
        71004,
        '<a id="student_71004" class="addedStudent">Salas-Ibarra, Lucía M <span>New Student</span></a>',
      ),
    );
    const link = required(doc.querySelector('a'), 'link');
    const roots = [
      required(doc.querySelector('tr'), 'row'),
      required(doc.querySelector('span.studentName'), 'name span'),
      link,
      required(link.querySelector('span'), 'suffix span'),
    ];
    for (const root of roots) {
      const found = infiniteCampusAdapter.findCandidates(root);
      expect(summary(found)).toEqual([['Salas-Ibarra, Lucía M', '71004']]);
      expect(found[0]?.anchor).toBe(link);
    }
    // A score cell of the same row holds no name.
    expect(
      infiniteCampusAdapter.findCandidates(required(doc.querySelector('td[id^="score"]'), 'score')),
    ).toEqual([]);
  });

  it('ignores a row whose id names another person than its link', () => {
    const doc = parse(gradeBookRow(71001, '<a id="student_71099">Moreau, Élodie C</a>'));
    expect(infiniteCampusAdapter.findCandidates(doc)).toEqual([]);
  });

  it('reads nothing in the frames around the grade book, which it claims', () => {
    for (const [page, path] of [
      ['staff-grade-book', '/campus/nav-wrapper/staff/instruction/grade-book'],
      ['instruction-workspace', '/campus/apps/instruction'],
    ] as const) {
      const url = new URL(`https://larkspurco.infinitecampus.org${path}`);
      expect(adapterFor(url, 'infinite-campus')).toBe(infiniteCampusAdapter);
      expect(infiniteCampusAdapter.findCandidates(fixture(page))).toEqual([]);
    }
  });
});
