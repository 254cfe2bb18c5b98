// @vitest-environment happy-dom
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { skywardAdapter } from '../../../lib/sites/skyward';

// All names are invented.
const FIXTURE = resolve(import.meta.dirname, '../../fixtures/skyward/gradebook-scores.html');

/** Parses a saved page without what happy-dom would try to load (styles, frames). */
function parse(html: string): Document {
  const inert = html.replace(/<link\b[^>]*>/gi, '').replace(/<(\/?)iframe\b/gi, '<$1saved-iframe');
  return new DOMParser().parseFromString(inert, 'text/html');
}

function texts(root: ParentNode): string[] {
  return skywardAdapter.findCandidates(root).map((c) => c.text);
}

function required<T>(value: T | null | undefined, what: string): T {
  if (value === null || value === undefined) throw new Error(`missing ${what}`);
  return value;
}

describe('Skyward adapter', () => {
  it('reads student links in the grid and no staff, though both are .notranslate', () => {
    const doc = parse(readFileSync(FIXTURE, 'utf8'));
    const found = texts(doc);
    expect(found).toContain('Ashford, Leo');
    expect(found).toContain('Bell, Harmony G');
    expect(found).toContain('Kovač, Luka');
    // Teacher (header, "Teacher:" label), advisors (column) and the counselor (e-mail link).
    for (const staff of ['Ashford, Gregory', 'Kimura, Dana', 'Obi, Nnamdi']) {
      expect(found).not.toContain(staff);
    }
    // Menus are chrome.
    expect(found).not.toContain('Home');
    const anchors = skywardAdapter.findCandidates(doc).filter((c) => c.text.includes(','));
    expect(anchors.every((c) => c.anchor.matches('a.notranslate'))).toBe(true);
  });

  it('reads one re-rendered cell or row', () => {
    const doc = parse(readFileSync(FIXTURE, 'utf8'));
    const link = required(
      [...doc.querySelectorAll('#grid_scores a')].find(
        (a) => a.textContent === 'Rivera-Cho, Samuel',
      ),
      'link',
    );
    const row = required(link.closest('tr'), 'row');
    expect(texts(row)).toEqual(['Rivera-Cho, Samuel']); // The advisor cell of the row is skipped.
    expect(texts(required(link.closest('td'), 'cell'))).toEqual(['Rivera-Cho, Samuel']);
    expect(texts(link)).toEqual(['Rivera-Cho, Samuel']);
  });

  it('uses the cell or its .notranslate wrapper as the anchor when there is no link', () => {
    const doc = parse(`<table><tbody>
      <tr><td><span class="notranslate">Papadopoulos, Eleni</span></td><td>11</td></tr>
      <tr><td>Whitaker, June</td><td>11</td></tr></tbody></table>`);
    const found = skywardAdapter.findCandidates(doc);
    expect(found.map((c) => [c.text, c.anchor.tagName])).toEqual([
      ['Papadopoulos, Eleni', 'SPAN'],
      ['Whitaker, June', 'TD'],
    ]);
  });

  it('skips cells and rows that say staff by class, id or label', () => {
    const doc = parse(`<table><tbody>
      <tr class="teacherRow"><td>Ashford, Gregory</td></tr>
      <tr><td class="staffName">Kimura, Dana</td></tr>
      <tr><th>Instructor</th><td>Obi, Nnamdi</td></tr>
      <tr><td>Student:</td><td>Kovač, Luka</td></tr></tbody></table>`);
    expect(texts(doc)).toEqual(['Kovač, Luka']);
  });

  it('never reads page chrome or header cells', () => {
    const doc = parse(`<div id="sf_Header"><a href="#">Ashford, Gregory</a></div>
      <ul id="sf_navMenu"><li><a href="#">Kimura, Dana</a></li></ul>
      <table><thead><tr><th>Obi, Nnamdi</th></tr></thead><tbody><tr><td>Fontaine, Leo</td></tr></tbody></table>
      <ul class="roster"><li><a href="javascript:void(0)">Mendoza, Rosa</a></li></ul>`);
    expect(texts(doc)).toEqual(['Fontaine, Leo', 'Mendoza, Rosa']);
  });
});
