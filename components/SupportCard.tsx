import { useEffect, useRef, useState } from 'preact/hooks';
import type { CardView } from '../lib/card/card-view';

type LoadState = { kind: 'loading' } | { kind: 'ready'; view: CardView } | { kind: 'unavailable' };

/** Keeps Tab inside the card while it is open. */
function trapTab(event: KeyboardEvent, container: HTMLElement) {
  const focusable = [
    ...container.querySelectorAll<HTMLElement>('a[href], button, [tabindex="0"]'),
  ].filter((el) => !el.hasAttribute('disabled'));
  const first = focusable[0];
  const last = focusable.at(-1);
  if (!first || !last) return;
  if (event.shiftKey && document.activeElement === first) {
    event.preventDefault();
    last.focus();
  } else if (!event.shiftKey && document.activeElement === last) {
    event.preventDefault();
    first.focus();
  }
}

export function SupportCard({
  load,
  onClose,
}: {
  load: () => Promise<CardView | null | undefined>;
  onClose: () => void;
}) {
  const [state, setState] = useState<LoadState>({ kind: 'loading' });
  const dialog = useRef<HTMLDivElement>(null);

  useEffect(() => {
    load().then(
      (view) => setState(view ? { kind: 'ready', view } : { kind: 'unavailable' }),
      () => setState({ kind: 'unavailable' }),
    );
  }, [load]);

  useEffect(() => {
    if (state.kind !== 'loading') dialog.current?.focus();
  }, [state.kind]);

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Escape') {
      event.preventDefault();
      onClose();
    } else if (event.key === 'Tab' && dialog.current) {
      trapTab(event, dialog.current);
    }
  };

  return (
    <div
      ref={dialog}
      class="card"
      role="dialog"
      aria-labelledby="card-title"
      aria-busy={state.kind === 'loading'}
      tabIndex={-1}
      onKeyDown={onKeyDown}
    >
      <header class="card-header">
        <div>
          <h1 id="card-title">
            {state.kind === 'ready' ? state.view.displayName : 'Student supports'}
          </h1>
          {state.kind === 'ready' && (
            <p class="subtitle">
              Grade {state.view.grade}
              {state.view.alsoKnownAs && <> · Listed as {state.view.alsoKnownAs}</>}
            </p>
          )}
        </div>
        <button type="button" class="close" onClick={onClose} aria-label="Close">
          <span aria-hidden="true">×</span>
        </button>
      </header>
      {state.kind === 'loading' && <p class="muted">Loading…</p>}
      {state.kind === 'unavailable' && (
        <p class="muted">
          This card is no longer available. Close it and open the student’s marker again.
        </p>
      )}
      {state.kind === 'ready' && <CardBody view={state.view} />}
    </div>
  );
}

function CardBody({ view }: { view: CardView }) {
  return (
    <>
      <section aria-labelledby="acc-title">
        <h2 id="acc-title">Accommodations</h2>
        {view.accommodations.length === 0 ? (
          <p class="muted">No accommodations listed.</p>
        ) : (
          <ul class="items">
            {view.accommodations.map((item) => (
              <li key={item.id}>
                <p class="item-title">{item.title}</p>
                {item.text !== item.title && <p>{item.text}</p>}
                {item.details && <p class="details">{item.details}</p>}
                <p class="meta">
                  {item.where}
                  {item.responsible && <> · Responsible: {item.responsible}</>}
                  {item.source === 'district' && <> · District wording</>}
                </p>
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="svc-title">
        <h2 id="svc-title">Today’s services · {view.todayLabel}</h2>
        {view.servicesToday.length === 0 ? (
          <p class="muted">No services scheduled today.</p>
        ) : (
          <ul class="items">
            {view.servicesToday.map((service) => (
              <li key={service.id}>
                <p class="item-title">
                  {service.time} {service.title} with {service.provider}
                </p>
                <p class="meta">
                  {service.setting}
                  {service.location && <> · {service.location}</>}
                  {service.needs && <> · {service.needs}</>}
                </p>
              </li>
            ))}
          </ul>
        )}
      </section>
      <footer class="card-footer">
        <p>
          Case manager:{' '}
          {view.caseManager.email ? (
            <a href={`mailto:${view.caseManager.email}`}>{view.caseManager.name}</a>
          ) : (
            view.caseManager.name
          )}
          {view.caseManager.phone && <> · {view.caseManager.phone}</>}
        </p>
        <p>Plan review: {view.reviewDate}</p>
      </footer>
    </>
  );
}
