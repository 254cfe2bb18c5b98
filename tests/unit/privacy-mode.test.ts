import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { PrivacyMode } from '../../lib/background/privacy';

describe('PrivacyMode', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    // The fake browser has no action API; the badge is a side effect we only observe.
    Object.assign(fakeBrowser, { action: { setBadgeText: vi.fn(async () => {}) } });
  });

  it('presentation mode toggles and shows a neutral badge', async () => {
    const mode = new PrivacyMode();
    expect(await mode.state()).toEqual({ hidden: false });
    expect(await mode.togglePresentation()).toEqual({ hidden: true, reason: 'presentation' });
    expect(fakeBrowser.action.setBadgeText).toHaveBeenLastCalledWith({ text: '⏸' });
    expect(await mode.togglePresentation()).toEqual({ hidden: false });
    expect(fakeBrowser.action.setBadgeText).toHaveBeenLastCalledWith({ text: '' });
  });

  it('an idle or locked screen hides until revealed; revealing does not end presentation mode', async () => {
    const mode = new PrivacyMode();
    expect(await mode.hideForIdle()).toEqual({ hidden: true, reason: 'idle' });
    expect(await mode.reveal()).toEqual({ hidden: false });
    await mode.togglePresentation();
    await mode.hideForIdle();
    expect(await mode.reveal()).toEqual({ hidden: true, reason: 'presentation' });
  });

  it('survives the service worker restarting (session storage)', async () => {
    await new PrivacyMode().togglePresentation();
    expect(await new PrivacyMode().state()).toEqual({ hidden: true, reason: 'presentation' });
  });
});
