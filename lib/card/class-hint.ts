import type { ClassSection } from '../feed/schema';

function normalise(text: string): string {
  return text
    .toLowerCase()
    .replace(/[‐‑‒–—―]/g, '-')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * The class a page is about, from its title and heading: the feed class whose title appears in
 * the hint (the longest, so "English 7 Honors" beats "English 7"). Undefined when none does.
 */
export function classFromHint(
  hint: string | undefined,
  classes: readonly ClassSection[],
): ClassSection | undefined {
  if (!hint) return undefined;
  const text = normalise(hint);
  let best: ClassSection | undefined;
  for (const classSection of classes) {
    const title = normalise(classSection.title);
    if (title.length >= 4 && text.includes(title) && title.length > (best?.title.length ?? 0)) {
      best = classSection;
    }
  }
  return best;
}
