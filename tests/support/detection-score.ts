/**
 * Scoring a detection page: which person on the page each marker (or candidate text) stands
 * for, read from the name forms it contains, and the page's counts of marked, missed, wrongly
 * marked and ambiguous students. Pure: no browser, no DOM.
 */
import {
  type DetectionPage,
  type ExpectedStudent,
  type OfflineCandidate,
  splitLastWord,
} from './detection';

export interface WrongMarker {
  /** The text next to the marker. */
  text: string;
  reason: string;
}

export interface PageResult {
  key: string;
  expected: number;
  /** Expected students with a correct marker. */
  marked: number;
  missed: string[];
  wrong: WrongMarker[];
  /** Expected students whose name text the matcher answers "ambiguous" for (offline). */
  ambiguous: string[] | null;
  markers: number;
  millis: number;
}

/** What a marker looks like from the page: nearby texts and the row it sits in. */
export interface MarkerInfo {
  texts: string[];
  top: number;
  bottom: number;
  visible: boolean;
}

export type Attribution =
  | { kind: 'student'; index: number }
  | { kind: 'non-student'; name: string }
  | { kind: 'unknown' };

/** Case, diacritics, typographic apostrophes and dashes, spacing: what a reader ignores. */
function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[\u2018\u2019\u02bc`\u00b4]/g, "'")
    .replace(/[\u2010-\u2015]/g, '-')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

export function studentForms(student: ExpectedStudent): string[] {
  const givens = [student.given, student.preferred].filter((g): g is string => Boolean(g));
  return [
    student.name,
    ...(student.formsSeen ?? []),
    ...givens.flatMap((given) => [
      `${given} ${student.family}`,
      `${student.family}, ${given}`,
      // Some pages leave out the space (openSIS's add/drop report: "Barros,Carlos").
      `${student.family},${given}`,
    ]),
  ];
}

function nonStudentForms(name: string): string[] {
  const { given, family } = splitLastWord(name);
  return [name, `${family}, ${given}`, `${family},${given}`];
}

interface Form {
  folded: string;
  who: Attribution;
}

/** A form standing as whole words in a text scores its length; elsewhere it does not count. */
function score(text: string, form: string): number {
  for (let at = text.indexOf(form); at >= 0; at = text.indexOf(form, at + 1)) {
    const before = text[at - 1] ?? ' ';
    const after = text[at + form.length] ?? ' ';
    if (!/\p{L}/u.test(before) && !/\p{L}/u.test(after)) return form.length;
  }
  return 0;
}

function sameWho(a: Attribution, b: Attribution): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/**
 * Attributes texts near a marker (or a candidate's text) to the page's students and
 * non-students by the name forms each text contains; the first text that names someone wins.
 */
export function makeAttributor(page: DetectionPage): (texts: readonly string[]) => Attribution {
  const forms: Form[] = [
    ...page.students.flatMap((student, index) =>
      studentForms(student).map((form) => ({
        folded: fold(form),
        who: { kind: 'student', index } as Attribution,
      })),
    ),
    ...page.nonStudents.flatMap((name) =>
      nonStudentForms(name).map((form) => ({
        folded: fold(form),
        who: { kind: 'non-student', name } as Attribution,
      })),
    ),
  ].filter((form) => form.folded !== '');
  return (texts) => {
    for (const text of texts) {
      const folded = fold(text);
      let best: { score: number; who: Attribution } | undefined;
      let tied = false;
      for (const form of forms) {
        const s = score(folded, form.folded);
        if (s === 0) continue;
        if (!best || s > best.score) {
          best = { score: s, who: form.who };
          tied = false;
        } else if (s === best.score && !sameWho(best.who, form.who)) tied = true;
      }
      if (best && !tied) return best.who;
    }
    return { kind: 'unknown' };
  };
}

/** Expected students (by index) whose name text the matcher found ambiguous. */
export function ambiguousStudents(page: DetectionPage, candidates: OfflineCandidate[]): number[] {
  const attribute = makeAttributor(page);
  const indexes = new Set<number>();
  for (const candidate of candidates) {
    if (candidate.answer.status !== 'ambiguous') continue;
    const who = attribute([candidate.text]);
    if (who.kind === 'student') indexes.add(who.index);
  }
  return [...indexes].sort((a, b) => a - b);
}

function overlaps(a: MarkerInfo, b: MarkerInfo): boolean {
  return a.top < b.bottom && b.top < a.bottom;
}

function oneLine(text: string): string {
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length > 80 ? `${line.slice(0, 77)}...` : line;
}

/** Scores the markers of one page against who is on it. */
export function scoreMarkers(
  page: DetectionPage,
  frames: MarkerInfo[][],
): Pick<PageResult, 'marked' | 'missed' | 'wrong' | 'markers'> {
  const attribute = makeAttributor(page);
  const wrong: WrongMarker[] = [];
  const markedRows = new Map<number, MarkerInfo[]>();
  for (const markers of frames) {
    // Rows are compared within one frame: coordinates are per frame.
    const rowsInFrame = new Map<number, MarkerInfo[]>();
    for (const marker of markers) {
      const text = oneLine(marker.texts.find((t) => t.trim() !== '') ?? '');
      const who = attribute(marker.texts);
      if (!marker.visible) wrong.push({ text, reason: 'marker is hidden' });
      else if (who.kind === 'unknown') wrong.push({ text, reason: 'names nobody on the page' });
      else if (who.kind === 'non-student') {
        wrong.push({ text, reason: `marks non-student ${who.name}` });
      } else {
        const rows = rowsInFrame.get(who.index) ?? [];
        if (rows.some((row) => overlaps(row, marker))) {
          wrong.push({ text, reason: 'second marker for this student in one row' });
        } else {
          rows.push(marker);
          rowsInFrame.set(who.index, rows);
          markedRows.set(who.index, [...(markedRows.get(who.index) ?? []), marker]);
        }
      }
    }
  }
  return {
    marked: markedRows.size,
    missed: page.students.filter((_, index) => !markedRows.has(index)).map((s) => s.name),
    wrong,
    markers: frames.reduce((sum, markers) => sum + markers.length, 0),
  };
}

/** At least 99 % of the expected students marked and nothing marked wrongly. */
export function meetsTarget(result: PageResult): boolean {
  return result.wrong.length === 0 && recall(result) >= 0.99;
}

export function recall(result: PageResult): number {
  return result.expected === 0 ? 1 : result.marked / result.expected;
}
