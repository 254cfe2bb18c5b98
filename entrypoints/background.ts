import { BackgroundController } from '../lib/background/controller';

export default defineBackground(() => {
  const controller = new BackgroundController({
    // The demo/test build starts on the bundled demo feed; a district build waits for a feed URL.
    defaultSettings: import.meta.env.MODE === 'demo' ? { feedSource: { kind: 'demo' } } : {},
  });

  browser.runtime.onInstalled.addListener(() => {
    void controller.scheduleRefresh().then(() => controller.refresh());
  });
  browser.runtime.onStartup.addListener(() => {
    void controller.refresh();
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
  browser.action.onClicked.addListener(() => {
    void browser.runtime.openOptionsPage();
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
