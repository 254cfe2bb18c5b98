import { h, render } from 'preact';
import { MARKER_CSS, Marker } from '../../components/Marker';
import type { MarkerState } from '../services/timeline';

export interface MarkerHandle {
  host: HTMLElement;
  /** Re-renders the marker with a new reminder state and label. */
  update(state: MarkerState, label: string): void;
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
  const style = doc.createElement('style');
  style.textContent = MARKER_CSS;
  const mount = doc.createElement('span');
  shadow.append(style, mount);
  const update = (next: MarkerState, nextLabel: string) =>
    render(
      h(Marker, {
        label: nextLabel,
        state: next,
        onActivate: (button) => onActivate(button, host),
      }),
      mount,
    );
  update(state, label);
  return { host, update };
}
