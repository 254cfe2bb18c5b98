/**
 * A happy-dom document for a saved page outside vitest (the detection report), so adapters can
 * read it as they would in a browser. Under vitest's happy-dom environment the globals exist
 * already and are left alone.
 */
import { Window } from 'happy-dom';
import { inertHtml } from './detection';

let window: Window | undefined;

/** DOM globals adapters rely on (NodeFilter for tree walkers, Node for node types, …). */
const GLOBALS = [
  'Node',
  'NodeFilter',
  'Element',
  'HTMLElement',
  'HTMLAnchorElement',
  'HTMLTableRowElement',
  'HTMLTableCellElement',
  'Document',
  'Text',
] as const;

function offlineWindow(): Window {
  if (window) return window;
  window = new Window({
    settings: {
      disableJavaScriptEvaluation: true,
      disableJavaScriptFileLoading: true,
      disableCSSFileLoading: true,
      disableIframePageLoading: true,
      handleDisabledFileLoadingAsSuccess: true,
    },
  });
  const scope = globalThis as Record<string, unknown>;
  const source = window as unknown as Record<string, unknown>;
  for (const name of GLOBALS) scope[name] ??= source[name];
  return window;
}

export function parseOffline(html: string, url: URL): Document {
  const parser = new (offlineWindow().DOMParser)();
  return parser.parseFromString(inertHtml(html, url), 'text/html') as unknown as Document;
}
