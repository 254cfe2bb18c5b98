// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { MARKER_CSS } from '../../components/marker';
import { createMarkerHost } from '../../lib/content/marker-host';

afterEach(() => {
  vi.restoreAllMocks();
  document.body.replaceChildren();
});

function cssOf(shadow: ShadowRoot): string {
  const adopted = [...shadow.adoptedStyleSheets]
    .flatMap((sheet) => [...sheet.cssRules].map((rule) => rule.cssText))
    .join('\n');
  const inline = [...shadow.querySelectorAll('style')].map((s) => s.textContent).join('\n');
  return `${adopted}\n${inline}`;
}

describe('createMarkerHost', () => {
  it('renders the neutral button in a shadow root styled by one sheet all markers share', () => {
    const first = createMarkerHost(document, 'Support info', 'none', () => undefined);
    const second = createMarkerHost(document, 'Support info', 'soon', () => undefined);
    const [a, b] = [first.host.shadowRoot, second.host.shadowRoot] as [ShadowRoot, ShadowRoot];
    expect(a.querySelector('button')?.getAttribute('aria-label')).toBe('Support info');
    expect(b.querySelector('button')?.dataset.state).toBe('soon');
    expect(a.querySelector('style')).toBeNull();
    expect(a.adoptedStyleSheets).toHaveLength(1);
    expect(a.adoptedStyleSheets[0]).toBe(b.adoptedStyleSheets[0]);
    expect(cssOf(a)).toContain('.marker');
  });

  it('brings its own <style> where the sheet cannot be adopted', () => {
    const doc = document.implementation.createHTMLDocument('');
    vi.spyOn(ShadowRoot.prototype, 'adoptedStyleSheets', 'set').mockImplementation(() => {
      throw new TypeError('Accessing from Xray wrapper is not supported');
    });
    const marker = createMarkerHost(doc, 'Support info', 'none', () => undefined);
    const shadow = marker.host.shadowRoot as ShadowRoot;
    expect(shadow.querySelector('style')?.textContent).toBe(MARKER_CSS);
    expect(shadow.querySelector('button')).not.toBeNull();
  });
});

describe('marker button', () => {
  it('shows a neutral symbol, takes new states and keeps page clicks from opening a card', () => {
    const opened: HTMLButtonElement[] = [];
    const rowClicks: Event[] = [];
    document.body.addEventListener('click', (event) => rowClicks.push(event));
    const marker = createMarkerHost(document, 'Support info', 'none', (button) =>
      opened.push(button),
    );
    document.body.append(marker.host);
    const button = marker.host.shadowRoot?.querySelector('button') as HTMLButtonElement;
    expect(button.getAttribute('aria-haspopup')).toBe('dialog');
    expect(button.title).toBe('Support info');
    expect(button.querySelectorAll('svg circle')).toHaveLength(2);
    expect(button.textContent).toBe('');

    marker.update('out', 'Support info, reminder');
    expect(button.dataset.state).toBe('out');
    expect(button.getAttribute('aria-label')).toBe('Support info, reminder');

    // A page script's click is not a person's: nothing opens, and the row never hears of it.
    button.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true }));
    expect(opened).toEqual([]);
    expect(rowClicks).toEqual([]);
  });

  it('gives every marker its own button and icon', () => {
    const first = createMarkerHost(document, 'Support info', 'none', () => undefined);
    const second = createMarkerHost(document, 'Support info', 'none', () => undefined);
    const buttonOf = (host: HTMLElement) => host.shadowRoot?.querySelector('button');
    expect(buttonOf(first.host)).not.toBe(buttonOf(second.host));
    first.update('soon', 'Support info, reminder');
    expect(buttonOf(second.host)?.dataset.state).toBe('none');
  });
});
