import type { ToContent } from './protocol';

/**
 * Checks a message meant for the content script without bundling zod into every page (the
 * content script's size budget is small). Mirrors `ToContent` in protocol.ts.
 */
export function parseToContent(raw: unknown): ToContent | null {
  if (typeof raw !== 'object' || raw === null) return null;
  const message = raw as Record<string, unknown>;
  switch (message.type) {
    case 'feed/changed':
      return { type: message.type };
    case 'card/close':
      return typeof message.nonce === 'string'
        ? { type: 'card/close', nonce: message.nonce }
        : null;
    case 'card/resize': {
      const { height, nonce } = message;
      return typeof height === 'number' &&
        typeof nonce === 'string' &&
        Number.isInteger(height) &&
        height >= 40 &&
        height <= 2000
        ? { type: 'card/resize', nonce, height }
        : null;
    }
    case 'privacy/state': {
      const reason = message.reason;
      if (typeof message.hidden !== 'boolean') return null;
      if (reason !== undefined && reason !== 'presentation' && reason !== 'idle') return null;
      return { type: 'privacy/state', hidden: message.hidden, reason };
    }
    default:
      return null;
  }
}
