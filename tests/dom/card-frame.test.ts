// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CardFrame } from '../../lib/content/card-frame';

const VIEWPORT_HEIGHT = 800;

afterEach(() => {
  vi.useRealTimers();
  for (const frame of document.documentElement.querySelectorAll('body ~ div')) frame.remove();
  document.body.replaceChildren();
});

/** A marker button whose box is `top` px from the viewport's top (happy-dom does no layout). */
function markerAt(top: number): HTMLButtonElement {
  const button = document.createElement('button');
  document.body.append(button);
  button.getBoundingClientRect = () => new DOMRect(100, top, 18, 18);
  return button;
}

async function openCard(button: HTMLButtonElement) {
  Object.defineProperty(window, 'innerHeight', { value: VIEWPORT_HEIGHT, configurable: true });
  const cards = new CardFrame(document, {
    requestCardUrl: async () => 'about:blank#card-1',
    frameTitle: () => 'Student support card',
  });
  await cards.toggle('s-1', button);
  const iframe = document.documentElement.lastElementChild?.shadowRoot?.querySelector('iframe');
  if (!iframe) throw new Error('no card frame');
  const host = iframe.getRootNode() as ShadowRoot;
  const box = () => {
    const [, top] =
      /translate\([^,]+, (-?\d+)px\)/.exec((host.host as HTMLElement).style.transform) ?? [];
    return {
      top: Number(top),
      height: Number.parseFloat(iframe.style.height),
      shown: iframe.style.opacity === '1',
    };
  };
  return { cards, box };
}

describe('CardFrame placement', () => {
  it('stays invisible while the card loads, then shows below the marker at its real height', async () => {
    const { cards, box } = await openCard(markerAt(100));
    expect(box().shown).toBe(false);
    cards.resize(400);
    expect(box()).toEqual({ top: 100 + 18 + 6, height: 400, shown: true });
  });

  it('keeps its top where it was shown when the content grows or shrinks', async () => {
    const { cards, box } = await openCard(markerAt(100));
    cards.resize(300);
    cards.resize(450);
    expect(box()).toEqual({ top: 124, height: 450, shown: true });
    cards.resize(200);
    expect(box().top).toBe(124);
  });

  it('goes above a marker low on the screen, and its top stays put however the card changes', async () => {
    const { cards, box } = await openCard(markerAt(700));
    cards.resize(300);
    const shown = box();
    expect(shown).toEqual({ top: 700 - 6 - 300, height: 300, shown: true });
    // A taller card does not push its buttons upwards: it scrolls inside the same box.
    cards.resize(420);
    expect(box()).toEqual(shown);
    cards.resize(250);
    expect(box()).toEqual({ ...shown, height: 250 });
  });

  it('moves to the side that has room when the page scrolls', async () => {
    const button = markerAt(700);
    const { cards, box } = await openCard(button);
    cards.resize(300);
    expect(box().top).toBe(394);
    button.getBoundingClientRect = () => new DOMRect(100, 60, 18, 18);
    window.dispatchEvent(new Event('scroll'));
    await new Promise((frame) => requestAnimationFrame(frame));
    expect(box()).toEqual({ top: 60 + 18 + 6, height: 300, shown: true });
  });

  it('takes no clicks while it is invisible', async () => {
    const { cards, box } = await openCard(markerAt(100));
    const iframe = document.documentElement.lastElementChild?.shadowRoot?.querySelector('iframe');
    expect(iframe?.style.pointerEvents).toBe('none');
    cards.resize(300);
    expect(box().shown).toBe(true);
    expect(iframe?.style.pointerEvents).toBe('auto');
  });

  it('is shown anyway when the card never reports its size', async () => {
    vi.useFakeTimers();
    const { box } = await openCard(markerAt(100));
    expect(box().shown).toBe(false);
    vi.advanceTimersByTime(1500);
    expect(box().shown).toBe(true);
  });
});
