import { browser } from 'wxt/browser';
import type { Lang } from '../catalog/catalog';
import type { Student } from '../feed/schema';
import { type StringKey, translator } from '../i18n/strings';
import { sessionsBetween } from '../services/schedule';
import { localDay } from '../services/today';

const PREFIX = 'svc|';
/** Re-plans every hour so a new day's sessions get their alarms. */
export const PLAN_ALARM = 'reminders-plan';
const LEAD_MINUTES = 5;

interface PlanInput {
  enabled: boolean;
  students: readonly Student[];
  timeZone: string;
  now: Date;
}

/**
 * Optional notifications a few minutes before a student leaves class (pull-out or remote
 * sessions). Each is a chrome.alarms alarm, so it fires even if the service worker was stopped.
 */
export class PullOutNotifier {
  async plan({ enabled, students, timeZone, now }: PlanInput): Promise<void> {
    const existing = await browser.alarms.getAll();
    await Promise.all(
      existing.filter((a) => a.name.startsWith(PREFIX)).map((a) => browser.alarms.clear(a.name)),
    );
    if (!enabled || !(await browser.permissions.contains({ permissions: ['notifications'] }))) {
      await browser.alarms.clear(PLAN_ALARM);
      return;
    }
    await browser.alarms.create(PLAN_ALARM, { periodInMinutes: 60 });
    const today = localDay(now, timeZone).date;
    for (const student of students) {
      for (const session of sessionsBetween(student.services, today, today, timeZone)) {
        const leaves =
          session.service.setting === 'pull-out' || session.service.delivery?.mode === 'remote';
        const when = session.start.getTime() - LEAD_MINUTES * 60_000;
        if (!leaves || when <= now.getTime()) continue;
        await browser.alarms.create(
          `${PREFIX}${student.id}|${session.serviceId}|${session.slot.start}`,
          { when },
        );
      }
    }
  }

  /** Whether an alarm is one of ours: returns what it is about. */
  static parse(name: string): { studentId: string; serviceId: string; start: string } | null {
    if (!name.startsWith(PREFIX)) return null;
    const [studentId, serviceId, start] = name.slice(PREFIX.length).split('|');
    return studentId && serviceId && start ? { studentId, serviceId, start } : null;
  }

  async notify(alarmName: string, student: Student | undefined, lang: Lang): Promise<void> {
    const about = PullOutNotifier.parse(alarmName);
    const service = student?.services.find((s) => s.id === about?.serviceId);
    const slot = service?.slots.find((s) => s.start === about?.start);
    if (!about || !student || !service || !slot) return;
    const t = translator(lang);
    // First name and initial only: notifications can show on a projected screen.
    const name = `${student.name.preferred ?? student.name.given} ${student.name.family.charAt(0)}.`;
    await browser.notifications.create(alarmName, {
      type: 'basic',
      iconUrl: browser.runtime.getURL('/icon/128.png'),
      title: t('notify.title'),
      message: t('notify.message', {
        time: `${slot.start}–${slot.end}`,
        name,
        service: service.label ?? t(`service.${service.type}` as StringKey),
        setting: t(`setting.${service.setting}` as StringKey),
      }),
    });
  }
}
