/**
 * Text helpers for student names as they appear on gradebook and roster pages. Pure string
 * functions: no DOM, no locale-dependent behaviour beyond Unicode normalisation.
 */

/** Lower-cases after composing, so "Nguyễn" typed as NFD and as NFC compare equal. */
export function foldCase(text: string): string {
  return text.normalize('NFC').toLowerCase();
}

// Letters that carry no combining mark under NFD, so mark removal alone leaves them intact.
const UNDECOMPOSABLE_LETTERS: Readonly<Record<string, string>> = {
  ø: 'o',
  Ø: 'O',
  đ: 'd',
  Đ: 'D',
  ð: 'd',
  Ð: 'D',
  ł: 'l',
  Ł: 'L',
  ħ: 'h',
  Ħ: 'H',
  ı: 'i',
  æ: 'ae',
  Æ: 'AE',
  œ: 'oe',
  Œ: 'OE',
  ß: 'ss',
  þ: 'th',
  Þ: 'Th',
};
const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;
const UNDECOMPOSABLE_PATTERN = /[øØđĐðÐłŁħĦıæÆœŒßþÞ]/g;

/** "Ødegård" → "Odegard", "Đỗ" → "Do". Keeps case. */
export function stripDiacritics(text: string): string {
  if (PRINTABLE_ASCII.test(text)) return text;
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(UNDECOMPOSABLE_PATTERN, (letter) => UNDECOMPOSABLE_LETTERS[letter] ?? letter)
    .normalize('NFC');
}

/**
 * Typographic apostrophes and dashes become their ASCII forms, so "O’Brien" = "O'Brien". The
 * Hawaiian ʻokina is included because pages routinely print it as a plain apostrophe.
 */
export function unifyPunctuation(text: string): string {
  return text.replace(/[’‘ʼʻʹ`´′]/g, "'").replace(/[‐‑‒–—―−﹣－]/g, '-');
}

/**
 * Invisible characters (zero-width spaces, soft hyphens) are dropped; every run of whitespace,
 * non-breaking spaces included, becomes one space.
 */
export function collapseWhitespace(text: string): string {
  return text
    .replace(/[\u00ad\u200b-\u200d\u2060\ufeff]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

const PRONOUN =
  '(?:he|him|his|she|her|hers|they|them|their|theirs|xe|xem|xyr|ze|zir|hir|ey|em|it|its)';
// "(she/her)", "[they/them]", "(Pronouns: he/they)", "(any pronouns)".
const PRONOUN_GROUP = new RegExp(
  `[([]\\s*(?:pronouns?\\s*:\\s*)?(?:${PRONOUN}(?:\\s*/\\s*${PRONOUN})+|(?:any|all)\\s+pronouns)\\s*[)\\]]`,
  'gi',
);

const STATUS_WORDS = '(?:new student|test student|inactive|invited|pending|withdrawn|dropped|new)';
// "(invited)", "[Inactive]", "(Test Student)".
const STATUS_GROUP = new RegExp(`[([]\\s*${STATUS_WORDS}\\s*[)\\]]`, 'gi');
// Bare status words only count at either end and next to other text, so a lone word is kept.
const TRAILING_STATUS = /(?<=\S)[\s,:;|·-]+(?:new student|inactive|pending|invited|withdrawn)$/i;
const LEADING_STATUS = /^(?:new student|inactive|pending|invited|withdrawn)[\s,:;|·-]+(?=\S)/i;

// "First Last Jr.", "Last Jr., First", "Last, First III": a suffix follows a space or comma and
// ends the name or its half before the comma. Roman numerals stay case-sensitive so the
// Japanese surname "Ii" survives.
const SUFFIX_START = '(?:\\s*,\\s*|\\s+)';
const SUFFIX_END = '\\.?(?=\\s*(?:[,([]|$))';
const WORD_SUFFIX = new RegExp(`${SUFFIX_START}(?:jr|sr)${SUFFIX_END}`, 'gi');
const ROMAN_SUFFIX = new RegExp(`${SUFFIX_START}(?:II|III|IV)${SUFFIX_END}`, 'g');

const EDGE_SEPARATORS = /^[\s,:;|·-]+|[\s,:;|·-]+$/g;

/**
 * Removes what pages print around a name: pronouns, enrolment status, generational suffixes,
 * odd whitespace and typographic punctuation. Case and diacritics are kept.
 */
export function cleanDisplayedName(text: string): string {
  let cleaned = collapseWhitespace(unifyPunctuation(text));
  cleaned = cleaned.replace(PRONOUN_GROUP, ' ').replace(STATUS_GROUP, ' ');
  cleaned = collapseWhitespace(cleaned);
  cleaned = cleaned.replace(TRAILING_STATUS, '').replace(LEADING_STATUS, '');
  cleaned = cleaned.replace(WORD_SUFFIX, '').replace(ROMAN_SUFFIX, '');
  return collapseWhitespace(cleaned.replace(EDGE_SEPARATORS, ''));
}

/**
 * A dash, bar or dot between spaces, a colon after a label, or "for" before a name sets parts
 * of a text apart. The colon needs no space after it: openSIS writes "Selected Student:Diego
 * Armijo Gurule". Moodle heads each quiz attempt "Attempt number 1 for Diego Armijo Gurule".
 */
const PART_SEPARATOR = /\s+[-\u2013\u2014|\u00b7\u2022]\s+|:\s*|\s+for\s+/;

/**
 * The parts of a labelled text ("Laurence Muller - Grade 9" → "Laurence Muller", "Grade 9";
 * "Student: Laurence Muller", "Student:Laurence Muller", "Attempt 2 for Laurence Muller"), or
 * none when it has no separator.
 */
export function separatedParts(text: string): string[] {
  if (!PART_SEPARATOR.test(text)) return [];
  return text
    .split(PART_SEPARATOR)
    .map((part) => part.trim())
    .filter((part) => part !== '');
}

/**
 * Labels that say a name is someone else's than a student's: "Teacher: …", "… - Guardian",
 * "Graded by: …". A parent can share a child's name, a teacher a student's.
 */
const OTHER_ROLE =
  /\b(?:teachers?|co-?teachers?|instructors?|professors?|aides?|para(?:professional|educator)?s?|staff|counsel(?:l)?ors?|advis[eo]rs?|case managers?|managers?|principals?|nurses?|therapists?|providers?|tutors?|coach(?:es)?|guardians?|parents?|mother|father|mom|dad|grand(?:mother|father|parents?)|siblings?|brother|sister|emergency|contacts?|(?:graded|marked|assessed|reviewed|created|modified) by|maestr[oa]s?|profesor(?:a|es)?|padre|madre|acudiente)\b/i;

/** Whether a part of a labelled text names someone's role other than a student's. */
export function namesOtherRole(part: string): boolean {
  return OTHER_ROLE.test(part);
}

/** A search key: case, accents, punctuation and spacing do not matter ("thao" finds "Thảo"). */
export function foldForSearch(text: string): string {
  return collapseWhitespace(stripDiacritics(foldCase(unifyPunctuation(text))))
    .replace(/['.-]/g, '')
    .trim();
}
