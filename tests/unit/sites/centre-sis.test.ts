import { describe, expect, it } from 'vitest';
import { opensisAdapter } from '../../../lib/sites/opensis';
import { adapterFor } from '../../../lib/sites/registry';
import { centreSisFlavour, rosariosisAdapter } from '../../../lib/sites/rosariosis';

const flavour = (url: string) => centreSisFlavour(new URL(url));

describe('RosarioSIS and openSIS URL detectors', () => {
  it.each([
    ['https://sis.district.example/Modules.php?modname=Students/Student.php', 'rosariosis'],
    [
      'https://sis.district.example/Modules.php?modname=Grades/Grades.php&student_id=4',
      'rosariosis',
    ],
    [
      'https://sis.district.example/rosariosis/Modules.php?modname=Attendance/TakeAttendance.php',
      'rosariosis',
    ],
    ['https://sis.district.example/Modules.php?modname=misc/Portal.php', 'rosariosis'],
    ['https://sis.district.example/Modules.php?modname=grades/Grades.php', 'opensis'],
    [
      'https://sis.district.example/Modules.php?modname=miscellaneous/Portal.php&failed_login=0',
      'opensis',
    ],
    [
      'https://sis.district.example/Modules.php?modname=users/TeacherPrograms.php?include=attendance/TakeAttendance.php&modfunc=attn',
      'opensis',
    ],
    ['https://sis.district.example/index.php', undefined],
    ['https://sis.district.example/Modules.php', undefined],
    ['https://sis.district.example/Modules.php?modname=', undefined],
    ['https://sis.district.example/Modules.phpx?modname=Grades/Grades.php', undefined],
    ['https://learn.district.example/user/index.php?id=3', undefined],
  ])('%s is %s', (url, expected) => {
    expect(flavour(url)).toBe(expected);
  });

  it('the two detectors never claim the same URL', () => {
    for (const url of [
      'https://sis.district.example/Modules.php?modname=Grades/Grades.php',
      'https://sis.district.example/Modules.php?modname=grades/Grades.php',
    ]) {
      const claims = [rosariosisAdapter, opensisAdapter].filter((a) => a.matchesUrl(new URL(url)));
      expect(claims).toHaveLength(1);
    }
  });

  it('the feed platform decides on a RosarioSIS or openSIS host', () => {
    const url = new URL('https://sis.district.example/Modules.php?modname=Grades/Grades.php');
    expect(adapterFor(url, 'rosariosis')).toBe(rosariosisAdapter);
    expect(adapterFor(url, 'other')).toBe(rosariosisAdapter);
    // An openSIS host never gets the RosarioSIS adapter; the generic finder reads it instead.
    expect(adapterFor(url, 'opensis').id).toBe('generic');
  });
});
