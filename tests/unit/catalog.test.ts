import { describe, expect, it } from 'vitest';
import {
  CATEGORY_ORDER,
  type CatalogCategory,
  type CatalogText,
  catalogCodes,
  catalogEntries,
  catalogEntry,
  categoryLabel,
  LANGS,
} from '../../lib/catalog/catalog';

const REQUIRED_CODES = [
  'extended-time-1.5x',
  'extended-time-2x',
  'read-aloud',
  'text-to-speech',
  'scribe',
  'speech-to-text',
  'calculator',
  'word-bank',
  'reduced-answer-choices',
  'copy-of-notes',
  'chunked-tasks',
  'preferential-seating',
  'small-group-testing',
  'separate-setting',
  'breaks',
  'extended-deadlines',
  'no-spelling-penalty',
  'shortened-assignments',
  'check-in-independent-work',
  'private-redirection-signal',
];

const ALL_CATEGORIES: readonly CatalogCategory[] = [
  'presentation',
  'response',
  'setting',
  'timing',
  'organisation',
  'grading',
];

const FIELDS: readonly (keyof CatalogText)[] = [
  'title',
  'summary',
  'inClass',
  'whileGrading',
  'beforeClass',
];

/** Words that would reveal a plan type or a diagnosis, in either language. */
const FORBIDDEN = [
  /\bIEP\b/i,
  /\b504\b/,
  /disabilit/i,
  /disabled/i,
  /diagnos/i,
  /discapacidad/i,
  /diagn[oó]stic/i,
];

/** Legal wording has no place in plain-language guidance. */
const LEGALESE = [/\bshall\b/i, /\bpursuant\b/i, /\bhereby\b/i, /\bherein\b/i];

const entries = catalogEntries();

function allTexts(): { code: string; lang: string; field: string; value: string }[] {
  return entries.flatMap((entry) =>
    LANGS.flatMap((lang) =>
      FIELDS.map((field) => ({ code: entry.code, lang, field, value: entry.text[lang][field] })),
    ),
  );
}

describe('accommodation catalog', () => {
  it('has at least 44 entries', () => {
    expect(entries.length).toBeGreaterThanOrEqual(44);
  });

  it('has unique, valid codes', () => {
    const codes = catalogCodes();
    expect(new Set(codes).size).toBe(codes.length);
    for (const code of codes) expect(code).toMatch(/^[a-z0-9]+([.-][a-z0-9]+)*$/);
    expect(codes).toEqual(entries.map((e) => e.code));
  });

  it('contains every code the demo feed uses', () => {
    const codes = new Set(catalogCodes());
    for (const code of REQUIRED_CODES) expect(codes, code).toContain(code);
  });

  it('looks entries up by code', () => {
    for (const entry of entries) expect(catalogEntry(entry.code)).toBe(entry);
    expect(catalogEntry('no-such-code')).toBeUndefined();
    expect(catalogEntry('')).toBeUndefined();
    expect(catalogEntry('toString')).toBeUndefined();
  });

  it('is complete in both languages', () => {
    expect([...LANGS]).toEqual(['en', 'es']);
    for (const entry of entries) {
      for (const lang of LANGS) {
        const text = entry.text[lang];
        for (const field of FIELDS) {
          const value = text[field];
          const where = `${entry.code} ${lang}.${field}`;
          expect(typeof value, where).toBe('string');
          expect(value.trim(), where).not.toBe('');
          expect(value, where).toBe(value.trim());
          expect(value, where).not.toMatch(/[\n\r\t]|\s{2,}/);
        }
        expect(text.title.length, `${entry.code} ${lang} title`).toBeLessThanOrEqual(40);
        expect(text.summary.length, `${entry.code} ${lang} summary`).toBeLessThanOrEqual(160);
      }
    }
  });

  it('never repeats a title within a language', () => {
    for (const lang of LANGS) {
      const titles = entries.map((e) => e.text[lang].title.toLowerCase());
      const duplicates = titles.filter((t, i) => titles.indexOf(t) !== i);
      expect(duplicates, lang).toEqual([]);
    }
  });

  it('has Spanish that is actually translated', () => {
    for (const entry of entries) {
      for (const field of FIELDS) {
        expect(entry.text.es[field], `${entry.code} ${field}`).not.toBe(entry.text.en[field]);
      }
    }
  });

  it('uses every category, each with a label in both languages', () => {
    expect([...CATEGORY_ORDER].sort()).toEqual([...ALL_CATEGORIES].sort());
    const used = new Set(entries.map((e) => e.category));
    for (const category of ALL_CATEGORIES) {
      expect(used, category).toContain(category);
      for (const lang of LANGS) expect(categoryLabel(category, lang).trim()).not.toBe('');
    }
    for (const category of used) expect(ALL_CATEGORIES).toContain(category);
    expect(categoryLabel('timing', 'en')).toBe('Timing & scheduling');
    expect(categoryLabel('timing', 'es')).toBe('Tiempo y horario');
    for (const lang of LANGS) {
      const labels = ALL_CATEGORIES.map((c) => categoryLabel(c, lang));
      expect(new Set(labels).size).toBe(labels.length);
    }
  });

  it('lists entries grouped by category in CATEGORY_ORDER', () => {
    const ranks = entries.map((e) => CATEGORY_ORDER.indexOf(e.category));
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
  });

  it('never mentions plan types, disability or diagnosis', () => {
    for (const { code, lang, field, value } of allTexts()) {
      for (const pattern of FORBIDDEN)
        expect(value, `${code} ${lang}.${field}`).not.toMatch(pattern);
    }
    for (const category of ALL_CATEGORIES) {
      for (const lang of LANGS) {
        for (const pattern of FORBIDDEN) expect(categoryLabel(category, lang)).not.toMatch(pattern);
      }
    }
  });

  it('avoids legal wording', () => {
    for (const { code, lang, field, value } of allTexts()) {
      for (const pattern of LEGALESE)
        expect(value, `${code} ${lang}.${field}`).not.toMatch(pattern);
    }
  });

  it('marks the usual modifications, and says so in the summary', () => {
    const modifications = entries.filter((e) => e.modification).map((e) => e.code);
    expect(modifications.sort()).toEqual(
      [
        'alternative-assessment',
        'modified-grading',
        'reduced-answer-choices',
        'reduced-homework',
        'shortened-assignments',
      ].sort(),
    );
    expect(catalogEntry('reduced-answer-choices')?.text.en.summary).toMatch(
      /often a modification/i,
    );
    expect(catalogEntry('reduced-answer-choices')?.text.es.summary).toMatch(
      /a menudo es una modificación/i,
    );
    for (const code of modifications) {
      expect(catalogEntry(code)?.stateAssessment, code).toBe('not-allowed');
      expect(catalogEntry(code)?.gradingRelevant, code).toBe(true);
    }
  });

  it('classifies state-assessment use as common testing manuals do', () => {
    const expected: Record<string, 'allowed' | 'not-allowed' | 'varies'> = {
      'extended-time-1.5x': 'allowed',
      'extended-time-2x': 'allowed',
      breaks: 'allowed',
      'small-group-testing': 'allowed',
      'separate-setting': 'allowed',
      'large-print': 'allowed',
      calculator: 'varies',
      'read-aloud': 'varies',
      'text-to-speech': 'varies',
      scribe: 'varies',
      'speech-to-text': 'varies',
      'shortened-assignments': 'not-allowed',
      'copy-of-notes': 'not-allowed',
      'extended-deadlines': 'not-allowed',
    };
    for (const [code, value] of Object.entries(expected)) {
      expect(catalogEntry(code)?.stateAssessment, code).toBe(value);
    }
    for (const entry of entries) {
      expect(['allowed', 'not-allowed', 'varies']).toContain(entry.stateAssessment);
    }
  });

  it('flags the entries that change how work is graded or timed', () => {
    for (const code of [
      'extended-time-1.5x',
      'extended-time-2x',
      'no-spelling-penalty',
      'calculator',
      'word-bank',
      'shortened-assignments',
      'extended-deadlines',
      'scribe',
      'speech-to-text',
      'reduced-answer-choices',
    ]) {
      expect(catalogEntry(code)?.gradingRelevant, code).toBe(true);
    }
    for (const code of ['preferential-seating', 'visual-schedule', 'fidget-tools']) {
      expect(catalogEntry(code)?.gradingRelevant, code).toBe(false);
    }
  });

  it('says extended time is automatic, in both languages', () => {
    for (const code of ['extended-time-1.5x', 'extended-time-2x']) {
      expect(catalogEntry(code)?.text.en.summary).toMatch(/automatically/);
      expect(catalogEntry(code)?.text.es.summary).toMatch(/automática/);
    }
    expect(catalogEntry('extended-time-1.5x')?.text.en.title).toBe('Extended time (1.5×)');
    expect(catalogEntry('extended-time-1.5x')?.text.es.title).toBe('Tiempo adicional (1.5×)');
  });

  it('is frozen so callers cannot change shared entries', () => {
    expect(Object.isFrozen(entries)).toBe(true);
    const first = entries[0];
    expect(first).toBeDefined();
    if (!first) return;
    expect(Object.isFrozen(first)).toBe(true);
    expect(Object.isFrozen(first.text.en)).toBe(true);
    expect(catalogCodes()).not.toBe(catalogCodes());
  });
});
