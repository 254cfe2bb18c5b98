import { vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';

/**
 * Resets WXT's fake browser to an installed extension with this id: its own URLs agree with
 * the id (the fake's getURL keeps a default one), the UI is in English, every host permission
 * is granted and no content script is registered yet.
 */
export function resetFakeExtension(id: string): void {
  fakeBrowser.reset();
  fakeBrowser.runtime.id = id;
  vi.spyOn(fakeBrowser.runtime, 'getURL').mockImplementation(
    (path: string) => `chrome-extension://${id}/${path.replace(/^\//, '')}` as never,
  );
  vi.spyOn(fakeBrowser.i18n, 'getUILanguage').mockReturnValue('en-US');
  vi.spyOn(fakeBrowser.permissions, 'contains').mockResolvedValue(true as never);
  vi.spyOn(fakeBrowser.scripting, 'getRegisteredContentScripts').mockResolvedValue([] as never);
}
