import type { Student } from '../feed/schema';
import {
  cleanDisplayedName,
  collapseWhitespace,
  foldCase,
  namesOtherRole,
  separatedParts,
  stripDiacritics,
  unifyPunctuation,
} from './normalize';

/**
 * Decides which texts found on a gradebook or roster page name which students of the feed.
 *
 * Every student is turned into a handful of canonical keys, one per accepted way of writing the
 * name; a page text is canonicalised the same way and looked up in a Map. Only whole texts are
 * matched: a name inside a sentence, a first name alone or initials never match. A labelled text
 * ("Laurence Muller - Grade 9", "Student: Laurence Muller") is matched by its parts.
 *
 * Canonical form: lower case, words separated by one space, "." "-" "_" read as spaces, a comma
 * as its own " , " token and a nickname as one "(word word)" token.
 */

export type NameMatch =
  | { kind: 'none' }
  | { kind: 'student'; studentId: string }
  | { kind: 'ambiguous'; studentIds: string[] };

export interface NameIndex {
  lookup(text: string): NameMatch;
}

export type IndexedStudent = Pick<Student, 'id' | 'name'>;

/** Longer texts are sentences or whole table rows, never a name cell. */
export const MAX_CANDIDATE_LENGTH = 100;

function noMatch(): NameMatch {
  return { kind: 'none' };
}

interface CanonicalName {
  given: string;
  family: string;
  middle?: string;
  preferred?: string;
}

// One id in the common case; an array only when several students share a key.
type StudentIds = string | string[];
type KeyMap = Map<string, StudentIds>;

const QUOTED_NICKNAME = /["“”„‟«»]\s*([^"“”„‟«»]*?)\s*["“”„‟«»]/g;
// Single quotes only count around a whole word, so the apostrophe in "O'Brien" is left alone.
const SINGLE_QUOTED_NICKNAME = /(^|\s)'([^'\s](?:[^']*[^'\s])?)'(?=[\s,]|$)/g;
const SINGLE_WORD = /^[\p{L}\p{M}]+$/u;
const NICKNAME_TOKEN = /\s*\([^()]*\)\s*/g;

/** Canonical key of a page text, diacritics kept. */
function canonicalText(text: string): string {
  const withNicknameInParens = foldCase(cleanDisplayedName(text))
    .replace(QUOTED_NICKNAME, ' ($1) ')
    .replace(SINGLE_QUOTED_NICKNAME, '$1($2)')
    .replace(/\[/g, '(')
    .replace(/\]/g, ')');
  return collapseWhitespace(
    withNicknameInParens
      .replace(/[._-]/g, ' ')
      .replace(/\s*,\s*/g, ' , ')
      .replace(/\(\s*/g, ' (')
      .replace(/\s*\)/g, ') '),
  );
}

/** Canonical words of one stored name part; punctuation that structures page texts is dropped. */
function canonicalPart(part: string): string {
  // Most stored parts are one plain word; skip the noise cleaning for them. Apostrophe-like
  // modifier letters (ʼ, ʻ) count as letters, so they still need unifying.
  if (SINGLE_WORD.test(part)) return foldCase(unifyPunctuation(part));
  return collapseWhitespace(
    foldCase(cleanDisplayedName(part)).replace(/[._\-,()[\]"“”„‟«»]/g, ' '),
  );
}

function firstLetter(word: string): string {
  return Array.from(word)[0] ?? '';
}

/** "mary ann" → ["m", "m a"]: pages abbreviate to the first initial or to all of them. */
function middleInitials(middle: string): string[] {
  const words = middle.split(' ');
  const first = firstLetter(middle);
  if (words.length === 1) return [first];
  return [first, words.map(firstLetter).join(' ')];
}

function canonicalName(name: IndexedStudent['name']): CanonicalName {
  const middle = name.middle === undefined ? '' : canonicalPart(name.middle);
  const preferred = name.preferred === undefined ? '' : canonicalPart(name.preferred);
  return {
    given: canonicalPart(name.given),
    family: canonicalPart(name.family),
    ...(middle === '' ? {} : { middle }),
    ...(preferred === '' ? {} : { preferred }),
  };
}

function withoutDiacritics(name: CanonicalName): CanonicalName {
  return {
    given: stripDiacritics(name.given),
    family: stripDiacritics(name.family),
    ...(name.middle === undefined ? {} : { middle: stripDiacritics(name.middle) }),
    ...(name.preferred === undefined ? {} : { preferred: stripDiacritics(name.preferred) }),
  };
}

function sameName(a: CanonicalName, b: CanonicalName): boolean {
  return (
    a.given === b.given &&
    a.family === b.family &&
    a.middle === b.middle &&
    a.preferred === b.preferred
  );
}

/** Every accepted way of writing one student's name, in canonical form. */
function keysForName({ given, family, middle, preferred }: CanonicalName): string[] {
  const keys = [`${given} ${family}`, `${family} , ${given}`];
  if (middle !== undefined) {
    for (const middleForm of [middle, ...middleInitials(middle)]) {
      keys.push(`${given} ${middleForm} ${family}`, `${family} , ${given} ${middleForm}`);
    }
  }
  if (preferred !== undefined && preferred !== given) {
    keys.push(
      `${preferred} ${family}`,
      `${family} , ${preferred}`,
      `${given} (${preferred}) ${family}`,
      `${family} , ${given} (${preferred})`,
    );
  }
  return keys;
}

function addKey(keys: KeyMap, key: string, studentId: string): void {
  const ids = keys.get(key);
  if (ids === undefined) {
    keys.set(key, studentId);
  } else if (typeof ids === 'string') {
    if (ids !== studentId) keys.set(key, [ids, studentId]);
  } else if (ids[ids.length - 1] !== studentId) {
    // Students are added one at a time, so a repeat from the same student is the last id.
    ids.push(studentId);
  }
}

function idsOf(ids: StudentIds | undefined): readonly string[] {
  if (ids === undefined) return [];
  return typeof ids === 'string' ? [ids] : ids;
}

function sameMatch(a: NameMatch, b: NameMatch): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

function toMatch(ids: readonly string[]): NameMatch | undefined {
  const [firstId] = ids;
  if (firstId === undefined) return undefined;
  if (ids.length === 1) return { kind: 'student', studentId: firstId };
  return { kind: 'ambiguous', studentIds: [...ids] };
}

const ANY_INITIAL = '?';

/**
 * The query with a lone middle initial replaced by a wildcard ("okafor , maya j" → "okafor ,
 * maya ?"), for students whose feed has no middle name: SISs often print one anyway.
 */
function withInitialWildcard(canonical: string): string | undefined {
  const tokens = canonical.split(' ');
  const single = (token: string | undefined) => token !== undefined && /^\p{L}$/u.test(token);
  const comma = tokens.indexOf(',');
  if (comma > 0 && tokens.length - comma >= 3 && single(tokens.at(-1))) {
    return [...tokens.slice(0, -1), ANY_INITIAL].join(' ');
  }
  if (comma === -1 && tokens.length >= 3 && single(tokens.at(-2))) {
    return [...tokens.slice(0, -2), ANY_INITIAL, tokens.at(-1)].join(' ');
  }
  return undefined;
}

/** The text as written first, then without its parenthetical, which may be any nickname. */
function queryVariants(canonical: string): string[] {
  const withoutNickname = collapseWhitespace(canonical.replace(NICKNAME_TOKEN, ' '));
  return withoutNickname === canonical ? [canonical] : [canonical, withoutNickname];
}

export function buildNameIndex(students: readonly IndexedStudent[]): NameIndex {
  // Keys as the feed spells them, diacritics kept.
  const exactKeys: KeyMap = new Map();
  // Only the diacritic-free keys that differ from the student's exact keys. A key already free
  // of diacritics is its own folded form, so folded lookups read both maps; this keeps the
  // mostly-ASCII feeds of US districts at half the Map entries.
  const foldedOnlyKeys: KeyMap = new Map();
  // "Given ? Family" and "Family , Given ?" for students with no middle name in the feed.
  const initialKeys: KeyMap = new Map();

  for (const student of students) {
    const name = canonicalName(student.name);
    // A name missing either half would let a single word match; such a student is not indexed.
    if (name.given === '' || name.family === '') continue;
    const exact = keysForName(name);
    for (const key of exact) addKey(exactKeys, key, student.id);
    if (name.middle === undefined) {
      for (const form of [name, withoutDiacritics(name)]) {
        addKey(initialKeys, `${form.given} ${ANY_INITIAL} ${form.family}`, student.id);
        addKey(initialKeys, `${form.family} , ${form.given} ${ANY_INITIAL}`, student.id);
      }
    }

    const folded = withoutDiacritics(name);
    if (sameName(folded, name)) continue;
    for (const key of keysForName(folded)) {
      if (!exact.includes(key)) addKey(foldedOnlyKeys, key, student.id);
    }
  }

  function findExact(variants: readonly string[]): NameMatch | undefined {
    for (const variant of variants) {
      const match = toMatch(idsOf(exactKeys.get(variant)));
      if (match !== undefined) return match;
    }
    return undefined;
  }

  function findFolded(variants: readonly string[]): NameMatch | undefined {
    for (const variant of variants) {
      const ids = new Set([
        ...idsOf(exactKeys.get(variant)),
        ...idsOf(foldedOnlyKeys.get(variant)),
      ]);
      const match = toMatch([...ids]);
      if (match !== undefined) return match;
    }
    return undefined;
  }

  /** Last resort: an initial the feed does not know, for a student the feed gives no middle. */
  function findWithUnknownInitial(variants: readonly string[]): NameMatch | undefined {
    for (const variant of variants) {
      const exact = withInitialWildcard(variant);
      const folded = withInitialWildcard(stripDiacritics(variant));
      const ids = new Set([
        ...idsOf(initialKeys.get(exact ?? '')),
        ...idsOf(initialKeys.get(folded ?? '')),
      ]);
      const match = toMatch([...ids]);
      if (match !== undefined) return match;
    }
    return undefined;
  }

  function lookupWhole(text: string): NameMatch {
    const canonical = canonicalText(text);
    if (canonical === '') return noMatch();
    const variants = queryVariants(canonical);
    // A diacritic-exact hit wins; only without one does the folded form count.
    return (
      findExact(variants) ??
      findFolded(variants.map(stripDiacritics)) ??
      findWithUnknownInitial(variants) ??
      noMatch()
    );
  }

  return {
    lookup(text: string): NameMatch {
      if (text.length === 0 || text.length > MAX_CANDIDATE_LENGTH) return noMatch();
      const whole = lookupWhole(text);
      if (whole.kind !== 'none') return whole;
      // "Laurence Muller - Grade 9": one part that is a whole name names the text, unless
      // another part gives a role ("Teacher: …", "… - Guardian"); a text naming two students
      // ("… - Diane Le Gall") is about neither.
      const parts = separatedParts(text);
      let named: NameMatch | undefined;
      for (const part of parts) {
        const match = lookupWhole(part);
        if (match.kind === 'none') {
          if (namesOtherRole(part)) return noMatch();
        } else if (named === undefined || sameMatch(named, match)) named = match;
        else return noMatch();
      }
      return named ?? noMatch();
    },
  };
}
