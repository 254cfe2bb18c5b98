import type { PageCandidate, SiteAdapter } from './types';

/** Elements whose text is never a roster name. */
const SKIPPED = new Set([
  'SCRIPT',
  'STYLE',
  'NOSCRIPT',
  'TEMPLATE',
  'TEXTAREA',
  'INPUT',
  'SELECT',
  'OPTION',
  'BUTTON',
  'SVG',
  'HEAD',
  'TITLE',
]);

/** Text inside these (at any depth) is never a roster name: controls, drawings, editable text. */
const SKIPPED_WITHIN =
  'button, select, textarea, svg, template, [contenteditable]:not([contenteditable="false"])';

const MAX_NAME_LENGTH = 100;
const LETTER = /\p{L}/u;

/** Cheap pre-filter so only name-like texts are sent to the background. */
export function looksLikeName(text: string): boolean {
  if (text.length < 3 || text.length > MAX_NAME_LENGTH || !LETTER.test(text)) return false;
  const words = text.split(/\s+/).length;
  return words >= 2 && words <= 9 && !/[@:;!?{}<>=|\\/]|\d{3}/.test(text.replace(/\([^)]*\)/g, ''));
}

function collapse(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/**
 * Finds name-like texts in any page: each text node's parent element is a candidate, read with
 * its whole text (so "Jane Doe <i>(she/her)</i>" is one name) and, where the element holds
 * other markup such as an initials badge, with the text node's own text as well.
 */
export function findNameCandidates(root: ParentNode): PageCandidate[] {
  const doc = root.ownerDocument ?? (root as Document);
  const walker = doc.createTreeWalker(root as Node, NodeFilter.SHOW_TEXT, {
    acceptNode(node) {
      const parent = node.parentElement;
      if (!parent || SKIPPED.has(parent.tagName.toUpperCase()) || parent.closest(SKIPPED_WITHIN)) {
        return NodeFilter.FILTER_REJECT;
      }
      return LETTER.test(node.nodeValue ?? '')
        ? NodeFilter.FILTER_ACCEPT
        : NodeFilter.FILTER_REJECT;
    },
  });
  const candidates: PageCandidate[] = [];
  const seen = new Set<Element>();
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const anchor = node.parentElement as Element;
    if (seen.has(anchor)) continue;
    seen.add(anchor);
    const whole = collapse(anchor.textContent ?? '');
    if (looksLikeName(whole)) candidates.push({ anchor, text: whole });
    const own = collapse(node.nodeValue ?? '');
    if (own !== whole && looksLikeName(own)) candidates.push({ anchor, text: own });
  }
  return candidates;
}

/** The fallback for pages no platform adapter handles (our markers live in shadow roots, so
 * their own text is never walked). */
export const genericAdapter: SiteAdapter = {
  id: 'generic',
  platform: 'other',
  matchesUrl: () => true,
  findCandidates: findNameCandidates,
};
