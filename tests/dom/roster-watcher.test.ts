// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { RosterWatcher, type RosterWatcherDeps } from '../../lib/content/roster-watcher';
import type { RosterCandidate, RosterMatch } from '../../lib/messages/protocol';
import { findNameCandidates, genericAdapter, looksLikeName } from '../../lib/sites/generic';

// All names are invented.
const MARKER_CLASS = 'ps-test-marker';
const NONE: RosterMatch = { status: 'none' };

function student(studentId: string): RosterMatch {
  return { status: 'student', studentId };
}

/** What the fake background knows: page text → answer. Anything else is 'none'. */
function defaultFeed(): Map<string, RosterMatch> {
  return new Map<string, RosterMatch>([
    ['Maya Okafor', student('s-maya')],
    ['Okafor, Maya', student('s-maya')],
    ['Thao Nguyen', student('s-thao')],
    ['Nguyen, Thao', student('s-thao')],
    ['Brennan-Ortiz, Sasha', student('s-sasha')],
    ['Jordan Lee', { status: 'ambiguous' }],
    ['Lee, Jordan', { status: 'ambiguous' }],
    // Two different students: one anchor showing both texts must not be marked.
    ['Jamie Cruz Alvarez', student('s-jamie-alvarez')],
    ['Jamie Cruz', student('s-jamie-cruz')],
  ]);
}

function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  ...children: (Node | string)[]
): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  element.append(...children);
  return element;
}

function link(text: string): HTMLAnchorElement {
  const a = el('a', text);
  a.href = '/courses/1/users/1';
  return a;
}

/** A gradebook row: the name as a link in the first cell, a score in the second. */
function nameRow(name: string): HTMLTableRowElement {
  return el('tr', el('td', link(name)), el('td', '93%'));
}

function rosterTable(...names: string[]): HTMLTableSectionElement {
  const tbody = el('tbody', ...names.map(nameRow));
  document.body.append(el('table', tbody));
  return tbody;
}

// happy-dom has no HTMLTableSectionElement.rows / HTMLTableRowElement.cells.
function rowsOf(tbody: Element): HTMLTableRowElement[] {
  return [...tbody.querySelectorAll<HTMLTableRowElement>(':scope > tr')];
}

function rowAt(tbody: Element, index: number): HTMLTableRowElement {
  const row = rowsOf(tbody)[index];
  if (!row) throw new Error(`no row ${index}`);
  return row;
}

function cellAt(row: Element, index: number): HTMLTableCellElement {
  const cell = row.querySelectorAll<HTMLTableCellElement>(':scope > td')[index];
  if (!cell) throw new Error(`no cell ${index}`);
  return cell;
}

function linkIn(row: Element): HTMLAnchorElement {
  const a = row.querySelector('a');
  if (!a) throw new Error('row has no link');
  return a;
}

function allMarkers(root: ParentNode = document): HTMLElement[] {
  return [...root.querySelectorAll<HTMLElement>(`.${MARKER_CLASS}`)];
}

function markerAfter(element: Element): HTMLElement | null {
  const next = element.nextElementSibling;
  return next instanceof HTMLElement && next.classList.contains(MARKER_CLASS) ? next : null;
}

/** Lets the MutationObserver fire, the scheduled batch run and the fake background answer. */
async function settle(): Promise<void> {
  for (let i = 0; i < 4; i++) await new Promise((resolve) => setTimeout(resolve, 0));
}

const watchers: RosterWatcher[] = [];

function createWatcher(
  options: {
    feed?: Map<string, RosterMatch>;
    deps?: Partial<RosterWatcherDeps>;
    root?: Document;
  } = {},
) {
  const feed = options.feed ?? defaultFeed();
  const asked: string[] = [];
  const match = vi.fn(async (candidates: RosterCandidate[]): Promise<RosterMatch[] | null> => {
    asked.push(...candidates.map((c) => c.text));
    return candidates.map((c) => feed.get(c.text) ?? NONE);
  });
  const createMarker = vi.fn(() => {
    const span = document.createElement('span');
    span.className = MARKER_CLASS;
    return span;
  });
  const watcher = new RosterWatcher(options.root ?? document, {
    adapter: genericAdapter,
    match,
    createMarker,
    whenShown: (elements, then) => then(elements),
    schedule: (cb) => setTimeout(cb, 0),
    ...options.deps,
  });
  watchers.push(watcher);
  return { watcher, match, asked, feed, createMarker };
}

/** A background that answers the first question at once and each later one on answerNow(). */
function slowAfterFirstAnswer(feed: Map<string, RosterMatch>) {
  const waiting: (() => void)[] = [];
  const match = vi.fn(async (candidates: RosterCandidate[]): Promise<RosterMatch[] | null> => {
    if (match.mock.calls.length > 1) await new Promise<void>((resolve) => waiting.push(resolve));
    return candidates.map((c) => feed.get(c.text) ?? NONE);
  });
  const answerNow = () => {
    for (const resolve of waiting.splice(0)) resolve();
  };
  return { match, answerNow };
}

/** A roster with these names, watched with a background that answers its first question only. */
async function watchWithSlowBackground(...names: string[]) {
  const feed = defaultFeed();
  const { match, answerNow } = slowAfterFirstAnswer(feed);
  const tbody = rosterTable(...names);
  const { watcher } = createWatcher({ feed, deps: { match } });
  await watcher.start();
  return { tbody, watcher, match, answerNow };
}

/** For every marker in the page: the text of the link before it and the student it stands for. */
function markedLinks(watcher: RosterWatcher): [string, string | undefined][] {
  return allMarkers()
    .map((marker): [string, string | undefined] => [
      marker.previousElementSibling?.textContent ?? '(no anchor)',
      watcher.studentIdOf(marker),
    ])
    .sort(([a], [b]) => a.localeCompare(b));
}

afterEach(() => {
  for (const watcher of watchers.splice(0)) watcher.stop();
  document.body.replaceChildren();
});

describe('RosterWatcher: first scan', () => {
  it('marks exactly the links that name feed students', async () => {
    const tbody = rosterTable(
      'Okafor, Maya',
      'Nguyen, Thao',
      'Zed Unknownson',
      'Brennan-Ortiz, Sasha',
    );
    const { watcher } = createWatcher();
    await watcher.start();

    expect(markedLinks(watcher)).toEqual([
      ['Brennan-Ortiz, Sasha', 's-sasha'],
      ['Nguyen, Thao', 's-thao'],
      ['Okafor, Maya', 's-maya'],
    ]);
    expect(watcher.markerCount()).toBe(3);
    const unknownRow = rowAt(tbody, 2);
    expect(markerAfter(linkIn(unknownRow))).toBeNull();
  });

  it('places the marker right after a "Last, First" link inside its table cell', async () => {
    const tbody = rosterTable('Okafor, Maya');
    const { watcher } = createWatcher();
    await watcher.start();

    const row = rowAt(tbody, 0);
    const a = linkIn(row);
    const marker = markerAfter(a);
    expect(marker).not.toBeNull();
    expect(marker?.parentElement).toBe(cellAt(row, 0));
    // The score cell is untouched.
    expect(cellAt(row, 1).childNodes.length).toBe(1);
    expect(cellAt(row, 1).textContent).toBe('93%');
  });

  it('puts the marker inside a block container that holds the name itself, at the end', async () => {
    const item = el('li', 'Maya Okafor');
    document.body.append(el('ul', item));
    const { watcher } = createWatcher();
    await watcher.start();

    expect(item.lastElementChild?.classList.contains(MARKER_CLASS)).toBe(true);
    expect(item.lastElementChild && watcher.studentIdOf(item.lastElementChild)).toBe('s-maya');
    expect(allMarkers()).toHaveLength(1);
  });

  it('does not mark ambiguous or unknown names', async () => {
    rosterTable('Lee, Jordan', 'Jordan Lee', 'Someone Else', 'Okafor, Maya');
    const { watcher, asked } = createWatcher();
    await watcher.start();

    expect(asked).toEqual(
      expect.arrayContaining(['Lee, Jordan', 'Jordan Lee', 'Someone Else', 'Okafor, Maya']),
    );
    expect(markedLinks(watcher)).toEqual([['Okafor, Maya', 's-maya']]);
  });

  it('does not mark an anchor whose whole text and own text name different students', async () => {
    // Whole text "Jamie Cruz Alvarez" and own text "Jamie Cruz" are two different students.
    const a = el('a', 'Jamie Cruz ', el('span', 'Alvarez'));
    document.body.append(el('div', a));
    const { watcher, asked } = createWatcher();
    await watcher.start();

    expect(asked).toEqual(expect.arrayContaining(['Jamie Cruz Alvarez', 'Jamie Cruz']));
    expect(allMarkers()).toHaveLength(0);
    expect(watcher.markerCount()).toBe(0);
  });

  it('marks an anchor when its two texts agree or only one of them is a student', async () => {
    // Whole "Okafor, Maya (she/her)" is unknown; own text "Okafor, Maya" is the student.
    const a = el('a', 'Okafor, Maya ', el('i', '(she/her)'));
    document.body.append(el('div', a));
    const { watcher } = createWatcher();
    await watcher.start();

    const marker = markerAfter(a);
    expect(marker && watcher.studentIdOf(marker)).toBe('s-maya');
    expect(allMarkers()).toHaveLength(1);
  });

  it('does not mark invisible elements such as a hidden template row', async () => {
    const tbody = rosterTable('Okafor, Maya');
    const template = nameRow('Nguyen, Thao');
    template.hidden = true;
    tbody.append(template);
    const { watcher } = createWatcher({
      deps: {
        whenShown: (elements, then) =>
          then(elements.filter((element) => element.closest('[hidden]') === null)),
      },
    });
    await watcher.start();

    expect(markedLinks(watcher)).toEqual([['Okafor, Maya', 's-maya']]);
    expect(markerAfter(linkIn(template))).toBeNull();

    // The page clones the template into a visible row: that one is marked.
    const clone = template.cloneNode(true) as HTMLTableRowElement;
    clone.hidden = false;
    tbody.append(clone);
    await settle();
    expect(markerAfter(linkIn(clone))).not.toBeNull();
    expect(markerAfter(linkIn(template))).toBeNull();
    expect(allMarkers()).toHaveLength(2);
  });

  it('does not rescan the page because of its own markers', async () => {
    rosterTable('Okafor, Maya', 'Nguyen, Thao');
    const findCandidates = vi.fn(findNameCandidates);
    const { watcher, match } = createWatcher({
      deps: { adapter: { ...genericAdapter, findCandidates } },
    });
    await watcher.start();
    await settle();

    // Inserting a marker is a page mutation too; it must not trigger another scan or marker.
    expect(findCandidates).toHaveBeenCalledTimes(1);
    expect(match).toHaveBeenCalledTimes(1);
    expect(allMarkers()).toHaveLength(2);
  });

  it('does not even schedule a read for its own markers, yet reads a page change made with them', async () => {
    const tbody = rosterTable('Okafor, Maya');
    const schedule = vi.fn((callback: () => void) => setTimeout(callback, 0));
    let addRowWithMarkers = false;
    const { watcher } = createWatcher({
      deps: {
        schedule,
        whenShown: (elements, then) => {
          // The page adds a row in the same moment our markers go in.
          if (addRowWithMarkers) tbody.append(nameRow('Nguyen, Thao'));
          addRowWithMarkers = false;
          then(elements);
        },
      },
    });
    await watcher.start();
    await settle();
    expect(allMarkers()).toHaveLength(1);
    expect(schedule).not.toHaveBeenCalled();

    addRowWithMarkers = true;
    tbody.append(nameRow('Brennan-Ortiz, Sasha'));
    await settle();
    await settle();
    expect(markedLinks(watcher).map(([text]) => text)).toEqual([
      'Brennan-Ortiz, Sasha',
      'Nguyen, Thao',
      'Okafor, Maya',
    ]);
    // The first row, then the row added alongside our markers; never for the markers alone.
    expect(schedule).toHaveBeenCalledTimes(2);
  });
});

describe('RosterWatcher: following page changes', () => {
  it('marks rows appended after the first scan', async () => {
    const tbody = rosterTable('Okafor, Maya');
    const { watcher } = createWatcher();
    await watcher.start();

    const added = nameRow('Nguyen, Thao');
    tbody.append(added, nameRow('Nobody Known'));
    await settle();

    expect(markerAfter(linkIn(added))).not.toBeNull();
    expect(markedLinks(watcher)).toEqual([
      ['Nguyen, Thao', 's-thao'],
      ['Okafor, Maya', 's-maya'],
    ]);
  });

  it('marks a name whose text node is added into an existing empty link', async () => {
    const a = link('');
    a.replaceChildren();
    document.body.append(el('div', a));
    const { watcher } = createWatcher();
    await watcher.start();
    expect(allMarkers()).toHaveLength(0);

    a.append('Nguyen, Thao');
    await settle();
    const marker = markerAfter(a);
    expect(marker && watcher.studentIdOf(marker)).toBe('s-thao');
  });

  it('keeps exactly one marker per student when rows are re-rendered', async () => {
    const tbody = rosterTable('Okafor, Maya', 'Nguyen, Thao');
    const { watcher } = createWatcher();
    await watcher.start();

    // A framework re-render: every old row removed, identical new rows added, twice.
    for (let round = 0; round < 2; round++) {
      tbody.replaceChildren(nameRow('Okafor, Maya'), nameRow('Nguyen, Thao'));
      await settle();
    }

    expect(markedLinks(watcher)).toEqual([
      ['Nguyen, Thao', 's-thao'],
      ['Okafor, Maya', 's-maya'],
    ]);
    expect(watcher.markerCount()).toBe(2);
    for (const row of rowsOf(tbody)) expect(markerAfter(linkIn(row))).not.toBeNull();
  });

  it('removes the marker left behind when the link alone is replaced inside its cell', async () => {
    const tbody = rosterTable('Okafor, Maya');
    const { watcher } = createWatcher();
    await watcher.start();
    const cell = cellAt(rowAt(tbody, 0), 0);
    const oldLink = linkIn(cell);
    expect(markerAfter(oldLink)).not.toBeNull();

    // The framework swaps the link element but keeps the cell (and our marker after the link).
    const newLink = link('Okafor, Maya');
    oldLink.replaceWith(newLink);
    await settle();

    expect(cell.querySelectorAll(`.${MARKER_CLASS}`)).toHaveLength(1);
    expect(markerAfter(newLink)).not.toBeNull();
    expect(watcher.markerCount()).toBe(1);
  });

  it('keeps one marker per row when the page re-sorts its rows', async () => {
    const tbody = rosterTable('Okafor, Maya', 'Nguyen, Thao', 'Brennan-Ortiz, Sasha');
    const { watcher } = createWatcher();
    await watcher.start();

    for (const row of rowsOf(tbody).reverse()) tbody.append(row);
    await settle();

    expect(allMarkers()).toHaveLength(3);
    for (const row of rowsOf(tbody))
      expect(row.querySelectorAll(`.${MARKER_CLASS}`)).toHaveLength(1);
  });

  it('asks the background once per distinct text and caches the answers', async () => {
    const tbody = rosterTable('Okafor, Maya', 'Nguyen, Thao', 'Okafor, Maya', 'Lee, Jordan');
    const { watcher, match, asked } = createWatcher();
    await watcher.start();

    expect(match).toHaveBeenCalledTimes(1);
    expect([...asked].sort()).toEqual(['Lee, Jordan', 'Nguyen, Thao', 'Okafor, Maya']);
    // Both rows naming the same student are marked from one answer.
    expect(allMarkers()).toHaveLength(3);

    // Re-rendered rows with known texts (including 'none'/'ambiguous' ones) are not asked again.
    tbody.replaceChildren(nameRow('Okafor, Maya'), nameRow('Nguyen, Thao'), nameRow('Lee, Jordan'));
    await settle();
    expect(match).toHaveBeenCalledTimes(1);
    expect(allMarkers()).toHaveLength(2);

    // Only the new text goes to the background.
    tbody.append(nameRow('Brennan-Ortiz, Sasha'), nameRow('Okafor, Maya'));
    await settle();
    expect(match).toHaveBeenCalledTimes(2);
    expect(match.mock.calls[1]?.[0]).toEqual([{ text: 'Brennan-Ortiz, Sasha' }]);
    expect(allMarkers()).toHaveLength(4);
  });

  it('marks names it already knows at once, while new names in the same batch are asked', async () => {
    const { tbody, watcher, match, answerNow } = await watchWithSlowBackground('Okafor, Maya');
    expect(allMarkers()).toHaveLength(1);

    tbody.replaceChildren(nameRow('Okafor, Maya'), nameRow('Nguyen, Thao'));
    await settle();
    // The background has not answered about Thao yet; Maya's re-rendered row is marked anyway.
    expect(match).toHaveBeenCalledTimes(2);
    expect(markedLinks(watcher)).toEqual([['Okafor, Maya', 's-maya']]);

    answerNow();
    await settle();
    expect(markedLinks(watcher)).toEqual([
      ['Nguyen, Thao', 's-thao'],
      ['Okafor, Maya', 's-maya'],
    ]);
  });

  it('takes a marker away at once when its name changes to one the background has not answered', async () => {
    const { tbody, watcher, answerNow } = await watchWithSlowBackground('Okafor, Maya');
    const nameLink = linkIn(rowAt(tbody, 0));
    nameLink.textContent = 'Nguyen, Thao';
    await settle();
    // Maya's marker must not stay beside Thao's name while the background is asked.
    expect(allMarkers()).toHaveLength(0);
    answerNow();
    await settle();
    expect(markedLinks(watcher)).toEqual([['Nguyen, Thao', 's-thao']]);
  });

  it('a late answer does not land on a name that changed while it was asked', async () => {
    const { tbody, watcher, match, answerNow } = await watchWithSlowBackground(
      'Okafor, Maya',
      'Lee, Jordan',
    );
    const nameLink = linkIn(rowAt(tbody, 1));
    nameLink.textContent = 'Nguyen, Thao';
    await settle();
    expect(match).toHaveBeenCalledTimes(2);
    // Before the answer about Thao comes, the row shows Maya (already answered) again.
    nameLink.textContent = 'Okafor, Maya';
    await settle();
    answerNow();
    await settle();
    expect(markedLinks(watcher)).toEqual([
      ['Okafor, Maya', 's-maya'],
      ['Okafor, Maya', 's-maya'],
    ]);
  });

  it('keeps following the page after creating a marker failed once', async () => {
    let failures = 1;
    const tbody = rosterTable();
    const { watcher } = createWatcher({
      deps: {
        createMarker: () => {
          if (failures-- > 0) throw new Error('could not create the marker');
          const span = document.createElement('span');
          span.className = MARKER_CLASS;
          return span;
        },
        whenShown: (elements, then) => {
          try {
            then(elements);
          } catch {
            // The layout gate's callback is where a failure would surface.
          }
        },
      },
    });
    await watcher.start();
    tbody.append(nameRow('Okafor, Maya'));
    await settle();
    expect(allMarkers()).toHaveLength(0);
    tbody.append(nameRow('Nguyen, Thao'));
    await settle();
    expect(markedLinks(watcher).map(([text]) => text)).toEqual(['Nguyen, Thao']);
  });

  it('keeps an anchor unmarked until all of its texts are answered', async () => {
    // Whole text 'Jamie Cruz Alvarez' is known; its own text 'Jamie Cruz' (another student) is
    // not yet: marking the known one first would briefly mark the wrong student.
    const { tbody, match, answerNow } = await watchWithSlowBackground('Jamie Cruz Alvarez');
    expect(allMarkers()).toHaveLength(1);

    const cell = el('td', el('a', 'Jamie Cruz', el('small', ' Alvarez')));
    tbody.replaceChildren(el('tr', cell));
    await settle();
    expect(match).toHaveBeenCalledTimes(2);
    expect(allMarkers()).toHaveLength(0);
    answerNow();
    await settle();
    expect(allMarkers()).toHaveLength(0);
  });

  it('batches several changes in one frame into one request', async () => {
    const tbody = rosterTable();
    const { watcher, match } = createWatcher();
    await watcher.start();
    expect(match).not.toHaveBeenCalled();

    tbody.append(nameRow('Okafor, Maya'));
    tbody.append(nameRow('Nguyen, Thao'));
    tbody.append(nameRow('Brennan-Ortiz, Sasha'));
    await settle();

    expect(match).toHaveBeenCalledTimes(1);
    expect(allMarkers()).toHaveLength(3);
  });

  it('moves the marker to the new student when a name text changes', async () => {
    const tbody = rosterTable('Okafor, Maya', 'Nguyen, Thao');
    const { watcher } = createWatcher();
    await watcher.start();
    const first = linkIn(rowAt(tbody, 0));
    const second = linkIn(rowAt(tbody, 1));

    // The page reuses its rows for other students (virtualised list): only the text changes.
    (first.firstChild as Text).data = 'Nguyen, Thao';
    (second.firstChild as Text).data = 'Okafor, Maya';
    await settle();

    expect(markedLinks(watcher)).toEqual([
      ['Nguyen, Thao', 's-thao'],
      ['Okafor, Maya', 's-maya'],
    ]);
    const firstMarker = markerAfter(first);
    expect(firstMarker && watcher.studentIdOf(firstMarker)).toBe('s-thao');
    expect(allMarkers()).toHaveLength(2);
  });

  it('removes the marker when a name text changes to a name not in the feed', async () => {
    const tbody = rosterTable('Okafor, Maya', 'Nguyen, Thao');
    const { watcher } = createWatcher();
    await watcher.start();
    const first = linkIn(rowAt(tbody, 0));

    (first.firstChild as Text).data = 'Unknown, Person';
    await settle();

    expect(markerAfter(first)).toBeNull();
    expect(markedLinks(watcher)).toEqual([['Nguyen, Thao', 's-thao']]);
    expect(watcher.markerCount()).toBe(1);
  });

  it('gives the marker to the shown name when a row also holds a hidden copy of it first', async () => {
    // A responsive layout: a hidden mobile copy of the name, then the visible one.
    const hiddenCopy = el('span', 'Maya Okafor');
    hiddenCopy.hidden = true;
    const shown = link('Maya Okafor');
    document.body.append(el('table', el('tbody', el('tr', el('td', hiddenCopy), el('td', shown)))));
    const { watcher } = createWatcher({
      deps: {
        whenShown: (elements, then) =>
          then(elements.filter((element) => !element.closest('[hidden]'))),
      },
    });
    await watcher.start();

    expect(allMarkers()).toHaveLength(1);
    expect(markerAfter(shown)).not.toBeNull();
  });

  it('shows one marker in a row that names its student twice, and moves it when that name goes', async () => {
    // A forum's discussion list: "Started by" and "Last post by" the same student.
    const row = el('tr', el('td', link('Maya Okafor')), el('td', link('Maya Okafor')));
    const other = nameRow('Maya Okafor');
    document.body.append(el('table', el('tbody', row, other)));
    const { watcher } = createWatcher();
    await watcher.start();

    const [startedBy, lastPost] = [...row.querySelectorAll('a')];
    expect(markerAfter(startedBy as Element)).not.toBeNull();
    expect(markerAfter(lastPost as Element)).toBeNull();
    // Another row naming her keeps its own marker.
    expect(markerAfter(linkIn(other))).not.toBeNull();

    (startedBy?.firstChild as Text).data = 'Zed Unknownson';
    await settle();
    expect(markerAfter(startedBy as Element)).toBeNull();
    expect(markerAfter(lastPost as Element)).not.toBeNull();
    expect(allMarkers()).toHaveLength(2);
  });
});

describe('RosterWatcher: lifecycle', () => {
  it('is idempotent: starting twice and resetting do not duplicate markers', async () => {
    // A document of its own, so this watcher cannot affect the other tests' page.
    const doc = document.implementation.createHTMLDocument('roster');
    const tbody = el('tbody', nameRow('Okafor, Maya'), nameRow('Nguyen, Thao'));
    doc.body.append(el('table', tbody));
    const { watcher, createMarker } = createWatcher({ root: doc });
    await watcher.start();
    await watcher.start();
    await watcher.reset();
    await watcher.reset();
    await settle();

    expect(allMarkers(doc)).toHaveLength(2);
    expect(watcher.markerCount()).toBe(2);
    // Markers for unchanged answers are kept, not recreated.
    expect(createMarker).toHaveBeenCalledTimes(2);

    tbody.append(nameRow('Brennan-Ortiz, Sasha'));
    await settle();
    expect(allMarkers(doc)).toHaveLength(3);
    for (const row of rowsOf(tbody))
      expect(row.querySelectorAll(`.${MARKER_CLASS}`)).toHaveLength(1);
  });

  it('reset() re-asks every text and drops markers of students no longer in the feed', async () => {
    const tbody = rosterTable('Okafor, Maya', 'Nguyen, Thao', 'Lee, Jordan');
    const { watcher, match, asked, feed } = createWatcher();
    await watcher.start();
    expect(allMarkers()).toHaveLength(2);

    // The new feed no longer has Maya, and Jordan Lee is now one student.
    feed.delete('Okafor, Maya');
    feed.set('Lee, Jordan', student('s-jordan'));
    asked.length = 0;
    await watcher.reset();

    expect(match).toHaveBeenCalledTimes(2);
    expect([...asked].sort()).toEqual(['Lee, Jordan', 'Nguyen, Thao', 'Okafor, Maya']);
    expect(markedLinks(watcher)).toEqual([
      ['Lee, Jordan', 's-jordan'],
      ['Nguyen, Thao', 's-thao'],
    ]);
    expect(markerAfter(linkIn(rowAt(tbody, 0)))).toBeNull();
    expect(watcher.markerCount()).toBe(2);
  });

  it('reset() also moves a marker when a text now names another student', async () => {
    rosterTable('Okafor, Maya');
    const { watcher, feed } = createWatcher();
    await watcher.start();
    feed.set('Okafor, Maya', student('s-maya-2'));
    await watcher.reset();

    expect(markedLinks(watcher)).toEqual([['Okafor, Maya', 's-maya-2']]);
  });

  it('reset() discards answers of a scan that was still waiting for the old feed', async () => {
    rosterTable('Okafor, Maya');
    const feed = defaultFeed();
    let releaseFirst: () => void = () => {};
    let calls = 0;
    const match = vi.fn(async (candidates: RosterCandidate[]): Promise<RosterMatch[] | null> => {
      calls += 1;
      const answers = candidates.map((c) => feed.get(c.text) ?? NONE);
      if (calls === 1) await new Promise<void>((resolve) => (releaseFirst = resolve));
      return answers;
    });
    const { watcher } = createWatcher({ feed, deps: { match } });

    const started = watcher.start();
    await settle();
    feed.delete('Okafor, Maya');
    await watcher.reset();
    releaseFirst();
    await started;
    await settle();

    expect(allMarkers()).toHaveLength(0);
    expect(watcher.markerCount()).toBe(0);
  });

  it('stop() removes every marker and stops following the page', async () => {
    const tbody = rosterTable('Okafor, Maya', 'Nguyen, Thao');
    const before = tbody.cloneNode(true) as HTMLTableSectionElement;
    const { watcher, match } = createWatcher();
    await watcher.start();
    expect(allMarkers()).toHaveLength(2);

    watcher.stop();
    expect(allMarkers()).toHaveLength(0);
    expect(watcher.markerCount()).toBe(0);
    expect(tbody.isEqualNode(before)).toBe(true);

    tbody.append(nameRow('Brennan-Ortiz, Sasha'));
    await settle();
    expect(allMarkers()).toHaveLength(0);
    expect(match).toHaveBeenCalledTimes(1);
  });

  it('studentIdOf() returns the student of a marker host and nothing for other elements', async () => {
    const tbody = rosterTable('Nguyen, Thao');
    const { watcher } = createWatcher();
    await watcher.start();

    const host = markerAfter(linkIn(rowAt(tbody, 0)));
    expect(host).not.toBeNull();
    expect(host && watcher.studentIdOf(host)).toBe('s-thao');
    expect(watcher.studentIdOf(linkIn(rowAt(tbody, 0)))).toBeUndefined();
    expect(watcher.studentIdOf(document.createElement('span'))).toBeUndefined();
  });

  it('leaves the page unchanged when the background is unreachable, and retries later', async () => {
    const tbody = rosterTable('Okafor, Maya');
    const feed = defaultFeed();
    let reachable = false;
    const asked: string[] = [];
    const match = vi.fn(async (candidates: RosterCandidate[]): Promise<RosterMatch[] | null> => {
      asked.push(...candidates.map((c) => c.text));
      if (!reachable)
        throw new Error('Could not establish connection. Receiving end does not exist.');
      return candidates.map((c) => feed.get(c.text) ?? NONE);
    });
    const { watcher } = createWatcher({ feed, deps: { match } });
    const before = document.body.cloneNode(true);

    await expect(watcher.start()).resolves.toBeUndefined();
    await settle();
    expect(document.body.isEqualNode(before)).toBe(true);
    expect(allMarkers()).toHaveLength(0);

    // A later change with the same text asks again: the failure was not cached as 'none'.
    reachable = true;
    asked.length = 0;
    const added = nameRow('Okafor, Maya');
    tbody.append(added);
    await settle();
    expect(asked).toEqual(['Okafor, Maya']);
    expect(markerAfter(linkIn(added))).not.toBeNull();

    // And a reset brings the first row's marker too.
    await watcher.reset();
    expect(allMarkers()).toHaveLength(2);
  });

  it('treats missing answers as "none" instead of failing', async () => {
    rosterTable('Okafor, Maya', 'Nguyen, Thao');
    const match = vi.fn(async () => [] as RosterMatch[]);
    const { watcher } = createWatcher({ deps: { match } });

    await watcher.start();
    expect(allMarkers()).toHaveLength(0);
  });
});

describe('generic adapter: looksLikeName', () => {
  it('accepts ordinary roster names', () => {
    for (const name of [
      'Maya Okafor',
      'Okafor, Maya',
      // openSIS's add/drop report writes no space after the comma.
      'Okafor,Maya',
      'Thảo Nguyễn',
      "Siobhán O'Brien",
      'Brennan-Ortiz, Alexander (Sasha)',
      'Jane Doe (she/her)',
      // Labelled: a name is one of the parts.
      'Maya Okafor - S240100',
      'Student: Okafor, Maya',
      'Selected Student:Maya Okafor',
    ]) {
      expect(looksLikeName(name), name).toBe(true);
    }
  });

  it('rejects single words, numbers, e-mail addresses, long texts and sentences', () => {
    for (const text of [
      'Maya',
      'Al',
      '12 34',
      'Student 100234',
      'maya.okafor@district.org x',
      'Due: Friday',
      'Due: Friday - 100 points',
      'Is this done?',
      'one two three four five six seven eight nine ten',
      `Maya ${'x'.repeat(100)}`,
      'a/b test',
    ]) {
      expect(looksLikeName(text), text).toBe(false);
    }
  });
});

describe('generic adapter: findNameCandidates', () => {
  function texts(root: ParentNode = document.body): string[] {
    return findNameCandidates(root).map((c) => c.text);
  }

  it('skips text in script, style, option, button and textarea elements', () => {
    const script = el('script', 'Maya Okafor');
    script.type = 'application/json';
    const select = el('select', el('option', 'Nguyen, Thao'));
    document.body.append(
      script,
      el('style', 'Jordan Lee'),
      select,
      el('button', 'Brennan-Ortiz, Sasha'),
      el('textarea', 'Lee, Jordan'),
      el('span', 'Okafor, Maya'),
    );

    expect(texts()).toEqual(['Okafor, Maya']);
  });

  it('skips the document title when scanning a whole document', () => {
    document.title = 'Gradebook Maya Okafor';
    document.body.append(el('p', 'Nguyen, Thao'));
    expect(texts(document)).toEqual(['Nguyen, Thao']);
  });

  it('skips editable regions', () => {
    const editor = el('div', el('p', 'Maya Okafor'));
    editor.setAttribute('contenteditable', 'true');
    document.body.append(editor, el('p', 'Nguyen, Thao'));
    expect(texts()).toEqual(['Nguyen, Thao']);
  });

  it('reads "Jane Doe (she/her)" as one name, written in one text node or across markup', () => {
    const plain = el('td', 'Jane Doe (she/her)');
    const split = el('td', 'Jane Doe ', el('i', '(she/her)'));
    document.body.append(el('table', el('tbody', el('tr', plain, split))));

    const candidates = findNameCandidates(document.body);
    expect(candidates.filter((c) => c.anchor === plain).map((c) => c.text)).toEqual([
      'Jane Doe (she/her)',
    ]);
    const splitTexts = candidates.filter((c) => c.anchor === split).map((c) => c.text);
    expect(splitTexts[0]).toBe('Jane Doe (she/her)');
    expect(splitTexts).toContain('Jane Doe');
  });

  it('yields both the whole text and the own text next to an initials badge', () => {
    const a = el('a', el('span', 'LM'), 'Laurence Muller');
    document.body.append(el('div', a));

    const candidates = findNameCandidates(document.body);
    expect(candidates.filter((c) => c.anchor === a).map((c) => c.text)).toEqual([
      'LMLaurence Muller',
      'Laurence Muller',
    ]);
    // The badge alone is not a name.
    expect(candidates.every((c) => c.anchor === a)).toBe(true);
  });

  it('reads first and last names in neighbouring columns both ways, anchored in the second', () => {
    const given = el('td', 'Maya');
    const family = el('td', el('span', 'Okafor'));
    const header = el('tr', el('th', 'First name'), el('th', 'Last name'));
    const grades = el('tr', el('td', 'A'), el('td', 'B'), el('td', '93'), el('td', 'Present'));
    document.body.append(
      el('table', el('tbody', header, el('tr', el('td', '1042'), given, family), grades)),
    );

    const candidates = findNameCandidates(document.body);
    expect(candidates.filter((c) => c.anchor === family).map((c) => c.text)).toEqual([
      'Maya Okafor',
      'Maya, Okafor',
    ]);
    // Grade letters and an attendance word alone are not name parts; numbers never are.
    expect(candidates.some((c) => grades.contains(c.anchor))).toBe(false);
  });

  it('does not read a run of three name-like cells, where the name could be any two of them', () => {
    // Last | First | a teacher's name: "Maya Nguyen" must not be read from the last two.
    const row = el('tr', el('td', 'Okafor'), el('td', 'Maya'), el('td', 'Nguyen'), el('td', '88'));
    document.body.append(el('table', el('tbody', row)));
    expect(findNameCandidates(document.body)).toEqual([]);
  });

  it('walks a grid row of divs only when its text can hold a name', () => {
    const gridRow = el('div', el('div', 'Okafor'), el('div', 'Maya'));
    gridRow.setAttribute('role', 'row');
    document.body.append(gridRow);
    const lookForCells = vi.spyOn(gridRow, 'querySelector');
    expect(findNameCandidates(gridRow)).toEqual([]);
    expect(lookForCells).not.toHaveBeenCalled();
  });

  it('marks a student whose last and first names sit in columns of their own', async () => {
    const row = el('tr', el('td', 'Okafor'), el('td', 'Maya'), el('td', '88%'));
    document.body.append(el('table', el('tbody', row)));
    const { watcher } = createWatcher();
    await watcher.start();

    const [familyCell, givenCell] = row.querySelectorAll('td');
    expect(allMarkers()).toHaveLength(1);
    expect(givenCell?.lastElementChild?.classList.contains(MARKER_CLASS)).toBe(true);
    expect(familyCell?.querySelector(`.${MARKER_CLASS}`)).toBeNull();

    // The row's text has no space ("NguyenThao88%"), yet a change in it is read again.
    (familyCell?.firstChild as Text).data = 'Nguyen';
    (givenCell?.firstChild as Text).data = 'Thao';
    await settle();
    expect(allMarkers()).toHaveLength(1);
    const marker = givenCell?.lastElementChild;
    expect(marker && watcher.studentIdOf(marker)).toBe('s-thao');
  });

  it('collapses whitespace and reads each element once, with the element as the anchor', () => {
    const cell = el('td', '  Okafor,\n   Maya  ');
    document.body.append(el('table', el('tbody', el('tr', cell))));

    const candidates = findNameCandidates(document.body);
    expect(candidates).toEqual([{ anchor: cell, text: 'Okafor, Maya' }]);
    expect(candidates[0]).not.toHaveProperty('ids');
  });

  it('only reads the subtree it is given', () => {
    const inside = el('div', el('span', 'Maya Okafor'));
    document.body.append(inside, el('span', 'Nguyen, Thao'));
    expect(texts(inside)).toEqual(['Maya Okafor']);
  });
});

describe('RosterWatcher: lifecycle and stale markers', () => {
  it('starting twice keeps one observer, and stop() really stops watching', async () => {
    const tbody = rosterTable('Okafor, Maya');
    const { watcher } = createWatcher();
    await watcher.start();
    await watcher.start();
    watcher.stop();
    tbody.append(nameRow('Nguyen, Thao'));
    await settle();
    expect(allMarkers()).toHaveLength(0);
  });

  it('work in flight when stop() is called places no marker', async () => {
    rosterTable('Okafor, Maya');
    const { watcher } = createWatcher();
    const started = watcher.start();
    watcher.stop();
    await started;
    await settle();
    expect(allMarkers()).toHaveLength(0);
  });

  it('a name that stops looking like a name loses its marker', async () => {
    const tbody = rosterTable('Okafor, Maya');
    const { watcher } = createWatcher();
    await watcher.start();
    expect(allMarkers()).toHaveLength(1);
    linkIn(rowAt(tbody, 0)).textContent = 'Withdrawn';
    await settle();
    expect(allMarkers()).toHaveLength(0);
  });

  it('a row the page takes away and puts back has one marker, not the old one as well', async () => {
    const tbody = rosterTable('Okafor, Maya');
    const { watcher } = createWatcher();
    await watcher.start();
    const row = rowAt(tbody, 0);
    expect(allMarkers(row)).toHaveLength(1);

    row.remove();
    await settle();
    tbody.append(row);
    await settle();
    expect(allMarkers(row)).toHaveLength(1);
    expect(watcher.markerCount()).toBe(1);
  });

  it('removing a name link removes its marker', async () => {
    const tbody = rosterTable('Okafor, Maya');
    const { watcher } = createWatcher();
    await watcher.start();
    linkIn(rowAt(tbody, 0)).remove();
    await settle();
    expect(allMarkers()).toHaveLength(0);
  });

  it('a name moved to another cell gets its marker beside it again', async () => {
    const tbody = rosterTable('Okafor, Maya');
    const { watcher } = createWatcher();
    await watcher.start();
    const row = rowAt(tbody, 0);
    const moved = linkIn(row);
    cellAt(row, 1).append(moved);
    await settle();
    expect(allMarkers()).toHaveLength(1);
    expect(markerAfter(moved)).not.toBeNull();
  });
});

describe('generic finder: text that is never a roster name', () => {
  it('skips editable regions however contenteditable is written', () => {
    for (const value of ['', 'true', 'plaintext-only', 'TRUE']) {
      const box = el('div', el('p', 'Maya Okafor'));
      box.setAttribute('contenteditable', value);
      document.body.append(box);
      expect(findNameCandidates(box)).toEqual([]);
      box.remove();
    }
    const readOnly = el('div', el('p', 'Maya Okafor'));
    readOnly.setAttribute('contenteditable', 'false');
    expect(findNameCandidates(readOnly).map((c) => c.text)).toEqual(['Maya Okafor']);
  });

  it('skips names nested inside buttons and drawings', () => {
    const button = el('button', el('span', 'Maya Okafor'));
    const svg = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
    const label = document.createElementNS('http://www.w3.org/2000/svg', 'text');
    label.textContent = 'Maya Okafor';
    svg.append(label);
    const root = el('div', button);
    root.append(svg);
    expect(findNameCandidates(root)).toEqual([]);
  });
});

describe('RosterWatcher: when the background refuses', () => {
  it('removes every marker and caches nothing, so a later feed starts clean', async () => {
    rosterTable('Okafor, Maya', 'Nguyen, Thao');
    let refuse = false;
    const { watcher, match } = createWatcher();
    const answer = match.getMockImplementation();
    match.mockImplementation(async (candidates) => (refuse ? null : (answer?.(candidates) ?? [])));
    await watcher.start();
    expect(allMarkers()).toHaveLength(2);
    refuse = true;
    await watcher.reset();
    expect(allMarkers()).toHaveLength(0);
    refuse = false;
    await watcher.reset();
    expect(allMarkers()).toHaveLength(2);
  });
});
