/**
 * A hostile district page (tests/demo/pages/hostile-gradebook.html) whose own script, from the
 * first byte, reads everything it can reach: the whole DOM with every open shadow root, every
 * attribute and every mutation, every frame, every `message` event; it tries to read the support
 * card, fetches the extension's files, frames its pages, forges clicks and Enter key presses on
 * the markers and posts forged messages to the card and to itself. A teacher then opens cards
 * with the mouse and the keyboard. Nothing the page gathered may hold anything from a student
 * record, and nothing it did may change what the extension stores.
 *
 * The page is served by the demo server but is not one of the demo pages in expected.json.
 */
import { writeFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import { displayNameOf } from '../../lib/card/card-view';
import { catalogEntry } from '../../lib/catalog/catalog';
import type { Student } from '../../lib/feed/schema';
import type { ExtensionBrowser } from '../support/browser';
import {
  cardFrame,
  demoFeed,
  expect,
  expectedPages,
  markerNear,
  markers,
  openCard,
  openOptions,
  studentById,
  test,
} from './fixtures';

const PAGE = 'hostile-gradebook.html';
const CARD = 'iframe[title="Student support card"]';

/** The feed students on the hostile page: the Canvas demo page's, written as it writes them. */
const canvas = expectedPages.find((p) => p.page === 'canvas-people.html');
if (!canvas) throw new Error('expected.json has no canvas-people.html');
const ON_PAGE: Student[] = canvas.feedStudentIds.map(studentById);
const ON_PAGE_IDS = new Set(canvas.feedStudentIds);

/** What the page shows of a student: the name it uses (preferred, else given) and family. */
function shownName(student: Student): string {
  return displayNameOf(student);
}

/** Everything about the feed's students that the page must never get hold of. */
function secrets(): { label: string; text: string }[] {
  const out: { label: string; text: string }[] = [];
  const add = (label: string, text: string | undefined) => {
    if (text && text.length >= 3) out.push({ label, text });
  };
  for (const student of demoFeed.students) {
    const who = student.id;
    add(`${who} id`, student.id);
    for (const [system, id] of Object.entries(student.platformIds ?? {})) {
      add(`${who} ${system} id`, id);
    }
    const { given, family, middle, preferred } = student.name;
    if (!ON_PAGE_IDS.has(student.id)) {
      // Students who are not on this page: not even their names.
      add(`${who} name`, `${given} ${family}`);
      add(`${who} name`, `${family}, ${given}`);
      if (preferred) add(`${who} preferred name`, `${preferred} ${family}`);
    } else {
      // Students on the page: no name form the page does not itself show.
      if (preferred) add(`${who} legal name`, `${given} ${family}`);
      if (middle) add(`${who} middle name`, `${preferred ?? given} ${middle}`);
      if (middle) add(`${who} middle name`, `${middle} ${family}`);
    }
    add(`${who} plan version`, student.plan.version);
    add(`${who} review date`, student.plan.reviewDate);
    add(`${who} case manager`, student.plan.caseManager.name);
    add(`${who} case manager e-mail`, student.plan.caseManager.email);
    add(`${who} case manager phone`, student.plan.caseManager.phone);
    for (const accommodation of student.accommodations) {
      add(`${who} accommodation id`, accommodation.id);
      add(`${who} accommodation text`, accommodation.text);
      const entry = accommodation.code ? catalogEntry(accommodation.code) : undefined;
      if (entry) {
        for (const lang of ['en', 'es'] as const) {
          add(`${who} accommodation (catalog ${lang})`, entry.text[lang].summary);
          add(`${who} accommodation tip (catalog ${lang})`, entry.text[lang].whileGrading);
        }
      }
    }
    for (const service of student.services) {
      add(`${who} service id`, service.id);
      add(`${who} service`, service.label);
      add(`${who} provider`, service.provider.name);
      add(`${who} provider e-mail`, service.provider.email);
      for (const slot of service.slots ?? []) add(`${who} service location`, slot.location);
    }
  }
  return out;
}

function leaksIn(gathered: string): string[] {
  const found = secrets()
    .filter((secret) => gathered.includes(secret.text))
    .map((secret) => `${secret.label}: ${secret.text}`);
  const planType = gathered.match(/.{0,60}\b(IEP|504)\b.{0,60}/);
  if (planType) found.push(`plan type: …${planType[0]}…`);
  return [...new Set(found)];
}

interface FrameRead {
  reason: string;
  src?: string;
  contentDocument?: string;
  contentHtml?: string;
  contentWindow?: string;
  document?: string;
  location?: string;
  locationValue?: string;
  body?: string;
  bodyValue?: string;
  title?: string;
  windows?: FrameRead[];
}

interface Gathered {
  texts: string[];
  mutations: unknown[];
  frameReads: FrameRead[];
  messages: { origin: string; data: string }[];
  posted: string[];
  forged: {
    kind: string;
    phase?: string;
    cardsBefore?: number;
    cardsAfter?: number;
    opened?: number;
  }[];
  fetches: { url: string; status?: number; body?: string; error?: string }[];
  hookedShadowRoots: number;
  observedRoots: number;
  extensionIds: string[];
  runtime: { chrome: string; runtime: string; sendMessage: string; answer?: string } | null;
  storage: Record<string, unknown> | null;
  cardsSeen: string[];
  autoDone: boolean;
  attacked: string[];
  errors: string[];
}

declare global {
  interface Window {
    __hostile?: { autoDone: boolean; attacked: string[]; collect(): string };
  }
}

/** What the extension keeps in the background: settings, fetch state and any log entries. */
async function backgroundState(extension: ExtensionBrowser): Promise<string> {
  return extension.serviceWorker.evaluate(async () => {
    const { chrome } = globalThis as unknown as {
      chrome: { storage: { local: { get(keys: null): Promise<Record<string, unknown>> } } };
    };
    const local = await chrome.storage.local.get(null);
    const tables = await new Promise<Record<string, number>>((resolve, reject) => {
      const request = indexedDB.open('plainsight');
      request.onerror = () => reject(request.error);
      request.onsuccess = () => {
        const db = request.result;
        const names = [...db.objectStoreNames];
        const counts: Record<string, number> = {};
        if (names.length === 0) {
          db.close();
          resolve(counts);
          return;
        }
        const tx = db.transaction(names, 'readonly');
        for (const name of names) {
          const count = tx.objectStore(name).count();
          count.onsuccess = () => {
            counts[name] = count.result;
          };
        }
        tx.oncomplete = () => {
          db.close();
          resolve(counts);
        };
      };
    });
    return JSON.stringify({ local, tables });
  });
}

/** Waits until the page's script has finished its whole attack on this card. */
async function waitForAttack(page: Page): Promise<string> {
  const src = await page.locator(CARD).getAttribute('src');
  if (!src) throw new Error('card frame has no src');
  await page.waitForFunction((url) => window.__hostile?.attacked.includes(url) ?? false, src, {
    timeout: 30_000,
  });
  return src;
}

async function expectCardShows(page: Page, student: Student, src: string): Promise<void> {
  await expect(page.locator(CARD)).toHaveCount(1);
  await expect(page.locator(CARD)).toHaveAttribute('src', src);
  const card = cardFrame(page);
  await expect(card.getByRole('heading', { level: 1 })).toHaveText(displayNameOf(student));
  for (const accommodation of student.accommodations) {
    if (accommodation.text) await expect(card.getByText(accommodation.text)).toBeVisible();
  }
}

async function openHostilePage(page: Page, extension: ExtensionBrowser, url: string) {
  await openOptions(page, extension);
  await page.goto(`${url}/${PAGE}`);
  await expect(markers(page)).toHaveCount(ON_PAGE.length);
}

test('a hostile page reads nothing from the markers, the cards or the extension', async ({
  page,
  extension,
  server,
}) => {
  test.setTimeout(150_000);
  await openHostilePage(page, extension, server.url);
  // The page's own attack on the markers (forged Enter and click) before anyone clicks.
  await page.waitForFunction(() => window.__hostile?.autoDone === true, null, { timeout: 30_000 });
  await expect(page.locator(CARD)).toHaveCount(0);
  const stateBefore = await backgroundState(extension);

  // A real click opens a card; the page attacks it while it is open.
  const first = ON_PAGE[0] as Student;
  await openCard(page, shownName(first));
  await expect(cardFrame(page).getByRole('dialog')).toBeVisible();
  const firstSrc = await waitForAttack(page);
  // The forged messages, key presses and the page's own frames of the card changed nothing.
  await expectCardShows(page, first, firstSrc);
  await page.mouse.click(5, 5);
  await expect(page.locator(CARD)).toHaveCount(0);

  // The keyboard: Tab to a marker and Enter.
  const second = ON_PAGE.find((s) => s.name.preferred) ?? (ON_PAGE[1] as Student);
  const marker = markerNear(page, shownName(second));
  await marker.focus();
  await page.keyboard.press('Enter');
  await expect(cardFrame(page).getByRole('dialog')).toBeVisible();
  const secondSrc = await waitForAttack(page);
  await expectCardShows(page, second, secondSrc);

  // Everything the page gathered, with one last full read while the card is open.
  const raw = await page.evaluate(() => {
    if (!window.__hostile) throw new Error('the hostile script did not run');
    return window.__hostile.collect();
  });
  const gathered = JSON.parse(raw) as Gathered;
  // Kept with the test's results for a look at what the page saw.
  const gatheredPath = test.info().outputPath('hostile-page-gathered.json');
  await writeFile(gatheredPath, raw);
  await test.info().attach('hostile-page-gathered.json', {
    path: gatheredPath,
    contentType: 'application/json',
  });

  // It did see the page, the markers and both cards (so the checks below mean something).
  expect(gathered.errors).toEqual([]);
  expect(gathered.observedRoots).toBeGreaterThan(ON_PAGE.length);
  expect(gathered.mutations.length).toBeGreaterThan(0);
  expect(gathered.texts.some((t) => t.includes('aria-label=Support info'))).toBe(true);
  const cardSrcs = [firstSrc, secondSrc];
  expect(gathered.cardsSeen).toEqual(expect.arrayContaining(cardSrcs));
  expect(gathered.extensionIds).toEqual([extension.extensionId]);

  // 1. No student detail anywhere in what it gathered.
  expect(leaksIn(raw)).toEqual([]);

  // 2. The card frames were never readable. Until the extension page commits, a new frame holds
  //    the initial empty about:blank document, which is the page's own (and empty); from then
  //    on there is no document, no location and no text.
  const cardReads = gathered.frameReads.filter((read) => read.src?.startsWith('chrome-extension:'));
  const blank = cardReads.filter((read) => read.locationValue === 'about:blank');
  const loaded = cardReads.filter((read) => read.locationValue !== 'about:blank');
  for (const read of blank) {
    expect(read.contentHtml, read.reason).toBe('<html><head></head><body></body></html>');
    expect(read.bodyValue, read.reason).toBe('');
  }
  expect(loaded.length).toBeGreaterThan(cardSrcs.length);
  for (const read of loaded) {
    expect(read.contentDocument, read.reason).toMatch(/^(null|threw )/);
    expect(read.contentHtml, read.reason).toBeUndefined();
    if (read.contentWindow === 'present') {
      expect(read.document, read.reason).toMatch(/^threw /);
      expect(read.location, read.reason).toMatch(/^threw /);
      expect(read.body, read.reason).toMatch(/^threw /);
    }
  }
  for (const src of cardSrcs) {
    expect(
      loaded.some((read) => read.src === src && read.contentDocument === 'null'),
      `the page tried to read ${src} after it loaded`,
    ).toBe(true);
  }
  for (const read of gathered.frameReads.flatMap((r) => r.windows ?? [])) {
    expect(read.document).toMatch(/^threw /);
  }

  // 3. Forged Enter key presses opened nothing; a forged click, if it opened a card, gave the
  //    page nothing it could read (checked above and in the test below).
  const keys = gathered.forged.filter((f) => f.kind === 'keydown Enter');
  expect(keys.map((f) => f.phase)).toEqual(['markers appeared', 'card open', 'card open']);
  for (const forged of keys) expect(forged.cardsAfter).toBe(forged.cardsBefore);
  const clicks = gathered.forged.filter((f) => f.kind === 'click');
  expect(clicks).toHaveLength(1);
  if ((clicks[0]?.opened ?? 0) > 0) {
    test.info().annotations.push({
      type: 'finding',
      description: 'A forged (untrusted) click on a marker opened a support card.',
    });
  }

  // 4. No extension API in the page's world, no messages from the extension, no readable feed.
  expect(gathered.runtime).toMatchObject({ runtime: 'undefined', sendMessage: 'undefined' });
  expect(gathered.runtime?.answer).toBeUndefined();
  // The page received no message it did not post itself: PlainSight does not even announce
  // that it runs.
  expect(gathered.messages.filter((m) => !gathered.posted.includes(m.data))).toEqual([]);
  const feedFetch = gathered.fetches.find((f) => f.url.endsWith('/demo-feed.json'));
  expect(feedFetch?.body).toBeUndefined();
  for (const fetched of gathered.fetches) {
    if (!fetched.url.endsWith('/card.html')) expect(fetched.body, fetched.url).toBeUndefined();
  }
  // No storage of the page's origin was used by the extension.
  expect(gathered.storage).toMatchObject({
    localStorage: '{}',
    sessionStorage: '{}',
    cookie: '',
    indexedDB: '[]',
  });

  // 5. Nothing the page did made the extension store anything (settings, feed, log entries).
  const stateAfter = await backgroundState(extension);
  expect(stateAfter).toBe(stateBefore);
  expect((JSON.parse(stateAfter) as { tables: Record<string, number> }).tables.logs ?? 0).toBe(0);
});

test('a forged click on a marker shows nothing the page can read', async ({
  page,
  extension,
  server,
}) => {
  await openHostilePage(page, extension, server.url);
  await page.waitForFunction(() => window.__hostile?.autoDone === true, null, { timeout: 30_000 });
  const reads = await page.evaluate(async () => {
    const hosts = [...document.querySelectorAll('span')].filter((s) => s.shadowRoot);
    const button = hosts[0]?.shadowRoot?.querySelector('button');
    if (!button) throw new Error('no marker');
    button.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true }));
    await new Promise((resolve) => setTimeout(resolve, 2000));
    const frames = [...document.querySelectorAll('*')].flatMap((element) => [
      ...(element.shadowRoot?.querySelectorAll('iframe') ?? []),
    ]);
    return frames.map((frame) => {
      let doc: string;
      try {
        doc = frame.contentDocument === null ? 'null' : 'READ';
      } catch {
        doc = 'threw';
      }
      let body: string;
      try {
        body = frame.contentWindow?.document.body.textContent ?? 'none';
      } catch {
        body = 'threw';
      }
      return { doc, body };
    });
  });
  for (const read of reads) expect(read).toEqual({ doc: 'null', body: 'threw' });
});

// A page script's synthetic click on a marker (in its open shadow root) must not open a card:
// Marker ignores untrusted clicks; keyboard Enter/Space on the button are trusted clicks.
test('a forged click on a marker does not open a card', async ({ page, extension, server }) => {
  await openHostilePage(page, extension, server.url);
  await page.waitForFunction(() => window.__hostile?.autoDone === true, null, {
    timeout: 30_000,
  });
  await expect(page.locator(CARD)).toHaveCount(0);
  await page.evaluate(() => {
    const host = [...document.querySelectorAll('span')].find((s) => s.shadowRoot);
    host?.shadowRoot?.querySelector('button')?.click();
  });
  await page.waitForTimeout(2000);
  await expect(page.locator(CARD)).toHaveCount(0, { timeout: 1 });
});

// PlainSight does not announce its id to the page and ignores a forged "newer script started"
// event: only a real reload or removal of the extension stops the content script.
test('the page cannot switch PlainSight off by forging WXT’s “started” event', async ({
  page,
  extension,
  server,
}) => {
  await openHostilePage(page, extension, server.url);
  await page.waitForFunction(() => window.__hostile?.autoDone === true, null, {
    timeout: 30_000,
  });
  // The page is no longer told the event name; one that learned the extension id (from a
  // card frame's src) can still build it, so the forged event is sent anyway.
  const eventName = `${extension.extensionId}:roster:wxt:content-script-started`;
  const dispatched = await page.evaluate((type) => {
    const told = (window.__hostile as unknown as { messages: { data: string }[] }).messages.some(
      (m) => m.data.includes('content-script-started'),
    );
    document.dispatchEvent(
      new CustomEvent(type, { detail: { contentScriptName: 'roster', messageId: 'x' } }),
    );
    return told ? 'announced' : type;
  }, eventName);
  expect(dispatched).toBe(eventName); // PlainSight did not announce itself to the page
  await page.waitForTimeout(1500);
  await expect(markers(page)).toHaveCount(ON_PAGE.length, { timeout: 1 });
});

// The page must not learn who has a plan by adding names the teacher cannot see: only names
// rendered on screen (a size, not transparent, not pushed off the page) are marked.
test('the page cannot probe names the teacher cannot see', async ({ page, extension, server }) => {
  await openHostilePage(page, extension, server.url);
  const outsider = demoFeed.students.find((s) => !ON_PAGE_IDS.has(s.id) && !s.name.middle);
  if (!outsider) throw new Error('no feed student off this page');
  const outsiderName = displayNameOf(outsider);
  const probed = await page.evaluate(
    async (names) => {
      const results: Record<string, boolean> = {};
      for (const name of names) {
        const row = document.createElement('li');
        row.style.cssText = 'position:absolute;left:-10000px;top:0;opacity:0';
        row.textContent = name;
        document.body.append(row);
        await new Promise((resolve) => setTimeout(resolve, 1500));
        results[name] = row.querySelector('span')?.shadowRoot != null;
        row.remove();
      }
      return results;
    },
    [outsiderName, 'Ximena Castillo'],
  );
  expect(probed['Ximena Castillo']).toBe(false);
  expect(probed[outsiderName], `${outsiderName} was given a marker off screen`).toBe(false);
});
