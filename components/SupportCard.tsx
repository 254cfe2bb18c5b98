import { useEffect, useRef, useState } from 'preact/hooks';
import type { CardView } from '../lib/card/card-view';
import type { Lang } from '../lib/catalog/catalog';
import { type Translate, translator } from '../lib/i18n/strings';

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
  onShown,
  initialLang,
  logActions,
}: {
  load: () => Promise<CardView | null | undefined>;
  onClose: () => void;
  /** Called once the card shows its content (or says it has none), after it is rendered. */
  onShown?: () => void;
  initialLang: Lang;
  logActions?: Omit<LogActions, 'refresh'>;
}) {
  const [state, setState] = useState<LoadState>({ kind: 'loading' });
  const [version, setVersion] = useState(0);
  const dialog = useRef<HTMLDivElement>(null);
  const lang = state.kind === 'ready' ? state.view.lang : initialLang;
  const t = translator(lang);

  // `version` asks for a reload.
  useEffect(() => {
    load().then(
      (view) => setState(view ? { kind: 'ready', view } : { kind: 'unavailable' }),
      () => setState({ kind: 'unavailable' }),
    );
  }, [load, version]);

  const ready = state.kind !== 'loading';
  useEffect(() => {
    document.documentElement.lang = lang;
    // Focus moves in once, when the card first shows; reloads after a log keep focus in place.
    if (ready) dialog.current?.focus();
  }, [ready, lang]);
  useEffect(() => {
    if (ready) onShown?.();
  }, [ready, onShown]);

  // Esc closes the card wherever focus is in it (even on the page body after a re-render). On
  // key-up: removing the frame between key-down and key-up would leave the key "stuck".
  useEffect(() => {
    const onEscape = (event: KeyboardEvent) => {
      if (event.key !== 'Escape') return;
      event.preventDefault();
      onClose();
    };
    document.addEventListener('keyup', onEscape);
    return () => document.removeEventListener('keyup', onEscape);
  }, [onClose]);

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Tab' && dialog.current) trapTab(event, dialog.current);
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
            {state.kind === 'ready' ? state.view.displayName : t('cardFallbackTitle')}
          </h1>
          {state.kind === 'ready' && (
            <p class="subtitle">
              {[
                t('grade', { grade: state.view.grade }),
                state.view.planType && t('planType', { type: state.view.planType }),
                state.view.alsoKnownAs && t('listedAs', { name: state.view.alsoKnownAs }),
              ]
                .filter(Boolean)
                .join(' · ')}
            </p>
          )}
        </div>
        <button type="button" class="close" onClick={onClose} aria-label={t('close')}>
          <span aria-hidden="true">×</span>
        </button>
      </header>
      {state.kind === 'loading' && <p class="muted">{t('cardLoading')}</p>}
      {state.kind === 'unavailable' && <p class="muted">{t('cardUnavailable')}</p>}
      {state.kind === 'ready' && (
        <CardBody
          view={state.view}
          t={t}
          actions={logActions && { ...logActions, refresh: () => setVersion((v) => v + 1) }}
        />
      )}
    </div>
  );
}

/** What a card can do with quick-log; the card page and the popup each supply their own. */
export interface LogActions {
  /** Saves "used today"; resolves with the new entry's key once it is on disk. */
  log(accommodationId: string, note?: string): Promise<string | null>;
  undo(key: string): Promise<'deleted' | 'withdrawn' | 'other'>;
  /** Records "I have read these" for the current plan. */
  acknowledge(): Promise<void>;
  /** Reloads the card after a change. */
  refresh(): void;
}

function PlanBanner({ view, t, actions }: { view: CardView; t: Translate; actions?: LogActions }) {
  const changes = view.planChanges;
  if (!changes) return null;
  return (
    <div class="plan-banner" data-testid="plan-banner">
      <p>{t(changes.status === 'changed' ? 'plan.changed' : 'plan.unconfirmed')}</p>
      {changes.removed.length > 0 && (
        <p>{t('plan.removed', { items: changes.removed.join('; ') })}</p>
      )}
      {actions && (
        <button
          type="button"
          class="log"
          onClick={async () => {
            await actions.acknowledge();
            actions.refresh();
          }}
        >
          {t('plan.confirm')}
        </button>
      )}
    </div>
  );
}

const UNDO_MS = 10_000;

function LogControls({
  item,
  view,
  t,
  actions,
}: {
  item: { id: string; title: string };
  view: CardView;
  t: Translate;
  actions: LogActions;
}) {
  const [saved, setSaved] = useState<{ key: string; time: string } | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [note, setNote] = useState('');
  useEffect(() => {
    if (!saved) return;
    const timer = setTimeout(() => setSaved(null), UNDO_MS);
    return () => clearTimeout(timer);
  }, [saved]);
  const entries = view.logging?.thisWeek.filter((e) => e.accommodationId === item.id) ?? [];
  const today = entries.some((e) => e.date === view.logging?.today);
  const use = async () => {
    if (busy) return;
    setBusy(true);
    setMessage(null);
    const key = await actions.log(item.id, note.trim() || undefined);
    setBusy(false);
    if (!key) {
      setMessage(t('log.failed'));
      return;
    }
    setNote('');
    setSaved({
      key,
      time: new Date().toLocaleTimeString(view.lang, { hour: '2-digit', minute: '2-digit' }),
    });
    actions.refresh();
  };
  const undo = async (key: string) => {
    const outcome = await actions.undo(key);
    setSaved(null);
    setMessage(outcome === 'withdrawn' ? t('log.withdrawn') : t('log.undone'));
    actions.refresh();
  };
  return (
    <p class="log-row">
      <button
        type="button"
        class="log"
        aria-disabled={busy}
        aria-label={t('log.usedLabel', { title: item.title })}
        onClick={() => void use()}
      >
        {t('log.used')}
      </button>
      <input
        class="log-note"
        type="text"
        maxLength={500}
        value={note}
        placeholder={t('log.notePlaceholder')}
        aria-label={t('log.noteLabel', { title: item.title })}
        onInput={(e) => setNote(e.currentTarget.value)}
      />
      <span class="log-state" role="status">
        {saved ? (
          <>
            {t('log.saved', { time: saved.time })}{' '}
            <button type="button" class="link" onClick={() => void undo(saved.key)}>
              {t('log.undo')}
            </button>
          </>
        ) : (
          (message ??
          (entries.length > 0
            ? [today && t('log.today'), t('log.week', { count: entries.length })]
                .filter(Boolean)
                .join(' · ')
            : ''))
        )}
      </span>
    </p>
  );
}

export function CardBody({
  view,
  t,
  actions,
}: {
  view: CardView;
  t: Translate;
  actions?: LogActions;
}) {
  return (
    <>
      <PlanBanner view={view} t={t} actions={actions} />
      {view.ambiguousName && (
        <p class="note" data-testid="ambiguous-note">
          {t('ambiguousNote', view.ambiguousName)}
        </p>
      )}
      <section aria-labelledby="acc-title">
        <h2 id="acc-title">{t('accommodations')}</h2>
        {view.groups.length === 0 && <p class="muted">{t('noAccommodations')}</p>}
        {view.groups.map((group) => (
          <div class="group" key={group.title}>
            <h3>{group.title}</h3>
            <ul class="items">
              {group.items.map((item) => (
                <li key={item.id}>
                  <p class="item-title">
                    {item.title}
                    {item.modification && <span class="tag">{t('modification')}</span>}
                    {view.planChanges?.newIds.includes(item.id) && (
                      <span class="tag changed">{t('plan.new')}</span>
                    )}
                    {view.planChanges?.changedIds.includes(item.id) && (
                      <span class="tag changed">{t('plan.changedTag')}</span>
                    )}
                  </p>
                  {item.text !== item.title && <p>{item.text}</p>}
                  {item.details && <p class="details">{item.details}</p>}
                  {item.tip && (
                    <p class="tip">
                      <strong>{item.tip.label}</strong> {item.tip.text}
                    </p>
                  )}
                  {actions && view.logging?.enabled && (
                    <LogControls item={item} view={view} t={t} actions={actions} />
                  )}
                  <p class="meta">
                    {[
                      item.where,
                      item.responsible && t('responsible', { who: item.responsible }),
                      item.source === 'district' && t('districtWording'),
                    ]
                      .filter(Boolean)
                      .join(' · ')}
                  </p>
                </li>
              ))}
            </ul>
          </div>
        ))}
        {view.hiddenForOtherClasses > 0 && (
          <p class="muted">{t('hiddenForOtherClasses', { count: view.hiddenForOtherClasses })}</p>
        )}
      </section>
      <section aria-labelledby="svc-title">
        <h2 id="svc-title">{t('servicesToday', { day: view.todayLabel })}</h2>
        {view.servicesToday.length === 0 ? (
          <p class="muted">{t('noServicesToday')}</p>
        ) : (
          <ul class="items">
            {view.servicesToday.map((service) => (
              <li key={service.id}>
                <p class="item-title">
                  {t('serviceWith', {
                    time: service.time,
                    service: service.title,
                    provider: service.provider,
                  })}
                </p>
                <p class="meta">
                  {[service.setting, service.location, service.needs].filter(Boolean).join(' · ')}
                </p>
              </li>
            ))}
          </ul>
        )}
      </section>
      {view.servicesThisWeek.length > 0 && (
        <section aria-labelledby="week-title">
          <h2 id="week-title">{t('thisWeek')}</h2>
          <ul class="items compact">
            {view.servicesThisWeek.map((service) => (
              <li key={service.id}>
                {service.day} {service.time} · {service.title} · {service.setting}
              </li>
            ))}
          </ul>
        </section>
      )}
      {view.minutes.length > 0 && (
        <ul class="minutes">
          {view.minutes.map((m) => (
            <li key={m.serviceId} class={m.shortfall ? 'shortfall' : undefined}>
              {[
                t('minutesScheduled', { title: m.title, scheduled: m.scheduled }),
                m.required !== undefined && t('minutesRequired', { required: m.required }),
                m.delivered !== undefined &&
                  t('minutesDelivered', { delivered: m.delivered, toDate: m.scheduledToDate }),
              ]
                .filter(Boolean)
                .join(' · ')}
              {m.shortfall && (
                <strong class="flag">
                  {' '}
                  {t('shortfall', { missing: m.scheduledToDate - (m.delivered ?? 0) })}
                </strong>
              )}
            </li>
          ))}
        </ul>
      )}
      <footer class="card-footer">
        <p>
          {t('caseManager')}{' '}
          {view.caseManager.email ? (
            <a href={`mailto:${view.caseManager.email}`}>{view.caseManager.name}</a>
          ) : (
            view.caseManager.name
          )}
          {view.caseManager.phone && <> · {view.caseManager.phone}</>}
        </p>
        <p>{t('planReview', { date: view.reviewDate })}</p>
      </footer>
    </>
  );
}
