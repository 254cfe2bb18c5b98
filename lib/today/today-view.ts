import { format, parseISO } from 'date-fns';
import { es as esLocale } from 'date-fns/locale/es';
import {
  appliesInClass,
  displayNameOf,
  type ServiceView,
  serviceViewsForDay,
} from '../card/card-view';
import { catalogEntry, type Lang } from '../catalog/catalog';
import type { ClassSection, Student } from '../feed/schema';
import { localDay, sessionsOn } from '../services/today';

/**
 * The popup's "Today": for each class in period order, the students with supports, what to set
 * up before class, and who leaves for which service when. Built from the cached feed.
 */
export interface TodayView {
  lang: Lang;
  dayLabel: string;
  classes: TodayClass[];
  /** Sessions today that take a student out of class or need a set-up, in time order. */
  leaving: LeavingView[];
}

export interface TodayClass {
  id: string;
  title: string;
  period?: string;
  students: TodayStudent[];
}

export interface TodayStudent {
  studentId: string;
  displayName: string;
  /** What to set up before class: the catalog's "before class" tips, or the district's text. */
  beforeClass: string[];
  /** This class's sessions today for the student. */
  services: ServiceView[];
  /** Catalog accommodations that apply in this class, for logging several students at once. */
  codes: { code: string; title: string }[];
}

export interface LeavingView extends ServiceView {
  studentId: string;
  displayName: string;
  classTitle?: string;
}

/** "2" < "10", and periods before unnamed ones. */
function byPeriod(a: ClassSection, b: ClassSection): number {
  const pa = a.period ?? '\uffff';
  const pb = b.period ?? '\uffff';
  return pa.localeCompare(pb, undefined, { numeric: true }) || a.title.localeCompare(b.title);
}

export function beforeClassTips(
  student: Student,
  classSection: ClassSection,
  lang: Lang,
): string[] {
  const applicable = student.accommodations.filter((a) => appliesInClass(a, classSection));
  const tips = applicable.map((a) => {
    const entry = a.code ? catalogEntry(a.code) : undefined;
    return entry ? entry.text[lang].beforeClass : (a.text ?? '');
  });
  return [...new Set(tips.filter((tip) => tip !== ''))];
}

export function buildTodayView(
  students: readonly Student[],
  feed: { timeZone: string; classes: readonly ClassSection[] },
  now: Date,
  lang: Lang,
): TodayView {
  const day = localDay(now, feed.timeZone);
  const classes = [...feed.classes].sort(byPeriod);
  const titleOf = (id: string | undefined) => classes.find((c) => c.id === id)?.title;
  const today = (student: Student) =>
    serviceViewsForDay(student.services, now, feed.timeZone, lang);

  const leaving: LeavingView[] = students
    .flatMap((student) => {
      const views = today(student);
      return sessionsOn(student.services, day).flatMap(({ service, slot }, index) => {
        const view = views[index];
        if (!view || (service.setting !== 'pull-out' && service.delivery?.mode !== 'remote')) {
          return [];
        }
        return [
          {
            ...view,
            studentId: student.id,
            displayName: displayNameOf(student),
            classTitle: titleOf(slot.classId),
          },
        ];
      });
    })
    .sort((a, b) => a.time.localeCompare(b.time));

  return {
    lang,
    dayLabel: format(parseISO(day.date), 'EEEE PPP', lang === 'es' ? { locale: esLocale } : {}),
    classes: classes.map((classSection) => ({
      id: classSection.id,
      title: classSection.title,
      period: classSection.period,
      students: students
        .filter((student) => student.classIds.includes(classSection.id))
        .sort((a, b) => displayNameOf(a).localeCompare(displayNameOf(b)))
        .map((student) => {
          const sessions = sessionsOn(student.services, day);
          const views = today(student);
          return {
            studentId: student.id,
            displayName: displayNameOf(student),
            beforeClass: beforeClassTips(student, classSection, lang),
            codes: student.accommodations
              .filter((a) => a.code !== undefined && appliesInClass(a, classSection))
              .map((a) => ({
                code: a.code as string,
                title:
                  catalogEntry(a.code as string)?.text[lang].title ?? a.text ?? (a.code as string),
              })),
            services: views.filter((_, i) => sessions[i]?.slot.classId === classSection.id),
          };
        }),
    })),
    leaving,
  };
}
