import { browser } from 'wxt/browser';
import type { PrivacyState } from '../messages/send';

const KEY = 'privacy';

interface Stored {
  presentation: boolean;
  idle: boolean;
}

/**
 * Presentation mode (toggled by the keyboard shortcut or the popup) and idle hiding (the screen
 * went idle or locked). Kept in session storage: it survives the service worker stopping but
 * not a browser restart. Presentation wins over idle: revealing after idle does not end it.
 */
export class PrivacyMode {
  private async read(): Promise<Stored> {
    const stored = (await browser.storage.session.get(KEY))[KEY] as Stored | undefined;
    return stored ?? { presentation: false, idle: false };
  }

  private async write(next: Stored): Promise<PrivacyState> {
    await browser.storage.session.set({ [KEY]: next });
    const state = PrivacyMode.toState(next);
    // A neutral badge says PlainSight is hidden, without a word about students.
    await browser.action.setBadgeText({ text: state.hidden ? '⏸' : '' });
    return state;
  }

  static toState({ presentation, idle }: Stored): PrivacyState {
    if (presentation) return { hidden: true, reason: 'presentation' };
    if (idle) return { hidden: true, reason: 'idle' };
    return { hidden: false };
  }

  async state(): Promise<PrivacyState> {
    return PrivacyMode.toState(await this.read());
  }

  async togglePresentation(): Promise<PrivacyState> {
    const now = await this.read();
    return this.write({ ...now, presentation: !now.presentation });
  }

  async hideForIdle(): Promise<PrivacyState> {
    return this.write({ ...(await this.read()), idle: true });
  }

  async reveal(): Promise<PrivacyState> {
    return this.write({ ...(await this.read()), idle: false });
  }
}
