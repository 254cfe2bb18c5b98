import type { IdSystem, Student } from '../feed/schema';
import type { RosterCandidate, RosterMatch } from '../messages/protocol';
import { buildNameIndex, type NameIndex } from '../names/name-index';

/** A match as the background sees it: an ambiguous name also says whom it could be. */
export type MatchDecision =
  | Exclude<RosterMatch, { status: 'ambiguous' }>
  | { status: 'ambiguous'; studentIds: string[] };

/**
 * Decides which page candidates are feed students. An id found in the page's markup wins over
 * the name: when the feed carries ids for that system, a row whose id is not in the feed is
 * not marked even if its name looks like a feed student's.
 */
export class RosterMatcher {
  private readonly names: NameIndex;
  private readonly byPlatformId = new Map<string, string>();
  private readonly systemsWithIds = new Set<IdSystem>();

  constructor(students: readonly Student[]) {
    this.names = buildNameIndex(students);
    for (const student of students) {
      for (const [system, id] of Object.entries(student.platformIds ?? {})) {
        if (!id) continue;
        this.systemsWithIds.add(system as IdSystem);
        this.byPlatformId.set(`${system}:${id}`, student.id);
      }
    }
  }

  match(candidate: RosterCandidate): MatchDecision {
    for (const [system, id] of Object.entries(candidate.ids ?? {})) {
      if (!id || !this.systemsWithIds.has(system as IdSystem)) continue;
      const studentId = this.byPlatformId.get(`${system}:${id}`);
      return studentId ? { status: 'student', studentId } : { status: 'none' };
    }
    const byName = this.names.lookup(candidate.text);
    if (byName.kind === 'student') return { status: 'student', studentId: byName.studentId };
    if (byName.kind === 'ambiguous') return { status: 'ambiguous', studentIds: byName.studentIds };
    return { status: 'none' };
  }
}
