import { h, render } from 'preact';
import { MARKER_CSS, Marker } from '../../components/Marker';

/**
 * Creates a marker in its own shadow root so host styles cannot restyle it. The host is zero
 * width, so the page's text and table layout do not move.
 */
export function createMarkerHost(
  doc: Document,
  label: string,
  onActivate: (button: HTMLButtonElement, host: HTMLElement) => void,
): HTMLElement {
  const host = doc.createElement('span');
  const shadow = host.attachShadow({ mode: 'open' });
  const style = doc.createElement('style');
  style.textContent = MARKER_CSS;
  const mount = doc.createElement('span');
  shadow.append(style, mount);
  render(h(Marker, { label, onActivate: (button) => onActivate(button, host) }), mount);
  return host;
}
