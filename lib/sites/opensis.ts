import { findCandidatesWithPersonLinks } from './generic';
import { centreSisFlavour, studentIdLinks } from './rosariosis';
import type { SiteAdapter } from './types';

/**
 * openSIS Classic (K-12 SIS). The app runs inside a same-origin iframe named `body`
 * (`index.php` frames `Modules.php?modname=<module>/<Program>.php`, module names in lower case);
 * the content script runs in every frame and reads the frame. Names are "Last, First"; list
 * rows link each student with `student_id=<id>`, attendance shows plain-text names (read by
 * name). Lists may repeat the name column in a layered copy (`#LOy_layer`) that stays hidden
 * (`visibility: hidden`) until the page shows it instead: the watcher marks visible names only.
 */

const links = studentIdLinks('opensis');

export const opensisAdapter: SiteAdapter = {
  id: 'opensis',
  platform: 'opensis',
  matchesUrl: (url) => centreSisFlavour(url) === 'opensis',
  findCandidates: (root) => findCandidatesWithPersonLinks(root, links),
};
