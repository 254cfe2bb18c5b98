// `npm run bench -- --floor`: a lower bound for any roster content script, not PlainSight.
// It does only the work that cannot be avoided while names are matched in the background:
// every added subtree is read once (a cheap text check first, then its text nodes that look
// like two words of letters), texts not seen before go to the background in one port message
// per frame, and each feed student's name gets a marker in its own shadow root with a shared
// sheet. No visibility check, no sweeps of stale markers, no row bookkeeping, no name
// normalisation, no ambiguity handling: it is wrong on real pages and only measures the floor.
(() => {
  // ROSTER_PORT of lib/messages/ports.ts (this file is copied into a build as it is).
  const port = chrome.runtime.connect({ name: 'plainsight-roster' });
  /** Text → student id, or null for a text that names no feed student. */
  const answers = new Map();
  /** Text → the elements waiting for its answer. */
  const waiting = new Map();
  /** Question id → the texts asked. */
  const asked = new Map();
  let nextId = 0;
  let roots = [];
  let scheduled = false;

  const sheet = new CSSStyleSheet();
  sheet.replaceSync(
    ':host{all:initial;display:inline-block;position:relative;width:0;height:1em}' +
      '.marker{all:unset;position:absolute;left:4px;width:18px;height:18px;border-radius:50%;' +
      'background:#eef2f8;border:1px solid #c6d2e3}',
  );
  const template = document.createElement('button');
  template.className = 'marker';
  template.setAttribute('aria-label', 'Support info');
  const TWO_WORDS = /\p{L}{2}\s+\p{L}/u;
  const NAME = /^\p{L}[\p{L}'’.-]*(?: [\p{L}'’.-]+)+$/u;

  function mark(anchor) {
    if (!anchor.isConnected) return;
    const host = document.createElement('span');
    const shadow = host.attachShadow({ mode: 'open' });
    shadow.adoptedStyleSheets = [sheet];
    shadow.append(template.cloneNode(true));
    anchor.append(host);
  }

  port.onMessage.addListener(({ id, answer }) => {
    const texts = asked.get(id);
    asked.delete(id);
    if (!texts || !answer) return;
    texts.forEach((text, index) => {
      const result = answer.results[index];
      const studentId = result?.status === 'student' ? result.studentId : null;
      answers.set(text, studentId);
      const anchors = waiting.get(text) ?? [];
      waiting.delete(text);
      if (studentId) for (const anchor of anchors) mark(anchor);
    });
  });

  function scan() {
    scheduled = false;
    const unknown = [];
    for (const root of roots) {
      if (!root.isConnected || !TWO_WORDS.test(root.textContent)) continue;
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const text = node.nodeValue.trim();
        if (text.length < 3 || !NAME.test(text)) continue;
        const anchor = node.parentElement;
        const known = answers.get(text);
        if (known) mark(anchor);
        else if (known === undefined) {
          const anchors = waiting.get(text);
          if (anchors) anchors.push(anchor);
          else {
            waiting.set(text, [anchor]);
            unknown.push(text);
          }
        }
      }
    }
    roots = [];
    if (unknown.length === 0) return;
    const id = nextId++;
    asked.set(id, unknown);
    port.postMessage({ id, candidates: unknown.map((text) => ({ text })) });
  }

  new MutationObserver((records) => {
    for (const record of records) {
      for (const node of record.addedNodes) {
        // Our own marker hosts are spans; the floor skips every added span rather than track them.
        if (node.nodeType === Node.ELEMENT_NODE && node.localName !== 'span') roots.push(node);
      }
    }
    if (scheduled || roots.length === 0) return;
    scheduled = true;
    requestAnimationFrame(scan);
  }).observe(document.documentElement, { childList: true, subtree: true });
  roots.push(document.body);
  scan();
})();
