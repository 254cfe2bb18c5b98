// @vitest-environment happy-dom
/**
 * LayoutGate's contract, with the browser's ResizeObserver replaced by one the test fires (the
 * real one is exercised end to end: every marker in tests/e2e goes through the gate).
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { LayoutGate } from '../../lib/content/layout-gate';

class ManualResizeObserver {
  static instances: ManualResizeObserver[] = [];
  readonly observed = new Set<Element>();
  constructor(private readonly callback: ResizeObserverCallback) {
    ManualResizeObserver.instances.push(this);
  }
  observe(target: Element) {
    this.observed.add(target);
  }
  unobserve(target: Element) {
    this.observed.delete(target);
  }
  disconnect() {
    this.observed.clear();
  }
  /** What the browser does after laying out a frame: report each observed element once. */
  frame() {
    if (this.observed.size === 0) return;
    this.callback([], this as unknown as ResizeObserver);
  }
}

function names(count: number): HTMLElement[] {
  return Array.from({ length: count }, (_, i) => {
    const link = document.createElement('a');
    link.textContent = `Student ${i}`;
    document.body.append(link);
    return link;
  });
}

let gate: LayoutGate;
const observer = () => ManualResizeObserver.instances.at(-1) as ManualResizeObserver;

beforeEach(() => {
  ManualResizeObserver.instances = [];
  vi.stubGlobal('ResizeObserver', ManualResizeObserver);
});

afterEach(() => {
  gate?.dispose();
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
  document.body.replaceChildren();
});

describe('LayoutGate', () => {
  it('answers only after the next layout, with the elements that are shown', () => {
    const [shown, hidden] = names(2) as [HTMLElement, HTMLElement];
    hidden.hidden = true;
    gate = new LayoutGate(document, (element) => !(element as HTMLElement).hidden);
    const then = vi.fn();
    gate.request([shown, hidden], then);
    expect(then).not.toHaveBeenCalled();
    expect(observer().observed.has(document.documentElement)).toBe(true);
    observer().frame();
    expect(then).toHaveBeenCalledWith([shown]);
  });

  it('serves every request of a frame from one observation, reading all before answering any', () => {
    const elements = names(3);
    const order: string[] = [];
    gate = new LayoutGate(document, (element) => {
      order.push(`read ${element.textContent}`);
      return true;
    });
    gate.request(elements.slice(0, 2), () => order.push('first answered'));
    gate.request(elements.slice(2), () => order.push('second answered'));
    observer().frame();
    expect(order).toEqual([
      'read Student 0',
      'read Student 1',
      'read Student 2',
      'first answered',
      'second answered',
    ]);
    // Nothing left: the next frame reports nothing, until a new request observes again.
    expect(observer().observed.size).toBe(0);
    const later = vi.fn();
    gate.request(elements, later);
    observer().frame();
    expect(later).toHaveBeenCalledTimes(1);
  });

  it('answers nothing once disposed', () => {
    gate = new LayoutGate(document, () => true);
    const then = vi.fn();
    gate.request(names(1), then);
    gate.dispose();
    observer().frame();
    expect(then).not.toHaveBeenCalled();
  });
});
