// The one way components make elements. Only textContent is used, never HTML, so
// nothing in a directory can inject markup.

/** An element with attributes (`text` sets its textContent) and children (falsy ones
 * are left out). */
export function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (k === "text") node.textContent = v;
    else node.setAttribute(k, v);
  }
  node.append(...children.filter(Boolean));
  return node;
}

/** The element inside `root` that `selector` names; a clear error when the markup lacks it. */
export function part(root, selector) {
  const found = root.querySelector(selector);
  if (!found) throw new Error(`no ${selector} in ${root.tagName}`);
  return found;
}
