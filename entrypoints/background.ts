import { z } from 'zod';
import { BackgroundController } from '../lib/background/controller';
import { serveRosterPort } from '../lib/background/roster-port';

// Extension pages forbid eval; tell zod up front instead of letting it probe with new Function.
z.config({ jitless: true });

export default defineBackground(() => {
  const controller = new BackgroundController({
    // The demo/test build starts on the bundled demo feed; a district build waits for a feed URL.
    defaultSettings: import.meta.env.MODE === 'demo' ? { feedSource: { kind: 'demo' } } : {},
  });

  // Installs and updates (an unpacked build counts as one at every launch) and browser starts
  // both resume: pending log entries are retried right away.
  browser.runtime.onInstalled.addListener(() => {
    void controller
      .onPolicyChanged()
      .then(() => controller.refresh())
      .then(() => controller.planNotifications());
    void controller.resumeLogs();
  });
  browser.storage.managed?.onChanged.addListener(() => {
    void controller.onPolicyChanged();
  });
  browser.runtime.onStartup.addListener(() => {
    void controller.refresh().then(() => controller.planNotifications());
    void controller.resumeLogs();
  });
  browser.alarms.onAlarm.addListener((alarm) => {
    void controller.onAlarm(alarm.name);
  });
  browser.permissions.onAdded.addListener(() => {
    void controller.syncContentScripts();
  });
  browser.permissions.onRemoved.addListener(() => {
    void controller.syncContentScripts();
  });
  browser.commands.onCommand.addListener((command) => {
    if (command === 'toggle-presentation') void controller.togglePresentation();
  });
  void controller.idleSeconds().then((seconds) => browser.idle.setDetectionInterval(seconds));
  browser.idle.onStateChanged.addListener((state) => {
    void controller.onIdleState(state);
  });
  browser.tabs.onRemoved.addListener((tabId) => {
    void controller.forgetTab(tabId);
  });
  browser.runtime.onConnect.addListener((port) => {
    serveRosterPort(port, (message, sender) => controller.handleMessage(message, sender));
  });
  // sendResponse + `return true` works in every browser; a returned promise does not everywhere.
  browser.runtime.onMessage.addListener((message, sender, sendResponse) => {
    controller.handleMessage(message, sender).then(
      (response) => sendResponse(response),
      () => sendResponse(undefined),
    );
    return true;
  });
});
