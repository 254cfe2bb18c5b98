import { isAllowedHost } from '../sites/hosts';

export interface SenderLike {
  id?: string;
  url?: string;
  origin?: string;
  tab?: { id?: number };
  frameId?: number;
}

/** A message from one of our own pages (options, card, popup). */
export function isOwnExtensionPage(
  sender: SenderLike,
  extensionId: string,
  extensionOrigin: string,
): boolean {
  const base = extensionOrigin.endsWith('/') ? extensionOrigin : `${extensionOrigin}/`;
  // A prefix test, not URL.origin: non-web schemes have an opaque ("null") origin in some engines.
  return sender.id === extensionId && typeof sender.url === 'string' && sender.url.startsWith(base);
}

/** A message from our content script running in a tab on an allowed district host. */
export function isContentScriptOnAllowedHost(
  sender: SenderLike,
  extensionId: string,
  allowedHosts: readonly string[],
): boolean {
  if (sender.id !== extensionId || sender.tab?.id === undefined || !sender.url) return false;
  try {
    const url = new URL(sender.url);
    if (url.protocol !== 'https:' && url.protocol !== 'http:') return false;
    return isAllowedHost(url.hostname, allowedHosts);
  } catch {
    return false;
  }
}
