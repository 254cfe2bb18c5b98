import type { Lang } from '../lib/catalog/catalog';
import { CardFrame } from '../lib/content/card-frame';
import { LayoutGate } from '../lib/content/layout-gate';
import { createMarkerHost } from '../lib/content/marker-host';
import { PrivacyVeil } from '../lib/content/privacy-veil';
import { ReminderClock } from '../lib/content/reminder-clock';
import { RosterWatcher } from '../lib/content/roster-watcher';
import { PAGE_LABELS } from '../lib/i18n/page-labels';
import type { RosterMatch } from '../lib/messages/protocol';
import { RosterPortClient } from '../lib/messages/roster-port-client';
import { sendToBackground } from '../lib/messages/send';
import { parseToContent } from '../lib/messages/to-content';
import type { MarkerState } from '../lib/services/timeline';
import { assignmentOf, classHintOf, pageKindFor } from '../lib/sites/page-context';
import { adapterFor } from '../lib/sites/registry';

/** Candidates per message; the protocol caps one request at 5,000. */
const BATCH = 2000;

export default defineContentScript({
  // Registered at runtime by the background for the district hosts the user granted.
  registration: 'runtime',
  matches: [],
  // Do not announce the extension id to the page with window.postMessage.
  noScriptStartedPostMessage: true,
  async main(ctx) {
    const site = await sendToBackground({ type: 'page/site' }).catch(() => undefined);
    if (!site) return; // Not an allowed district page (any more).
    const adapter = adapterFor(new URL(location.href), site.platform);
    let lang: Lang = site.lang;
    const cards = new CardFrame(document, {
      requestCardUrl: async (studentId) => {
        const url = new URL(location.href);
        const answer = await sendToBackground({
          type: 'card/open',
          studentId,
          context: {
            pageKind: pageKindFor(adapter, url),
            classHint: classHintOf(document),
            assignment: assignmentOf(document),
          },
        });
        return answer?.url;
      },
      frameTitle: () => PAGE_LABELS[lang].cardFrameTitle,
    });
    const labelFor = (state: MarkerState) =>
      state === 'none' ? PAGE_LABELS[lang].markerLabel : PAGE_LABELS[lang].markerReminderLabel;
    const updaters = new WeakMap<HTMLElement, (state: MarkerState, label: string) => void>();
    const reminders = new ReminderClock(
      (visit) => watcher.forEachMarker(visit),
      (host, state) => updaters.get(host)?.(state, labelFor(state)),
    );
    const layout = new LayoutGate(document);
    const roster = new RosterPortClient();
    const watcher = new RosterWatcher(document, {
      adapter,
      match: async (candidates) => {
        const results: RosterMatch[] = [];
        for (let i = 0; i < candidates.length; i += BATCH) {
          const batch = candidates.slice(i, i + BATCH);
          const answer = await roster.ask(batch);
          if (!answer) return null; // Refused: the page is not (or no longer) allowed.
          lang = answer.lang;
          results.push(...answer.results);
          for (const result of answer.results) {
            if (result.status === 'student')
              reminders.setTimeline(result.studentId, result.reminders);
          }
        }
        queueMicrotask(() => reminders.refresh());
        return results;
      },
      createMarker: (studentId) => {
        const state = reminders.stateOf(studentId);
        const marker = createMarkerHost(document, labelFor(state), state, (button, host) => {
          const id = watcher.studentIdOf(host);
          if (id && !veil.isHidden()) void cards.toggle(id, button);
        });
        updaters.set(marker.host, marker.update);
        if (veil.isHidden()) veil.style(marker.host); // A new marker has no style to undo.
        return marker.host;
      },
      whenShown: (elements, then) => layout.request(elements, then),
    });

    const veil = new PrivacyVeil(document, {
      forEachMarker: (visit) => watcher.forEachMarker((host) => visit(host)),
      closeCard: () => cards.close(false),
      reveal: () => void sendToBackground({ type: 'privacy/reveal' }),
      labels: () => PAGE_LABELS[lang],
    });
    veil.set(site.privacy.hidden, site.privacy.reason);

    const onMessage = (raw: unknown) => {
      const message = parseToContent(raw);
      if (!message) return;
      if (message.type === 'privacy/state') veil.set(message.hidden, message.reason);
      else if (message.type === 'card/close') {
        if (cards.isCurrent(message.nonce)) cards.close(true);
      } else if (message.type === 'card/resize') {
        if (cards.isCurrent(message.nonce)) cards.resize(message.height);
      } else {
        cards.close(false);
        void watcher.reset();
      }
    };
    browser.runtime.onMessage.addListener(onMessage);
    ctx.onInvalidated(() => {
      // The page can forge WXT's "newer script started" event; only a real reload or removal
      // of the extension (which takes runtime.id away from this script) stops PlainSight.
      if (browser.runtime?.id) return;
      browser.runtime.onMessage.removeListener(onMessage);
      cards.close(false);
      reminders.stop();
      veil.dispose();
      watcher.stop();
      layout.dispose();
      roster.close();
    });
    void watcher.start();
  },
});
