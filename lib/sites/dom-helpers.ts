/** Small DOM helpers the site adapters share. */

/** Text with runs of white space (including non-breaking) folded to one space. */
export function collapse(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

export function isElement(node: ParentNode): node is Element {
  return (node as Node).nodeType === 1;
}

export /** Elements matching `selector` that are, contain or sit inside `root`. */
function around(root: ParentNode, selector: string): Element[] {
  const found = new Set<Element>();
  const enclosing = isElement(root) ? root.closest(selector) : null;
  if (enclosing) found.add(enclosing);
  for (const element of root.querySelectorAll(selector)) found.add(element);
  return [...found];
}
