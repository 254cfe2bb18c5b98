import { describe, expect, it } from 'vitest';
import { type Feed, parseFeed } from '../../lib/feed/schema';
import { answerCandidates } from '../../lib/matching/answer-candidates';
import { RosterMatcher } from '../../lib/matching/roster-matcher';
import { makeFeed, makeStudent } from '../support/feed-factory';

function feedOf(...students: ReturnType<typeof makeStudent>[]): Feed {
  const result = parseFeed(makeFeed(students));
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.feed;
}

describe('answerCandidates', () => {
  const feed = feedOf(
    makeStudent('a', 'Jordan', 'Lee'),
    makeStudent('b', 'Jordan', 'Lee'),
    makeStudent('c', 'Maya', 'Okafor'),
  );
  const context = {
    matcher: new RosterMatcher(feed.students),
    byId: new Map(feed.students.map((s) => [s.id, s])),
    timeZone: 'America/Chicago',
  };

  it('tells the page only "ambiguous", and keeps whom it could be for the background', () => {
    const answers = answerCandidates(
      [{ text: 'Jordan Lee' }, { text: 'Maya Okafor' }, { text: 'Ms. Teacher' }],
      context,
      15,
      new Date('2026-12-01T15:00:00Z'),
    );
    expect(answers.results).toEqual([
      { status: 'ambiguous' },
      { status: 'student', studentId: 'c' },
      { status: 'none' },
    ]);
    expect(JSON.stringify(answers.results)).not.toContain('"a"');
    expect(answers.matchedIds).toEqual(['c']);
    expect(answers.ambiguities).toEqual([{ text: 'Jordan Lee', studentIds: ['a', 'b'] }]);
  });

  it('answers nothing without a usable feed', () => {
    const answers = answerCandidates([{ text: 'Maya Okafor' }], null, 15, new Date());
    expect(answers).toEqual({ results: [{ status: 'none' }], matchedIds: [], ambiguities: [] });
  });
});
