import type { Student } from '../feed/schema';
import type { RosterCandidate, RosterMatch } from '../messages/protocol';
import { buildNameIndex, type NameIndex } from '../names/name-index';
import { foldCase, stripDiacritics, unifyPunctuation } from '../names/normalize';

/** The words of a name or a text as a reader compares them: case, accents, punctuation aside. */
function nameWords(text: string): string[] {
  return stripDiacritics(foldCase(unifyPunctuation(text)))
    .replace(/'/g, '')
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word.length > 1);
}

/** A match as the background sees it: an ambiguous name also says whom it could be. */
export type MatchDecision =
  | Exclude<RosterMatch, { status: 'ambiguous' }>
  | { status: 'ambiguous'; studentIds: string[] };

/**
 * Decides which page candidates are feed students. An id found in the page's markup wins over
 * the name, as long as the text shares a word with that student's name: a link that carries a
 * student's id but reads "Grade 8 Mathematics" (Moodle's course profile links) is about
 * something else. A row whose id is in no feed student's record is read by name, but only as a
 * student the feed has no id for in that system (districts sync ids late for new students):
 * a same-named student with another id is someone else.
 */
export class RosterMatcher {
  private readonly names: NameIndex;
  private readonly byPlatformId = new Map<string, string>();
  /** "system:studentId" of every student whose record carries an id for that system. */
  private readonly hasIdIn = new Set<string>();
  /** The words of each student's names (given, middle, family, preferred), for id matches. */
  private readonly wordsOf = new Map<string, Set<string>>();

  constructor(students: readonly Student[]) {
    this.names = buildNameIndex(students);
    for (const student of students) {
      for (const [system, id] of Object.entries(student.platformIds ?? {})) {
        if (!id) continue;
        this.byPlatformId.set(`${system}:${id}`, student.id);
        this.hasIdIn.add(`${system}:${student.id}`);
      }
      const { given, middle, family, preferred } = student.name;
      const words = nameWords([given, middle, family, preferred].filter(Boolean).join(' '));
      this.wordsOf.set(student.id, new Set(words));
    }
  }

  match(candidate: RosterCandidate): MatchDecision {
    const systems: string[] = [];
    for (const [system, id] of Object.entries(candidate.ids ?? {})) {
      if (!id) continue;
      const studentId = this.byPlatformId.get(`${system}:${id}`);
      if (studentId) {
        const words = this.wordsOf.get(studentId);
        const named = nameWords(candidate.text).some((word) => words?.has(word));
        return named ? { status: 'student', studentId } : { status: 'none' };
      }
      systems.push(system);
    }
    const byName = this.names.lookup(candidate.text);
    if (byName.kind === 'none') return { status: 'none' };
    const named = byName.kind === 'student' ? [byName.studentId] : byName.studentIds;
    const withoutOtherId = named.filter(
      (studentId) => !systems.some((system) => this.hasIdIn.has(`${system}:${studentId}`)),
    );
    if (withoutOtherId.length === 0) return { status: 'none' };
    if (withoutOtherId.length === 1) {
      return { status: 'student', studentId: withoutOtherId[0] as string };
    }
    return { status: 'ambiguous', studentIds: withoutOtherId };
  }
}
