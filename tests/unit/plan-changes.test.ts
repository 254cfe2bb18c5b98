import { describe, expect, it } from 'vitest';
import { acknowledgmentOf, planChanges } from '../../lib/card/plan-changes';
import { type Feed, parseFeed } from '../../lib/feed/schema';
import { makeFeed, makeStudent } from '../support/feed-factory';

function student(version: string, accommodations: { id: string; text: string }[]) {
  const result = parseFeed(
    makeFeed([
      makeStudent('s-1', 'Maya', 'Okafor', {
        plan: {
          type: 'IEP',
          reviewDate: '2027-03-04',
          version,
          caseManager: { name: 'Dana Whitfield' },
        },
        accommodations,
      }),
    ]),
  ) as { ok: true; feed: Feed };
  const [s] = result.feed.students;
  if (!s) throw new Error('no student');
  return s;
}

describe('planChanges', () => {
  const v1 = student('v1', [
    { id: 'a', text: 'Time and a half on tests' },
    { id: 'b', text: 'Preferential seating' },
  ]);

  it('asks for a first confirmation, then nothing until the plan changes', () => {
    expect(planChanges(v1, undefined)?.status).toBe('unconfirmed');
    expect(planChanges(v1, acknowledgmentOf(v1, new Date()))).toBeUndefined();
  });

  it('marks new, reworded and removed accommodations after a new version', () => {
    const v2 = student('v2', [
      { id: 'a', text: 'Double time on tests' },
      { id: 'c', text: 'Word bank on quizzes' },
    ]);
    expect(planChanges(v2, acknowledgmentOf(v1, new Date()))).toEqual({
      status: 'changed',
      version: 'v2',
      newIds: ['c'],
      changedIds: ['a'],
      removed: ['Preferential seating'],
    });
  });
});
