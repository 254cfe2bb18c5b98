import type { Student } from '../feed/schema';
import type { RosterCandidate, RosterMatch } from '../messages/protocol';
import { reminderTimeline } from '../services/reminder-timeline';
import { sessionsBetween } from '../services/schedule';
import { localDay } from '../services/today';
import type { RosterMatcher } from './roster-matcher';

export interface Ambiguity {
  text: string;
  studentIds: string[];
}

export interface CandidateAnswers {
  /** What the content script gets: no ids for ambiguous names, no records. */
  results: RosterMatch[];
  matchedIds: string[];
  ambiguities: Ambiguity[];
}

/**
 * Answers a content script's candidates: which are feed students, with today's reminder
 * timeline for each; ambiguous names are answered without saying whom they could be.
 */
export function answerCandidates(
  candidates: readonly RosterCandidate[],
  feed: { matcher: RosterMatcher; byId: Map<string, Student>; timeZone: string } | null,
  soonMinutes: number,
  now: Date,
): CandidateAnswers {
  const matchedIds: string[] = [];
  const ambiguities: Ambiguity[] = [];
  const today = feed ? localDay(now, feed.timeZone).date : '';
  const results = candidates.map((candidate): RosterMatch => {
    if (!feed) return { status: 'none' };
    const decision = feed.matcher.match(candidate);
    if (decision.status === 'ambiguous') {
      ambiguities.push({ text: candidate.text, studentIds: decision.studentIds });
      return { status: 'ambiguous' };
    }
    if (decision.status !== 'student') return decision;
    matchedIds.push(decision.studentId);
    const services = feed.byId.get(decision.studentId)?.services ?? [];
    if (services.length === 0) return decision;
    const sessions = sessionsBetween(services, today, today, feed.timeZone);
    return { ...decision, reminders: reminderTimeline(sessions, soonMinutes) };
  });
  return { results, matchedIds, ambiguities };
}
