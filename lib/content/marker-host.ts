import { createMarkerButton, MARKER_CSS, setMarkerState } from '../../components/marker';
import type { MarkerState } from '../services/timeline';

export interface MarkerHandle {
  host: HTMLElement;
  /** Shows a new reminder state and label. */
  update(state: MarkerState, label: string): void;
}

const sheets = new WeakMap<Document, CSSStyleSheet | null>();

/**
 * Gives a marker's shadow root the one style sheet all markers of the page share: the page's
 * style engine then handles one sheet, not one per marker. False where a content script cannot
 * adopt sheets (Firefox's content-script sandbox may not), and the marker brings its own <style>.
 */
function adoptSharedSheet(shadow: ShadowRoot, doc: Document): boolean {
  let sheet = sheets.get(doc);
  if (sheet === null) return false;
  try {
    if (sheet) {
      // The first marker of the page showed that adopting works here.
      shadow.adoptedStyleSheets = [sheet];
      return true;
    }
    sheet = new (doc.defaultView?.CSSStyleSheet ?? CSSStyleSheet)();
    sheet.replaceSync(MARKER_CSS);
    shadow.adoptedStyleSheets = [sheet];
    // A browser that ignores the assignment from a content script gets the fallback too.
    if (shadow.adoptedStyleSheets.length === 1) {
      sheets.set(doc, sheet);
      return true;
    }
  } catch {
    // Not possible here: every marker of this page brings its own <style> from now on.
  }
  sheets.set(doc, null);
  return false;
}

/**
 * Creates a marker in its own shadow root so host styles cannot restyle it. The host is zero
 * width, so the page's text and table layout do not move.
 */
export function createMarkerHost(
  doc: Document,
  label: string,
  state: MarkerState,
  onActivate: (button: HTMLButtonElement, host: HTMLElement) => void,
): MarkerHandle {
  const host = doc.createElement('span');
  const shadow = host.attachShadow({ mode: 'open' });
  if (!adoptSharedSheet(shadow, doc)) {
    const style = doc.createElement('style');
    style.textContent = MARKER_CSS;
    shadow.append(style);
  }
  const button = createMarkerButton(doc, state, label, (pressed) => onActivate(pressed, host));
  shadow.append(button);
  const update = (next: MarkerState, nextLabel: string) => setMarkerState(button, next, nextLabel);
  return { host, update };
}

/**
 * Whether a name is really shown to the teacher: rendered, not transparent, with a size, and
 * not pushed off the page. A page that hides names can therefore not learn who has a plan.
 */
export function isRendered(element: Element): boolean {
  if (!(element.checkVisibility?.({ visibilityProperty: true, opacityProperty: true }) ?? true)) {
    return false;
  }
  const rect = element.getBoundingClientRect();
  const view = element.ownerDocument.defaultView;
  const left = rect.left + (view?.scrollX ?? 0);
  const top = rect.top + (view?.scrollY ?? 0);
  return rect.width > 0 && rect.height > 0 && left + rect.width > 0 && top + rect.height > 0;
}
