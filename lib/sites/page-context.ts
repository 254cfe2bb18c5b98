import type { PageKind } from '../card/card-view';
import type { SiteAdapter } from './types';

/** Words in a URL that mean the page is for grading or scoring work. */
const GRADING_URL = /grade|grading|grader|speed_?grader|score|assessment|quiz|assign|submission/i;

export function pageKindFromUrl(url: URL): PageKind {
  return GRADING_URL.test(url.pathname + url.search + url.hash) ? 'grading' : 'other';
}

export function pageKindFor(adapter: SiteAdapter, url: URL): PageKind {
  return adapter.pageKind?.(url) ?? pageKindFromUrl(url);
}

/** Where grading pages name the assignment or assessment being graded. */
const ASSIGNMENT_SELECTORS = [
  '[data-assignment-name]', // attribute form (our fixtures, some LMS widgets)
  '#assignment_url', // Canvas SpeedGrader header link
  '.assignment-name, .assignment-title, .assignmentName', // common class names
].join(', ');

/** The assignment a grading page is about, for quick-log entries; undefined when unknown. */
export function assignmentOf(doc: Document): string | undefined {
  const element = doc.querySelector(ASSIGNMENT_SELECTORS);
  const text = element?.getAttribute('data-assignment-name') ?? element?.textContent ?? '';
  const name = text.replace(/\s+/g, ' ').trim().slice(0, 200);
  return name === '' ? undefined : name;
}

/** The page's title and main heading, from which the background tells which class is shown. */
export function classHintOf(doc: Document): string {
  const heading = doc.querySelector('h1')?.textContent ?? '';
  return `${doc.title} | ${heading}`.replace(/\s+/g, ' ').trim().slice(0, 200);
}
