import type { MarkerState } from '../lib/services/timeline';

const SVG = 'http://www.w3.org/2000/svg';

/**
 * Finished marker buttons per page, one for each state and label; every marker is a clone of
 * one (a clone with its attributes already set costs the page less than setting them on it).
 */
const templates = new WeakMap<Document, Map<string, HTMLButtonElement>>();

function setAttributes(element: Element, attributes: Record<string, string>): void {
  for (const name in attributes) element.setAttribute(name, attributes[name] as string);
}

function circle(doc: Document, attributes: Record<string, string>): SVGCircleElement {
  const shape = doc.createElementNS(SVG, 'circle');
  setAttributes(shape, { cx: '8', cy: '8', ...attributes });
  return shape;
}

function templateFor(doc: Document, state: MarkerState, label: string): HTMLButtonElement {
  let ofPage = templates.get(doc);
  if (!ofPage) {
    ofPage = new Map();
    templates.set(doc, ofPage);
  }
  const key = `${state}\n${label}`;
  let button = ofPage.get(key);
  if (button) return button;
  button = doc.createElement('button');
  setAttributes(button, { type: 'button', class: 'marker', 'aria-haspopup': 'dialog' });
  const icon = doc.createElementNS(SVG, 'svg');
  setAttributes(icon, {
    viewBox: '0 0 16 16',
    width: '12',
    height: '12',
    'aria-hidden': 'true',
    focusable: 'false',
  });
  icon.append(
    circle(doc, { r: '6.5', fill: 'none', stroke: 'currentColor', 'stroke-width': '1.6' }),
    circle(doc, { r: '2.6', fill: 'currentColor' }),
  );
  button.append(icon);
  setMarkerState(button, state, label);
  ofPage.set(key, button);
  return button;
}

/** Shows a reminder state ('soon': a service starts within the window; 'out': out of class now). */
export function setMarkerState(button: HTMLButtonElement, state: MarkerState, label: string): void {
  button.setAttribute('data-state', state);
  button.setAttribute('aria-label', label);
  button.setAttribute('title', label);
}

/**
 * The discreet marker: a neutral symbol whose accessible name says nothing about the student.
 * Cloned from a template rather than rendered, because a big gradebook shows hundreds.
 */
export function createMarkerButton(
  doc: Document,
  state: MarkerState,
  label: string,
  onActivate: (button: HTMLButtonElement) => void,
): HTMLButtonElement {
  const button = templateFor(doc, state, label).cloneNode(true) as HTMLButtonElement;
  button.addEventListener('click', (event) => {
    // Keep the host page's row handlers (open student, select row) out of it.
    event.stopPropagation();
    event.preventDefault();
    // Only a person opens a card: a page script's synthetic click is ignored (a keyboard Enter
    // or Space on the button is still a trusted click).
    if (!event.isTrusted) return;
    onActivate(button);
  });
  return button;
}

export const MARKER_CSS = `
:host { all: initial; display: inline-block; position: relative; width: 0; height: 1em; vertical-align: middle; }
.marker {
  all: unset; box-sizing: border-box; position: absolute; left: 4px; top: 50%; transform: translateY(-50%);
  width: 18px; height: 18px; border-radius: 50%; display: grid; place-items: center; cursor: pointer;
  color: #3b5b8c; background: #eef2f8; border: 1px solid #c6d2e3;
}
.marker:hover { background: #dde6f3; }
.marker:focus-visible { outline: 2px solid #1a4fa0; outline-offset: 2px; }
.marker[data-state="soon"] { background: #fff4d6; border: 2px solid #c98a00; color: #7a5200; }
.marker[data-state="out"] { background: #f1f1f1; border: 2px dashed #6b7280; color: #4b5563; }
.marker[aria-expanded="true"] { background: #1a4fa0; color: #fff; border-color: #1a4fa0; }
@media (forced-colors: active) {
  .marker { border-color: ButtonText; color: ButtonText; background: ButtonFace; }
  .marker:focus-visible { outline-color: Highlight; }
}
`;
