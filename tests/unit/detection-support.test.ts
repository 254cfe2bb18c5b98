/**
 * The detection harness itself (tests/support/detection*.ts): how real pages' truth files become
 * expected students, the invented feed's decoys, the page server, and how markers are scored.
 * All names are invented.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  buildPageFeed,
  type DetectionPage,
  type DetectionServer,
  fixturePage,
  listRealPages,
  startDetectionServer,
} from '../support/detection';
import { type MarkerInfo, makeAttributor, scoreMarkers } from '../support/detection-score';

const dir = mkdtempSync(join(tmpdir(), 'plainsight-detection-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function write(name: string, content: string | object): string {
  const file = join(dir, name);
  writeFileSync(file, typeof content === 'string' ? content : JSON.stringify(content));
  return file;
}

function page(overrides: Partial<DetectionPage> = {}): DetectionPage {
  return {
    key: 'test/roster',
    source: 'fixture',
    platform: 'moodle',
    url: 'https://learn.district.example/user/index.php?id=4',
    entry: '/user/index.php?id=4',
    documents: [{ path: '/user/index.php?id=4', file: write('roster.html', '<p>roster</p>') }],
    students: [
      { name: 'Maya Okafor', given: 'Maya', family: 'Okafor', ids: { moodle: '101' } },
      { name: "Declan O'Brien", given: 'Declan', family: "O'Brien", ids: { moodle: '102' } },
    ],
    nonStudents: ['Ruth Teacherson'],
    ...overrides,
  };
}

function marker(texts: string[], top = 0, visible = true): MarkerInfo {
  return { texts, top, bottom: top + 20, visible };
}

describe('real pages', () => {
  it('are skipped, with the reason, when the folder is absent', () => {
    const result = listRealPages(join(dir, 'no-such-folder'));
    expect(result.pages).toEqual([]);
    expect(result.skipped[0]?.reason).toContain('absent');
  });

  it('take "Last, First" name parts from any page of the same system, else the last word', () => {
    const real = join(dir, 'real');
    mkdirSync(real);
    const truth = (students: object[]) => ({
      url: 'http://127.0.0.1:8082/Modules.php?modname=grades/Grades.php',
      students,
      teachers: [{ name: 'Xuân Kiên Ngô', id: '5', visible: true, forms_seen: [] }],
    });
    writeFileSync(join(real, 'opensis-grades.html'), '<p>grades</p>');
    writeFileSync(
      join(real, 'opensis-grades.truth.json'),
      JSON.stringify(
        truth([
          { name: 'Diego Armijo Gurule', id: '21', visible: true, forms_seen: ['Diego'] },
          { name: 'Tomás Ruiz Vega', id: '22', visible: true, forms_seen: [] },
          { name: 'Hidden Person', id: '23', visible: false, forms_seen: [] },
        ]),
      ),
    );
    writeFileSync(join(real, 'opensis-list.html'), '<p>list</p>');
    writeFileSync(
      join(real, 'opensis-list.truth.json'),
      JSON.stringify(
        truth([
          {
            name: 'Diego Armijo Gurule',
            id: '21',
            visible: true,
            forms_seen: ['Armijo Gurule, Diego'],
          },
        ]),
      ),
    );
    const { pages } = listRealPages(real);
    const grades = pages.find((p) => p.key === 'real/opensis-grades');
    expect(grades?.platform).toBe('opensis');
    expect(grades?.nonStudents).toEqual(['Xuân Kiên Ngô']);
    expect(grades?.students.map(({ given, family, ids }) => ({ given, family, ids }))).toEqual([
      { given: 'Diego', family: 'Armijo Gurule', ids: { opensis: '21' } },
      { given: 'Tomás Ruiz', family: 'Vega', ids: { opensis: '22' } },
    ]);
  });
  it('take the platform from index.json when the file name does not say it, else read the page as a district site', () => {
    const real = join(dir, 'named-by-index');
    mkdirSync(real);
    const truth = (url: string) =>
      JSON.stringify({
        url,
        // No `visible`: shown, so expected.
        students: [{ name: 'Maya Okafor', id: '31', forms_seen: ['Maya Okafor'] }],
      });
    writeFileSync(join(real, 'grades.html'), '<p>grades</p>');
    writeFileSync(
      join(real, 'grades.truth.json'),
      truth('http://127.0.0.1:8082/Modules.php?modname=grades/Grades.php'),
    );
    writeFileSync(join(real, 'roster.html'), '<p>roster</p>');
    writeFileSync(join(real, 'roster.truth.json'), truth('http://127.0.0.1:8090/roster'));
    writeFileSync(
      join(real, 'index.json'),
      JSON.stringify([
        { page: 'grades', system: 'openSIS Classic CE' },
        { page: 'roster', system: 'Sakai' },
      ]),
    );
    const { pages, skipped } = listRealPages(real);
    expect(skipped).toEqual([]);
    expect(pages.map(({ key, platform, students }) => [key, platform, students[0]?.ids])).toEqual([
      ['real/grades', 'opensis', { opensis: '31' }],
      ['real/roster', 'other', undefined],
    ]);
  });
});

describe('fixtures', () => {
  it('serve an outer page at its URL and the fixture as the frame it names', () => {
    write(
      'app.top.html',
      '<iframe name="body" src="Modules.php?modname=grades/Grades.php&amp;x=1">',
    );
    write('app.html', '<p>grades</p>');
    const json = write('app.json', {
      url: 'https://sis.district.example/Modules.php?modname=grades/Grades.php&x=1',
      platform: 'opensis',
      students: [{ name: 'Maya Okafor', given: 'Maya', family: 'Okafor' }],
      top: { url: 'https://sis.district.example/index.php', html: 'app.top.html' },
    });
    const fixture = fixturePage(json);
    expect(fixture.entry).toBe('/index.php');
    expect(fixture.documents.map((d) => [d.path, d.file.split('/').pop()])).toEqual([
      ['/index.php', 'app.top.html'],
      ['/Modules.php?modname=grades/Grades.php&x=1', 'app.html'],
    ]);
  });
});

describe('the invented feed', () => {
  it('holds the page students and decoys who share a first name or a surname but are absent', () => {
    const { feed, host, expectedIds } = buildPageFeed(page());
    expect(host).toBe('moodle.test');
    expect(feed.sites).toEqual([{ host: 'moodle.test', platform: 'moodle' }]);
    expect(expectedIds).toHaveLength(2);
    const decoys = feed.students.filter((s) => !expectedIds.includes(s.id));
    expect(decoys.some((d) => d.name.given === 'Maya' && d.name.family !== 'Okafor')).toBe(true);
    expect(decoys.some((d) => d.name.family === "O'Brien" && d.name.given !== 'Declan')).toBe(true);
    for (const decoy of decoys) expect(decoy.platformIds?.moodle).toMatch(/^99\d{4}$/);
  });
});

describe('scoring markers', () => {
  const scored = (frames: MarkerInfo[][]) => scoreMarkers(page(), frames);

  it('counts each expected student once and reads names past initials badges', () => {
    const result = scored([
      [marker(['Maya Okafor', 'MOMaya Okafor'], 0), marker(['', 'Declan O’Brien'], 40)],
    ]);
    expect(result).toMatchObject({ marked: 2, missed: [], wrong: [] });
  });

  it('flags non-students, unknown texts, hidden markers and a second marker in one row', () => {
    const result = scored([
      [
        marker(['Ruth Teacherson'], 0),
        marker(['Maya Okafor'], 40),
        marker(['Okafor, Maya'], 45),
        marker(['Mayan Okaforth'], 80),
        marker(["Declan O'Brien"], 120, false),
      ],
    ]);
    expect(result.wrong.map((w) => w.reason)).toEqual([
      'marks non-student Ruth Teacherson',
      'second marker for this student in one row',
      'names nobody on the page',
      'marker is hidden',
    ]);
    expect(result).toMatchObject({ marked: 1, missed: ["Declan O'Brien"] });
  });

  it('attributes by whole words only, the longest form winning', () => {
    const attribute = makeAttributor(page());
    expect(attribute(['Maya Okaforson'])).toEqual({ kind: 'unknown' });
    expect(attribute(['Okafor, Maya (she/her)'])).toEqual({ kind: 'student', index: 0 });
    expect(attribute(['Okafor,Maya'])).toEqual({ kind: 'student', index: 0 });
    expect(attribute(['', 'Teacherson, Ruth'])).toEqual({
      kind: 'non-student',
      name: 'Ruth Teacherson',
    });
  });
});

describe('the page server', () => {
  let server: DetectionServer;
  beforeAll(async () => {
    server = await startDetectionServer();
  });
  afterAll(() => server.close());

  /** fetch() may not set Host; the test browser sends `<platform>.test` to 127.0.0.1. */
  function get(path: string, host: string): Promise<{ status: number; body: string }> {
    return new Promise((resolve, reject) => {
      request({ host: '127.0.0.1', port: server.port, path, headers: { host } }, (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => {
          body += chunk;
        });
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
      })
        .on('error', reject)
        .end();
    });
  }

  it('serves the page on its platform host, its feed on any host, and 404 for the rest', async () => {
    const served = server.serve(page());
    const html = await get('/user/index.php?id=4', `moodle.test:${server.port}`);
    expect(html.body).toBe('<p>roster</p>');
    expect((await get('/user/index.php?id=4', 'canvas.test')).status).toBe(404);
    expect((await get('/theme/styles.css', 'moodle.test')).status).toBe(404);
    const feed = await fetch(served.feedUrl);
    expect(((await feed.json()) as { students: unknown[] }).students.length).toBeGreaterThan(2);
    expect(served.pageUrl).toBe(`http://moodle.test:${server.port}/user/index.php?id=4`);
  });
});
