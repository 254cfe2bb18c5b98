// @vitest-environment happy-dom
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { synergyAdapter } from '../../../lib/sites/synergy';
import type { PageCandidate } from '../../../lib/sites/types';

// All names are invented.
const FIXTURE = resolve(import.meta.dirname, '../../fixtures/synergy/grade-book.html');

/** Parses a saved page without what happy-dom would try to load (styles, frames). */
function parse(html: string): Document {
  const inert = html.replace(/<link\b[^>]*>/gi, '').replace(/<(\/?)iframe\b/gi, '<$1saved-iframe');
  return new DOMParser().parseFromString(inert, 'text/html');
}

function summary(candidates: PageCandidate[]): [string, string | undefined][] {
  return candidates.map((c) => [c.text, c.ids?.synergy]);
}

function required<T>(value: T | null | undefined, what: string): T {
  if (value === null || value === undefined) throw new Error(`missing ${what}`);
  return value;
}

function nameSpan(doc: ParentNode, text: string): Element {
  return required(
    [...doc.querySelectorAll('span[id$="_lbl_studentLastFirst"]')].find(
      (span) => span.textContent === text,
    ),
    text,
  );
}

/** The two GridViews of the grade book, names and scores, as ASP.NET writes them. */
function gradeBook(names: string[], ids: string[]): Document {
  const nameRows = names
    .map(
      (name, i) =>
        `<tr class="cSGR"><td><span id="ctl00_cphbody_gv_StudentsScores_ctl${String(i + 2).padStart(2, '0')}_lbl_studentLastFirst">${name}</span></td></tr>`,
    )
    .join('');
  const scoreRows = ids.map((id) => `<tr class="cAGR" studentid="${id}"><td>9</td></tr>`).join('');
  return parse(`<table id="ctl00_cphbody_gv_StudentsScores">
      <tr class="GB_StudentHeader"><th>Student Name</th></tr>${nameRows}
      <tr class="GB_StudentFooter"><td><span id="x_lbl_studentLastFirst">Class Average</span></td></tr>
    </table>
    <table id="ctl00_cphbody_GV_Assignments">
      <tr class="GB_AssignmentHeader"><th>Essay</th></tr>${scoreRows}<tr><td>9.0</td></tr>
    </table>`);
}

describe('Synergy adapter', () => {
  it('marks the name span and takes each id from the score row at the same index', () => {
    const doc = parse(readFileSync(FIXTURE, 'utf8'));
    const candidates = synergyAdapter.findCandidates(doc);
    expect(candidates).toHaveLength(20);
    const scoreIds = [...doc.querySelectorAll('#ctl00_cphbody_GV_Assignments tr[studentid]')].map(
      (row) => row.getAttribute('studentid'),
    );
    expect(candidates.map((c) => c.ids?.synergy)).toEqual(scoreIds);
    expect(candidates.every((c) => c.anchor.id.endsWith('_lbl_studentLastFirst'))).toBe(true);
    // The teacher in the class focus label is never read.
    expect(
      candidates.some((c) => c.text.includes('Howard') || c.text.includes('Lindgren, H')),
    ).toBe(false);
  });

  it('finds the aligned id from a single re-rendered row or the span itself', () => {
    const doc = gradeBook(
      ['Adeyemi, Tolu', 'Lindgren, Elin', 'Lindgren, Axel'],
      ['G-1', 'G-2', 'G-3'],
    );
    const elin = nameSpan(doc, 'Lindgren, Elin');
    for (const root of [required(elin.closest('tr'), 'row'), elin]) {
      expect(summary(synergyAdapter.findCandidates(root))).toEqual([['Lindgren, Elin', 'G-2']]);
    }
    expect(summary(synergyAdapter.findCandidates(nameSpan(doc, 'Lindgren, Axel')))).toEqual([
      ['Lindgren, Axel', 'G-3'],
    ]);
  });

  it('skips header and footer rows on both sides', () => {
    const doc = gradeBook(['Adeyemi, Tolu', 'Bianchi, Giulia'], ['G-1', 'G-2']);
    expect(summary(synergyAdapter.findCandidates(doc))).toEqual([
      ['Adeyemi, Tolu', 'G-1'],
      ['Bianchi, Giulia', 'G-2'],
    ]);
  });

  it('gives no ids when the two tables do not line up (half-rendered postback)', () => {
    const doc = gradeBook(
      ['Adeyemi, Tolu', 'Bianchi, Giulia', 'Carvalho, Beatriz'],
      ['G-1', 'G-2'],
    );
    expect(summary(synergyAdapter.findCandidates(doc))).toEqual([
      ['Adeyemi, Tolu', undefined],
      ['Bianchi, Giulia', undefined],
      ['Carvalho, Beatriz', undefined],
    ]);
  });

  it('reads a name span outside the grade book by name only', () => {
    const doc = parse(
      '<div><span id="ctl00_cphbody_rpt_ctl03_lbl_studentLastFirst">Yamamoto, Kenji</span></div>',
    );
    expect(summary(synergyAdapter.findCandidates(doc))).toEqual([['Yamamoto, Kenji', undefined]]);
  });
});
