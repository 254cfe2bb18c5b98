// @vitest-environment happy-dom
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { aeriesAdapter } from '../../../lib/sites/aeries';
import type { PageCandidate } from '../../../lib/sites/types';

// All names are invented.
const FIXTURE = resolve(import.meta.dirname, '../../fixtures/aeries/scores-by-class.html');

/** Parses a saved page without what happy-dom would try to load (styles, frames). */
function parse(html: string): Document {
  const inert = html.replace(/<link\b[^>]*>/gi, '').replace(/<(\/?)iframe\b/gi, '<$1saved-iframe');
  return new DOMParser().parseFromString(inert, 'text/html');
}

function summary(candidates: PageCandidate[]): [string, string | undefined][] {
  return candidates.map((c) => [c.text, c.ids?.aeries]);
}

function required<T>(value: T | null | undefined, what: string): T {
  if (value === null || value === undefined) throw new Error(`missing ${what}`);
  return value;
}

describe('Aeries adapter', () => {
  it('reads the students table with data-stuid, not the score table beside it', () => {
    const doc = parse(readFileSync(FIXTURE, 'utf8'));
    const candidates = aeriesAdapter.findCandidates(doc);
    expect(candidates).toHaveLength(20);
    expect(summary(candidates)).toContainEqual(['St. Clair, Naomi', '120537']);
    expect(summary(candidates)).toContainEqual(['Đặng, Minh', '120477']);
    const students = required(doc.querySelector('table.students'), 'students table');
    expect(candidates.every((c) => students.contains(c.anchor))).toBe(true);
    expect(candidates.every((c) => c.anchor.tagName === 'A')).toBe(true);
    // The teacher in the header and the co-teacher line are never read.
    expect(candidates.some((c) => /Patricia|Robert|Beatriz/.test(c.text))).toBe(false);
  });

  it('reads a row from any part of it', () => {
    const doc = parse(`<table class="students"><tbody>
      <tr class="row" data-stuid="120520" data-sn="1247"><td class="num">13</td>
        <td class="name"><a href="/teacher/gradebook/4312/ScoresByStudent/1247/994">Ortega-Ruiz, Camila</a></td>
        <td class="gr">10</td></tr></tbody></table>`);
    const link = required(doc.querySelector('a'), 'link');
    for (const root of [
      required(doc.querySelector('tr'), 'row'),
      required(doc.querySelector('td.gr'), 'cell'),
      link,
    ]) {
      const found = aeriesAdapter.findCandidates(root);
      expect(summary(found)).toEqual([['Ortega-Ruiz, Camila', '120520']]);
      expect(found[0]?.anchor).toBe(link);
    }
  });

  it('falls back to the name cell when the name is not a link', () => {
    const doc = parse(`<table class="students"><tbody>
      <tr class="row" data-stuid="120455" data-sn="1187"><td>1</td><td>Abara, Ifeoma</td><td>10</td></tr>
      </tbody></table>`);
    const found = aeriesAdapter.findCandidates(doc);
    expect(summary(found)).toEqual([['Abara, Ifeoma', '120455']]);
    expect(found[0]?.anchor.tagName).toBe('TD');
  });

  it('ignores rows with a student id outside the students table', () => {
    const doc = parse(`<table class="scores"><tbody>
      <tr class="row" data-stuid="120455" data-sn="1187"><td>Abara, Ifeoma</td></tr></tbody></table>`);
    expect(aeriesAdapter.findCandidates(doc)).toEqual([]);
  });
});
