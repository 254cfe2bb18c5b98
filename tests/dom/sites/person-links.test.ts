// @vitest-environment happy-dom
/**
 * Moodle, RosarioSIS and openSIS read names with the person's id from profile links in roster
 * rows (lib/sites/generic.ts findCandidatesWithPersonLinks); everything else by name. All names
 * are invented.
 */
import { describe, expect, it } from 'vitest';
import { findNameCandidates } from '../../../lib/sites/generic';
import { moodleAdapter } from '../../../lib/sites/moodle';
import { opensisAdapter } from '../../../lib/sites/opensis';
import { rosariosisAdapter } from '../../../lib/sites/rosariosis';
import type { PageCandidate } from '../../../lib/sites/types';

/** Builds the page from markup (tests only) under a base URL so relative links resolve. */
function page(html: string, base = 'https://sis.district.example/'): Document {
  return new DOMParser().parseFromString(
    `<html><head><base href="${base}"></head><body>${html}</body></html>`,
    'text/html',
  );
}

function read(candidates: PageCandidate[]) {
  return candidates.map(({ anchor, text, ids }) => ({
    tag: anchor.tagName.toLowerCase(),
    text,
    ...(ids ? { ids } : {}),
  }));
}

describe('Moodle', () => {
  const base = 'https://learn.district.example/';
  const row = (id: number, name: string, initials: string) =>
    `<tr><td><label class="accesshide" for="u${id}">Select '${name}'</label><input id="u${id}" type="checkbox"></td>` +
    `<th><a href="https://learn.district.example/user/view.php?id=${id}&amp;course=12"><span class="userinitials">${initials}</span>${name}</a></th>` +
    `<td>${name.split(' ')[0]?.toLowerCase()}@district.invalid</td></tr>`;

  it('reads each row name with its Moodle id, without the initials badge', () => {
    const doc = page(`<table><tbody>${row(105, 'Amara Osei-Bonsu', 'AO')}</tbody></table>`, base);
    expect(read(moodleAdapter.findCandidates(doc))).toEqual([
      { tag: 'a', text: 'Amara Osei-Bonsu', ids: { moodle: '105' } },
    ]);
  });

  it('reads a name outside roster rows by name only (the user menu, "logged in as")', () => {
    const doc = page(
      '<div class="logininfo">You are logged in as <a href="/user/profile.php?id=3">Ruth Teacherson</a></div>' +
        '<p><a href="/user/view.php?id=105&amp;course=12">Amara Osei-Bonsu</a></p>',
      base,
    );
    const links = read(moodleAdapter.findCandidates(doc)).filter((c) => c.tag === 'a');
    expect(links).toEqual([
      { tag: 'a', text: 'Ruth Teacherson' },
      { tag: 'a', text: 'Amara Osei-Bonsu' },
    ]);
  });

  it('ignores links to other pages that carry an id (courses, activities)', () => {
    const doc = page(
      '<table><tr><td><a href="/course/view.php?id=12">Biology Nine</a></td>' +
        '<td><a href="/mod/assign/view.php?id=48">Lab Report</a></td></tr></table>',
      base,
    );
    expect(read(moodleAdapter.findCandidates(doc)).every((c) => !('ids' in c))).toBe(true);
  });

  it('reads a re-rendered link from a change inside it', () => {
    const doc = page(`<table><tbody>${row(106, 'Björn Lindqvist', 'BL')}</tbody></table>`, base);
    const initials = doc.querySelector('.userinitials') as Element;
    expect(read(moodleAdapter.findCandidates(initials))).toEqual([
      { tag: 'a', text: 'Björn Lindqvist', ids: { moodle: '106' } },
    ]);
  });
});

describe('RosarioSIS and openSIS', () => {
  it('read list rows with the student_id of their link', () => {
    const doc = page(
      '<table class="list"><tbody>' +
        '<tr><td><a href="Modules.php?modname=Students/Student.php&amp;student_id=41">Adaeze Okonkwo</a></td><td>41</td></tr>' +
        '<tr><td><a href="Modules.php?modname=Students/Student.php&amp;student_id=new">Add a Student</a></td></tr>' +
        '</tbody></table><span class="username">Marguerite Ellingsworth</span>',
    );
    expect(read(rosariosisAdapter.findCandidates(doc))).toEqual([
      { tag: 'a', text: 'Adaeze Okonkwo', ids: { rosariosis: '41' } },
      { tag: 'a', text: 'Add a Student' },
      { tag: 'span', text: 'Marguerite Ellingsworth' },
    ]);
  });

  it('put the marker after the whole openSIS link, not inside it', () => {
    const doc = page(
      '<table><tr><td><div id="LOy1"><a href="Modules.php?modname=grades/Grades.php&amp;student_id=61"><b>Ramaswamy, Aditi</b></a></div></td></tr></table>',
    );
    expect(read(opensisAdapter.findCandidates(doc))).toEqual([
      { tag: 'a', text: 'Ramaswamy, Aditi', ids: { opensis: '61' } },
    ]);
  });

  it('read plain-text names (attendance) by name', () => {
    const doc = page(
      '<table><tr><td><div id="LOy1">Lefèvre, Bastien<div></div></div></td><td>62</td></tr></table>',
    );
    expect(read(opensisAdapter.findCandidates(doc))).toEqual([
      { tag: 'div', text: 'Lefèvre, Bastien' },
    ]);
  });
});

describe('text for screen readers only', () => {
  it('is never a candidate: it repeats a visible name', () => {
    const doc = page(
      '<table><tr><td><a href="#">Amara Osei-Bonsu</a><span class="sr-only">Amara Osei-Bonsu</span>' +
        '<span class="visually-hidden">Amara Osei-Bonsu</span></td></tr></table>',
    );
    expect(read(findNameCandidates(doc))).toEqual([{ tag: 'a', text: 'Amara Osei-Bonsu' }]);
  });
});
