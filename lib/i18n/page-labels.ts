import type { Lang } from '../catalog/catalog';

/**
 * The only strings the content script shows on district pages, kept apart from the full
 * dictionary so the content script stays small. Neutral: they say nothing about a student.
 */
export const PAGE_LABELS: Record<
  Lang,
  {
    markerLabel: string;
    markerReminderLabel: string;
    cardFrameTitle: string;
    hidden: string;
    show: string;
  }
> = {
  en: {
    markerLabel: 'Support info',
    markerReminderLabel: 'Support info, reminder',
    cardFrameTitle: 'Student support card',
    hidden: 'PlainSight is hidden',
    show: 'Show',
  },
  es: {
    markerLabel: 'Información de apoyo',
    markerReminderLabel: 'Información de apoyo, aviso',
    cardFrameTitle: 'Tarjeta de apoyos del estudiante',
    hidden: 'PlainSight está oculto',
    show: 'Mostrar',
  },
};
