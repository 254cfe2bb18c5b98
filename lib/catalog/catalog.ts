/**
 * Built-in accommodation catalog: a stable code, a short title and what to do, in plain
 * language. A feed refers to these codes and may override the wording with district text.
 */
export interface CatalogEntry {
  code: string;
  title: string;
  summary: string;
}

const ENTRIES: CatalogEntry[] = [
  {
    code: 'extended-time-1.5x',
    title: 'Extended time (1.5×)',
    summary:
      'Time and a half on timed work and tests, given automatically; the student does not have to ask.',
  },
  {
    code: 'extended-time-2x',
    title: 'Extended time (2×)',
    summary: 'Double time on timed work and tests, given automatically.',
  },
  {
    code: 'read-aloud',
    title: 'Read aloud',
    summary: 'Read directions and questions aloud when asked (not passages that test reading).',
  },
  {
    code: 'text-to-speech',
    title: 'Text-to-speech',
    summary: 'Let the student use text-to-speech for written material.',
  },
  {
    code: 'scribe',
    title: 'Scribe',
    summary: 'An adult writes down the student’s dictated answers word for word.',
  },
  {
    code: 'speech-to-text',
    title: 'Speech-to-text',
    summary: 'Let the student dictate written answers with speech-to-text.',
  },
  {
    code: 'calculator',
    title: 'Calculator',
    summary: 'Allow a calculator when computation is not the skill being assessed.',
  },
  {
    code: 'word-bank',
    title: 'Word bank',
    summary: 'Provide a word bank for fill-in and short-answer items.',
  },
  {
    code: 'reduced-answer-choices',
    title: 'Reduced answer choices',
    summary: 'Offer fewer answer choices on multiple-choice items (often a modification).',
  },
  {
    code: 'copy-of-notes',
    title: 'Copy of notes',
    summary: 'Give the student a copy of class notes or slides.',
  },
  {
    code: 'chunked-tasks',
    title: 'Chunked tasks',
    summary: 'Break long tasks into short parts with a check after each.',
  },
  {
    code: 'preferential-seating',
    title: 'Preferential seating',
    summary: 'Seat the student near instruction and away from distractions.',
  },
  {
    code: 'small-group-testing',
    title: 'Small-group testing',
    summary: 'Give tests in a small group setting.',
  },
  {
    code: 'separate-setting',
    title: 'Separate setting',
    summary: 'Give tests in a separate, quiet location.',
  },
  { code: 'breaks', title: 'Breaks', summary: 'Allow short breaks during long tasks and tests.' },
  {
    code: 'extended-deadlines',
    title: 'Extended deadlines',
    summary: 'Accept assignments late within the agreed extension, without penalty.',
  },
  {
    code: 'no-spelling-penalty',
    title: 'No spelling penalty',
    summary: 'Do not take points off for spelling unless spelling is what is assessed.',
  },
  {
    code: 'shortened-assignments',
    title: 'Shortened assignments',
    summary: 'Assign fewer items that still cover the skill (a modification).',
  },
  {
    code: 'check-in-independent-work',
    title: 'Check-in at start of independent work',
    summary: 'Check in with the student within the first minutes of independent work.',
  },
  {
    code: 'private-redirection-signal',
    title: 'Private redirection signal',
    summary: 'Use the agreed private signal to redirect, not a public reminder.',
  },
];

const BY_CODE = new Map(ENTRIES.map((entry) => [entry.code, entry]));

export function catalogEntry(code: string): CatalogEntry | undefined {
  return BY_CODE.get(code);
}

export function catalogCodes(): string[] {
  return ENTRIES.map((entry) => entry.code);
}
