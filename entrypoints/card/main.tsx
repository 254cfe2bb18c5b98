import { render } from 'preact';
import { logActionsFor } from '../../components/log-actions';
import { SupportCard } from '../../components/SupportCard';
import { languageFor } from '../../lib/i18n/strings';
import { sendToBackground } from '../../lib/messages/send';
import '../../components/support-card.css';

const nonce = location.hash.slice(1);
const close = () => void sendToBackground({ type: 'card/close', nonce });

const app = document.getElementById('app') as HTMLElement;
const load = () => sendToBackground({ type: 'card/get', nonce, now: Date.now() });
/** The frame takes its content's height (up to the limit the page side sets) once it has loaded. */
function reportSize() {
  if (app.querySelector('[aria-busy="true"]')) return; // Still loading: not its real height.
  // The content's own height: the document's would never be less than the frame's.
  const height = app.scrollHeight;
  void sendToBackground({
    type: 'card/resize',
    nonce,
    height: Math.max(40, Math.min(height, 2000)),
  });
}

render(
  <SupportCard
    load={load}
    onClose={close}
    onShown={reportSize}
    initialLang={languageFor(navigator.language)}
    logActions={logActionsFor({ nonce })}
  />,
  app,
);
new ResizeObserver(reportSize).observe(app);
