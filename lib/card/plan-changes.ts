import type { Acknowledgment } from '../db/database';
import type { Student } from '../feed/schema';

/** The plan's identity for acknowledgments: its version, else its update date. */
export function planVersionOf(student: Pick<Student, 'plan'>): string {
  return student.plan.version ?? student.plan.updatedAt ?? 'unversioned';
}

export interface PlanChanges {
  /** 'unconfirmed': never confirmed; 'changed': the plan changed since the last confirmation. */
  status: 'unconfirmed' | 'changed';
  version: string;
  /** Accommodations added or reworded since the confirmed version. */
  newIds: string[];
  changedIds: string[];
  /** Wording of accommodations that were removed. */
  removed: string[];
}

/** What changed since the staff member last confirmed the plan; undefined when up to date. */
export function planChanges(
  student: Pick<Student, 'plan' | 'accommodations'>,
  acknowledged: Acknowledgment | undefined,
): PlanChanges | undefined {
  const version = planVersionOf(student);
  if (!acknowledged) {
    return { status: 'unconfirmed', version, newIds: [], changedIds: [], removed: [] };
  }
  if (acknowledged.planVersion === version) return undefined;
  const before = new Map(acknowledged.items.map((item) => [item.id, item.text]));
  const now = new Set(student.accommodations.map((a) => a.id));
  return {
    status: 'changed',
    version,
    newIds: student.accommodations.filter((a) => !before.has(a.id)).map((a) => a.id),
    changedIds: student.accommodations
      .filter((a) => before.has(a.id) && before.get(a.id) !== wordingOf(a))
      .map((a) => a.id),
    removed: acknowledged.items.filter((item) => !now.has(item.id)).map((item) => item.title),
  };
}

export function wordingOf(accommodation: Student['accommodations'][number]): string {
  return [accommodation.code, accommodation.text, accommodation.details]
    .filter(Boolean)
    .join(' | ');
}

export function acknowledgmentOf(student: Student, at: Date): Acknowledgment {
  return {
    studentId: student.id,
    planVersion: planVersionOf(student),
    items: student.accommodations.map((a) => ({
      id: a.id,
      text: wordingOf(a),
      title: a.text ?? a.code ?? a.id,
    })),
    at: at.toISOString(),
  };
}
