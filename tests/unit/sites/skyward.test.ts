import { describe, expect, it } from 'vitest';
import { adapterFor } from '../../../lib/sites/registry';
import { skywardAdapter } from '../../../lib/sites/skyward';

const matches = (url: string) => skywardAdapter.matchesUrl(new URL(url));
const kind = (url: string) => skywardAdapter.pageKind?.(new URL(url));

describe('Skyward URL detector', () => {
  it.each([
    'https://skyward.ridgefieldisd.org/scripts/wsisa.dll/WService=wsEAplus/tgbscores001.w',
    'https://skyward.ridgefieldisd.org/scripts/wsisa.dll/WService=wseduridgefieldtx/qsfmain001.w',
    'https://skyward-ridgefield.iscorp.example/scripts/wsisa.dll/WService=wsEAplus/sfgradebook001.w',
    'https://sis.ridgefield.k12.example.us/scripts/wsisa.dll/WService=wsEAplus/seplog01.w?nopopup=true',
  ])('accepts %s', (url) => {
    expect(matches(url)).toBe(true);
  });

  it.each([
    'https://district.instructure.com/courses/1/gradebook',
    'https://moodle.district.org/grade/report/grader/index.php?id=4',
    'https://sis.district.org/Modules.php?modname=Grades/Grades.php',
    'https://brookhollowsd.powerschool.com/teachers/index.html',
    'https://larkspurco.infinitecampus.org/campus/apps/gradebook',
    'https://cedarmesausd.aeries.net/teacher/gradebook/4312/scoresByClass',
    'https://ca-pinecrestusd.edupoint.com/GB_Main.aspx',
    // Look-alikes.
    'https://skyward.ridgefieldisd.org/',
    'https://skyward.example.evil.example/login.w',
    'https://evil.example/skyward/scripts/wsisa.dll/WService=wsEAplus/sfhome01.w',
    'https://skyward.ridgefieldisd.org/scripts/wsisa.dll/WService=wsEAplus/',
    'https://skyward.ridgefieldisd.org/scripts/wsisa.dll/WService=wsEAplus/css/sf_base.css',
    'https://skyward.ridgefieldisd.org/scripts/wsisa.dll/wsEAplus/sfhome01.w',
  ])('rejects %s', (url) => {
    expect(matches(url)).toBe(false);
  });

  it('tells grading pages by the page name, not the service path', () => {
    const base = 'https://s.example.org/scripts/wsisa.dll/WService=wsEAplus';
    expect(kind(`${base}/sfgradebook001.w`)).toBe('grading');
    expect(kind(`${base}/tgbscores001.w`)).toBe('grading');
    expect(kind(`${base}/sfhome01.w`)).toBe('other');
    expect(kind('https://s.example.org/scripts/wsisa.dll/WService=wsGradeSvc/sfhome01.w')).toBe(
      'other',
    );
  });

  it('is chosen for Skyward hosts and on hosts listed as "other"', () => {
    const url = new URL(
      'https://skyward.ridgefieldisd.org/scripts/wsisa.dll/WService=wsEAplus/sfhome01.w',
    );
    expect(adapterFor(url, 'skyward')).toBe(skywardAdapter);
    expect(adapterFor(url, 'other')).toBe(skywardAdapter);
    expect(adapterFor(url, 'synergy')).not.toBe(skywardAdapter);
  });
});
