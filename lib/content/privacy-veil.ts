import type { HideReason } from '../messages/protocol';

export interface VeilDeps {
  forEachMarker(visit: (host: HTMLElement) => void): void;
  closeCard(): void;
  /** The teacher asks to show PlainSight again after an idle/locked screen. */
  reveal(): void;
  labels(): { hidden: string; show: string };
}

const INDICATOR_CSS = `
:host { all: initial; position: fixed; right: 12px; bottom: 12px; z-index: 2147483646; }
.pill { font: 12px/1.2 system-ui, sans-serif; color: #1c2430; background: #eef2f8;
  border: 1px solid #c6d2e3; border-radius: 14px; padding: 5px 10px; display: flex; gap: 8px;
  align-items: center; box-shadow: 0 2px 6px rgba(15, 30, 60, 0.15); }
button { font: inherit; border: 1px solid #1a4fa0; background: #1a4fa0; color: #fff;
  border-radius: 10px; padding: 2px 8px; cursor: pointer; }
button:focus-visible { outline: 2px solid #1a4fa0; outline-offset: 2px; }
@media (forced-colors: active) { .pill, button { border-color: CanvasText; } }
`;

/**
 * Hides every marker and the card while PlainSight must not show anything: presentation mode,
 * an idle or locked screen (until the teacher clicks "Show"), or a page in full screen. A small
 * neutral indicator says PlainSight is hidden.
 */
export class PrivacyVeil {
  private reason: HideReason | undefined;
  private fullscreen = false;
  private indicator: HTMLElement | null = null;

  constructor(
    private readonly doc: Document,
    private readonly deps: VeilDeps,
  ) {
    doc.addEventListener('fullscreenchange', this.onFullscreen);
  }

  isHidden(): boolean {
    return this.reason !== undefined || this.fullscreen;
  }

  set(hidden: boolean, reason?: HideReason): void {
    this.reason = hidden ? (reason ?? 'presentation') : undefined;
    this.apply();
  }

  /** Applies the current state to one marker (new markers are created while hidden too). */
  style(host: HTMLElement): void {
    if (this.isHidden()) host.style.setProperty('display', 'none', 'important');
    else host.style.removeProperty('display');
  }

  dispose(): void {
    this.doc.removeEventListener('fullscreenchange', this.onFullscreen);
    this.indicator?.remove();
  }

  private readonly onFullscreen = () => {
    this.fullscreen = this.doc.fullscreenElement !== null;
    this.apply();
  };

  private apply(): void {
    if (this.isHidden()) this.deps.closeCard();
    this.deps.forEachMarker((host) => this.style(host));
    this.indicator?.remove();
    this.indicator = null;
    // No indicator in full screen: the page asked for the whole screen.
    if (this.reason) this.indicator = this.createIndicator(this.reason);
  }

  private createIndicator(reason: HideReason): HTMLElement {
    const { hidden, show } = this.deps.labels();
    const host = this.doc.createElement('div');
    const shadow = host.attachShadow({ mode: 'open' });
    const style = this.doc.createElement('style');
    style.textContent = INDICATOR_CSS;
    const pill = this.doc.createElement('div');
    pill.className = 'pill';
    pill.setAttribute('role', 'status');
    pill.textContent = hidden;
    if (reason === 'idle') {
      const button = this.doc.createElement('button');
      button.type = 'button';
      button.textContent = show;
      button.addEventListener('click', (event) => {
        event.stopPropagation();
        this.deps.reveal();
      });
      pill.append(button);
    }
    shadow.append(style, pill);
    this.doc.documentElement.append(host);
    return host;
  }
}
