import { describe, expect, it } from 'vitest';
import { adapterFor } from '../../../lib/sites/registry';
import { schoologyAdapter } from '../../../lib/sites/schoology';

const accepts = (href: string) => schoologyAdapter.matchesUrl(new URL(href));

describe('Schoology URL detector', () => {
  it.each([
    'https://cedarvale.schoology.com/course/6034412215/members',
    'https://cedarvale.schoology.com/course/6034412215/grades',
    'https://cedarvale.schoology.com/course/6034412215/grades/',
    'https://cedarvale.schoology.com/course/6034412215/gradebook',
    // District domains.
    'https://lms.cedarvale-schools.example/course/6034412215/grades',
    'https://learn.northfield.example/course/42/members?ss=1',
  ])('accepts %s', (href) => {
    expect(accepts(href)).toBe(true);
  });

  it.each([
    // Other Schoology pages.
    'https://cedarvale.schoology.com/course/6034412215/materials',
    'https://cedarvale.schoology.com/course/6034412215/updates',
    'https://cedarvale.schoology.com/course/abc/members',
    'https://cedarvale.schoology.com/user/84512377/info',
    // Moodle's paths also start with /course/ and /grade/.
    'https://moodle.district.example/course/view.php?id=3',
    'https://moodle.district.example/course/user.php?id=3',
    'https://moodle.district.example/grade/report/grader/index.php?id=3',
    'https://moodle.district.example/user/index.php?id=3',
    // Other platforms.
    'https://district.powerschool.com/teachers/home.html',
    'https://district.infinitecampus.org/campus/apps/instruction/grade-book',
    'https://maplecreek.instructure.com/courses/31408/users',
    'https://classroom.google.com/c/NzE0MjU5ODgzMTA2/gb',
    // Hosts that merely look like Schoology decide nothing: the path does.
    'https://cedarvale.schoology.com.evil.example/teachers/home.html',
    'https://schoology.evil.example/grade/report/grader/index.php',
    'https://portal.district.example/login?next=/course/6034412215/grades',
  ])('rejects %s', (href) => {
    expect(accepts(href)).toBe(false);
  });

  it('is chosen for Schoology hosts and for hosts of unknown platform', () => {
    const url = new URL('https://cedarvale.schoology.com/course/6034412215/members');
    expect(adapterFor(url, 'schoology').id).toBe('schoology');
    expect(adapterFor(url, 'other').id).toBe('schoology');
    expect(adapterFor(url, 'moodle').id).not.toBe('schoology');
  });
});

describe('Schoology page kind', () => {
  it('calls the gradebook a grading page and members something else', () => {
    const kind = (path: string) =>
      schoologyAdapter.pageKind?.(new URL(path, 'https://cedarvale.schoology.com'));
    expect(kind('/course/6034412215/grades')).toBe('grading');
    expect(kind('/course/6034412215/gradebook')).toBe('grading');
    expect(kind('/course/6034412215/members')).toBe('other');
  });
});
