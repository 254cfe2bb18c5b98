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

/** The page's title and main heading, from which the background tells which class is shown. */
export function classHintOf(doc: Document): string {
  const heading = doc.querySelector('h1')?.textContent ?? '';
  return `${doc.title} | ${heading}`.replace(/\s+/g, ' ').trim().slice(0, 200);
}
