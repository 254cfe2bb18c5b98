import { describe, expect, it } from 'vitest';
import { aeriesAdapter } from '../../../lib/sites/aeries';
import { adapterFor } from '../../../lib/sites/registry';

const matches = (url: string) => aeriesAdapter.matchesUrl(new URL(url));

describe('Aeries URL detector', () => {
  it.each([
    'https://cedarmesausd.aeries.net/teacher/gradebook',
    'https://cedarmesausd.aeries.net/teacher/gradebook/4312/scoresByClass',
    'https://cedarmesausd.aeries.net/teacher/gradebook/4312/ScoresByStudent/1187/994',
    // Older installs on the district's own host.
    'https://sis.cedarmesa.example.org/Aeries/teacher/gradebook/4312/scoresByClass',
    'https://sis.cedarmesa.example.org/AeriesNet/gradebook/4312/scoresByClass',
    'https://sis.cedarmesa.example.org/Aeries.net/teacher/gradebook',
    'https://sis.cedarmesa.example.org/gradebook/4312/scoresByClass',
  ])('accepts %s', (url) => {
    expect(matches(url)).toBe(true);
  });

  it.each([
    'https://district.instructure.com/courses/1/gradebook',
    'https://district.instructure.com/courses/1/gradebook/speed_grader?assignment_id=2',
    'https://moodle.district.org/grade/report/grader/index.php?id=4',
    'https://sis.district.org/Modules.php?modname=Grades/Grades.php',
    'https://brookhollowsd.powerschool.com/teachers/index.html',
    'https://larkspurco.infinitecampus.org/campus/apps/gradebook',
    'https://ca-pinecrestusd.edupoint.com/GB_Main.aspx',
    'https://skyward.ridgefieldisd.org/scripts/wsisa.dll/WService=wsEAplus/sfgradebook001.w',
    // Look-alikes.
    'https://cedarmesausd.aeries.net/',
    'https://aeries.net.evil.example/login',
    'https://evil.example/cedarmesausd.aeries.net/teacher/gradebook',
    'https://school.example/gradebook/',
    'https://school.example/gradebook/help',
    'https://school.example/myteacher/gradebook',
    'https://school.example/teacher/gradebooks',
  ])('rejects %s', (url) => {
    expect(matches(url)).toBe(false);
  });

  it('treats gradebook pages as grading', () => {
    expect(
      aeriesAdapter.pageKind?.(new URL('https://x.aeries.net/teacher/gradebook/1/scoresByClass')),
    ).toBe('grading');
  });

  it('is chosen for Aeries hosts and on hosts listed as "other"', () => {
    const url = new URL('https://cedarmesausd.aeries.net/teacher/gradebook/4312/scoresByClass');
    expect(adapterFor(url, 'aeries')).toBe(aeriesAdapter);
    expect(adapterFor(url, 'other')).toBe(aeriesAdapter);
    expect(adapterFor(url, 'canvas')).not.toBe(aeriesAdapter);
  });
});
