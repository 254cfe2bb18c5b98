import { describe, expect, it } from 'vitest';
import { type FeedInput, parseFeed, type Student } from '../../lib/feed/schema';
import { RosterMatcher } from '../../lib/matching/roster-matcher';
import { defaultStudents, makeFeed, makeStudent } from '../support/feed-factory';

// All names are invented.
function studentsOf(students: FeedInput['students']): Student[] {
  const result = parseFeed(makeFeed(students));
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.feed.students;
}

describe('RosterMatcher', () => {
  // s-1 Maya Okafor (canvas 101), s-2 Thảo Nguyễn (canvas 102),
  // s-3 Alexander "Sasha" Brennan-Ortiz (canvas 103).
  const matcher = new RosterMatcher(studentsOf(defaultStudents()));

  it('matches names without ids in the usual written forms', () => {
    expect(matcher.match({ text: 'Maya Okafor' })).toEqual({ status: 'student', studentId: 's-1' });
    expect(matcher.match({ text: 'Okafor, Maya' })).toEqual({
      status: 'student',
      studentId: 's-1',
    });
    expect(matcher.match({ text: 'Thao Nguyen' })).toEqual({ status: 'student', studentId: 's-2' });
    expect(matcher.match({ text: 'Sasha Brennan-Ortiz' })).toEqual({
      status: 'student',
      studentId: 's-3',
    });
  });

  it('reports none for unknown names and partial names', () => {
    expect(matcher.match({ text: 'Someone Else' })).toEqual({ status: 'none' });
    expect(matcher.match({ text: 'Maya' })).toEqual({ status: 'none' });
    expect(matcher.match({ text: '' })).toEqual({ status: 'none' });
  });

  it('lets an id in the markup win over the name when the text shares a word with it', () => {
    // "Kit" is no name the feed knows for Sasha, but the id and the surname agree.
    expect(matcher.match({ text: 'Kit Brennan-Ortiz', ids: { canvas: '103' } })).toEqual({
      status: 'student',
      studentId: 's-3',
    });
    expect(matcher.match({ text: 'Nguyen, T.', ids: { canvas: '102' } })).toEqual({
      status: 'student',
      studentId: 's-2',
    });
  });

  it("does not mark a link with a student's id whose text is about something else", () => {
    // Moodle's course profile links carry the user's id and read as the course's name.
    expect(matcher.match({ text: 'Grade 8 Mathematics', ids: { canvas: '103' } })).toEqual({
      status: 'none',
    });
    // A row that reads as another feed student than its id says: neither card is shown.
    expect(matcher.match({ text: 'Maya Okafor', ids: { canvas: '102' } })).toEqual({
      status: 'none',
    });
  });

  it("does not mark a row whose id differs from the same-named student's", () => {
    expect(matcher.match({ text: 'Maya Okafor', ids: { canvas: '999' } })).toEqual({
      status: 'none',
    });
  });

  it('reads a row with an unknown id by name, as a student the feed has no id for', () => {
    const students = studentsOf([
      makeStudent('s-1', 'Maya', 'Okafor', { platformIds: { canvas: '101' } }),
      makeStudent('s-9', 'Rowan', 'Pike'),
    ]);
    const partial = new RosterMatcher(students);
    // Rowan's Canvas id is not in the feed yet (new students are synced late): the name counts.
    expect(partial.match({ text: 'Rowan Pike', ids: { canvas: '555' } })).toEqual({
      status: 'student',
      studentId: 's-9',
    });
    // Maya's Canvas id is 101, so a Maya Okafor with id 556 is someone else.
    expect(partial.match({ text: 'Maya Okafor', ids: { canvas: '556' } })).toEqual({
      status: 'none',
    });
  });

  it('leaves out of an ambiguous name the students whose id for that system differs', () => {
    const students = studentsOf([
      makeStudent('s-1', 'Maya', 'Okafor', { platformIds: { canvas: '101' } }),
      makeStudent('s-2', 'Maya', 'Okafor'),
      makeStudent('s-3', 'Maya', 'Okafor'),
    ]);
    const twins = new RosterMatcher(students);
    expect(twins.match({ text: 'Maya Okafor', ids: { canvas: '777' } })).toEqual({
      status: 'ambiguous',
      studentIds: ['s-2', 's-3'],
    });
    const pair = new RosterMatcher(students.slice(0, 2));
    expect(pair.match({ text: 'Maya Okafor', ids: { canvas: '777' } })).toEqual({
      status: 'student',
      studentId: 's-2',
    });
    expect(pair.match({ text: 'Maya Okafor' })).toEqual({
      status: 'ambiguous',
      studentIds: ['s-1', 's-2'],
    });
  });

  it('falls back to the name for ids of a system the feed does not use', () => {
    expect(matcher.match({ text: 'Maya Okafor', ids: { schoology: '77' } })).toEqual({
      status: 'student',
      studentId: 's-1',
    });
    expect(matcher.match({ text: 'Someone Else', ids: { powerschool: '101' } })).toEqual({
      status: 'none',
    });
  });

  it('skips ids of unused systems and decides by the id of a used one', () => {
    expect(
      matcher.match({ text: 'A. Brennan-Ortiz', ids: { schoology: '77', canvas: '103' } }),
    ).toEqual({ status: 'student', studentId: 's-3' });
  });

  it('keeps the systems apart: an id is only looked up in its own system', () => {
    const students = studentsOf([
      makeStudent('s-1', 'Maya', 'Okafor', { platformIds: { canvas: '101', sis: '900' } }),
      makeStudent('s-2', 'Rowan', 'Pike', { platformIds: { canvas: '900', sis: '101' } }),
    ]);
    const bySystem = new RosterMatcher(students);
    expect(bySystem.match({ text: 'M. Okafor', ids: { sis: '900' } })).toEqual({
      status: 'student',
      studentId: 's-1',
    });
    expect(bySystem.match({ text: 'R. Pike', ids: { canvas: '900' } })).toEqual({
      status: 'student',
      studentId: 's-2',
    });
  });

  it('reports ambiguous names as ambiguous, not as either student', () => {
    const students = studentsOf([
      makeStudent('s-a', 'Jordan', 'Lee'),
      makeStudent('s-b', 'Jordan', 'Lee', { grade: '08' }),
      makeStudent('s-c', 'Maya', 'Okafor'),
    ]);
    const twins = new RosterMatcher(students);
    // The background learns whom it could be (for the cards); the page is never told.
    const ambiguous = { status: 'ambiguous', studentIds: ['s-a', 's-b'] };
    expect(twins.match({ text: 'Jordan Lee' })).toEqual(ambiguous);
    expect(twins.match({ text: 'Lee, Jordan' })).toEqual(ambiguous);
    expect(twins.match({ text: 'Maya Okafor' })).toEqual({ status: 'student', studentId: 's-c' });
  });

  it('resolves an ambiguous name through an id in the markup', () => {
    const students = studentsOf([
      makeStudent('s-a', 'Jordan', 'Lee', { platformIds: { canvas: '1' } }),
      makeStudent('s-b', 'Jordan', 'Lee', { platformIds: { canvas: '2' } }),
    ]);
    const twins = new RosterMatcher(students);
    expect(twins.match({ text: 'Jordan Lee', ids: { canvas: '2' } })).toEqual({
      status: 'student',
      studentId: 's-b',
    });
  });

  it('matches nothing with an empty feed', () => {
    const empty = new RosterMatcher([]);
    expect(empty.match({ text: 'Maya Okafor' })).toEqual({ status: 'none' });
    expect(empty.match({ text: 'Maya Okafor', ids: { canvas: '101' } })).toEqual({
      status: 'none',
    });
  });
});
