import { describe, expect, it } from 'vitest';
import { moodleAdapter } from '../../../lib/sites/moodle';
import { adapterFor } from '../../../lib/sites/registry';

const matches = (url: string) => moodleAdapter.matchesUrl(new URL(url));

describe('Moodle URL detector', () => {
  it.each([
    'https://learn.district.example/user/index.php?id=12&perpage=5000',
    'https://learn.district.example/mod/assign/view.php?id=48&action=grading',
    'https://learn.district.example/mod/quiz/report.php?id=51&mode=overview',
    'https://learn.district.example/grade/report/grader/index.php?id=12',
    'https://learn.district.example/group/overview.php?id=12',
    'https://learn.district.example/report/progress/index.php?course=12',
    'https://learn.district.example/notes/index.php?course=12',
    'https://learn.district.example/report/completion/index.php?course=12',
    'https://learn.district.example/blog/index.php?courseid=12',
    // Installed under a subpath.
    'https://www.district.example/moodle/user/index.php?id=12',
  ])('accepts %s', (url) => {
    expect(matches(url)).toBe(true);
  });

  it.each([
    'https://learn.district.example/',
    'https://learn.district.example/login/index.php',
    'https://sis.district.example/Modules.php?modname=Grades/Grades.php',
    'https://sis.district.example/Modules.php?modname=grades/Grades.php',
    'https://district.instructure.com/courses/1/users',
    'https://district.schoology.com/course/12/members',
    'https://brookhollowsd.powerschool.com/teachers/index.html',
    // Look-alikes: a Moodle folder name that is not a path segment, or not a PHP page.
    'https://learn.district.example/myuser/index.php',
    'https://learn.district.example/user/index.html',
  ])('rejects %s', (url) => {
    expect(matches(url)).toBe(false);
  });

  it('is chosen for Moodle hosts and for hosts listed as "other"', () => {
    const url = new URL('https://learn.district.example/user/index.php?id=12');
    expect(adapterFor(url, 'moodle')).toBe(moodleAdapter);
    expect(adapterFor(url, 'other')).toBe(moodleAdapter);
    expect(adapterFor(url, 'canvas')).not.toBe(moodleAdapter);
  });
});
