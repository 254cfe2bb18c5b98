import { sendToBackground } from '../lib/messages/send';
import type { LogActions } from './SupportCard';

/**
 * Quick-log actions for a card: by the card's nonce (on a district page) or for a student
 * opened in the popup. Each resolves only once the background has the entry on disk.
 */
export function logActionsFor(
  who: { nonce: string } | { studentId: string },
): Omit<LogActions, 'refresh'> {
  return {
    async log(accommodationId, note) {
      const answer = await sendToBackground({
        type: 'log/add',
        accommodationId,
        note,
        ...('nonce' in who ? { nonce: who.nonce } : { studentIds: [who.studentId] }),
      });
      return 'saved' in answer ? (answer.saved[0]?.key ?? null) : null;
    },
    async acknowledge() {
      await sendToBackground({
        type: 'plan/acknowledge',
        ...('nonce' in who ? { nonce: who.nonce } : { studentId: who.studentId }),
      });
    },
    async undo(key) {
      const result = await sendToBackground({ type: 'log/undo', key });
      return result?.outcome === 'deleted' || result?.outcome === 'withdrawn'
        ? result.outcome
        : 'other';
    },
  };
}
