import { describe, expect, it } from 'vitest';
import { googleClassroomAdapter } from '../../../lib/sites/google-classroom';
import { adapterFor } from '../../../lib/sites/registry';

const accepts = (href: string) => googleClassroomAdapter.matchesUrl(new URL(href));
const COURSE = 'NzE0MjU5ODgzMTA2';
const WORK = 'NzIwMTE4NDY1NTMy';

describe('Google Classroom URL detector', () => {
  it.each([
    // People, with and without the account prefix and sort suffix.
    `https://classroom.google.com/r/${COURSE}`,
    `https://classroom.google.com/u/1/r/${COURSE}/sort-last-name`,
    `https://classroom.google.com/u/12/r/${COURSE}/sort-first-name`,
    // Grades and student work.
    `https://classroom.google.com/c/${COURSE}/gb`,
    `https://classroom.google.com/u/0/c/${COURSE}/gb/sort-last-name`,
    `https://classroom.google.com/c/${COURSE}/a/${WORK}/submissions/by-status/and-sort-last-name/all`,
    // The rest of the single-page app (views change without a page load).
    `https://classroom.google.com/u/1/c/${COURSE}`,
    `https://classroom.google.com/w/${COURSE}/t/all`,
    `https://classroom.google.com/g/tg/${COURSE}/${WORK}#u=MTA0ODI5MzcxNjUw&t=f`,
    'https://classroom.google.com/',
    'https://classroom.google.com/u/1/h',
    'https://CLASSROOM.GOOGLE.COM./r/abc',
    // Saved pages replayed on local test hosts.
    `http://google-classroom.test:8123/u/1/r/${COURSE}/sort-last-name`,
    `http://127.0.0.1:8123/c/${COURSE}/gb`,
  ])('accepts %s', (href) => {
    expect(accepts(href)).toBe(true);
  });

  it.each([
    // Look-alike and neighbouring hosts: matched exactly, never by substring.
    `https://classroom.google.com.evil.example/r/${COURSE}`,
    `https://notclassroom.google.com/r/${COURSE}`,
    `https://classroom-google.com/r/${COURSE}`,
    `https://docs.google.com/r/${COURSE}`,
    `https://evil.example/classroom.google.com/r/${COURSE}`,
    // Classroom-like paths on district hosts (no district serves Classroom).
    `https://lms.district.example/c/${COURSE}/gb`,
    // Other platforms, on their hosts and on Classroom's.
    'https://moodle.district.example/grade/report/grader/index.php?id=3',
    'https://district.powerschool.com/teachers/home.html',
    'https://district.infinitecampus.org/campus/apps/instruction/grade-book',
    'https://maplecreek.instructure.com/courses/31408/users',
    'https://classroom.google.com/teachers/home.html',
    'https://classroom.google.com/campus/apps/instruction/grade-book',
    'https://classroom.google.com/courses/31408/gradebook',
  ])('rejects %s', (href) => {
    expect(accepts(href)).toBe(false);
  });

  it('is chosen for the google-classroom platform and for hosts of unknown platform', () => {
    const url = new URL(`https://classroom.google.com/u/1/r/${COURSE}/sort-last-name`);
    expect(adapterFor(url, 'google-classroom').id).toBe('google-classroom');
    expect(adapterFor(url, 'other').id).toBe('google-classroom');
    expect(adapterFor(url, 'canvas').id).toBe('generic');
  });
});

describe('Google Classroom page kind', () => {
  const kind = (path: string) =>
    googleClassroomAdapter.pageKind?.(new URL(path, 'https://classroom.google.com'));

  it('calls grades, student work and the grading tool grading pages', () => {
    expect(kind(`/c/${COURSE}/gb`)).toBe('grading');
    expect(kind(`/u/2/c/${COURSE}/gb/sort-last-name`)).toBe('grading');
    expect(kind(`/c/${COURSE}/a/${WORK}/submissions/by-status/and-sort-last-name/all`)).toBe(
      'grading',
    );
    expect(kind(`/u/1/c/${COURSE}/sa/${WORK}/submissions/by-status/all`)).toBe('grading');
    expect(kind(`/g/tg/${COURSE}/${WORK}`)).toBe('grading');
  });

  it('calls People, the stream and classwork something else', () => {
    expect(kind(`/u/1/r/${COURSE}/sort-last-name`)).toBe('other');
    expect(kind(`/c/${COURSE}`)).toBe('other');
    expect(kind(`/c/${COURSE}/a/${WORK}/details`)).toBe('other');
    expect(kind(`/w/${COURSE}/t/all`)).toBe('other');
  });
});
