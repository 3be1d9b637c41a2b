/**
 * Presenter mode unmounts the console, so the element the counselor was typing in is gone
 * when it ends. This remembers where it was — its position in the document, which the
 * console rebuilds the same way — and the caret, so focus can go back to the same field.
 */
export interface FocusSpot {
  path: number[];
  tag: string;
  selection: [number, number] | null;
}

export function focusSpot(el: Element | null): FocusSpot | null {
  if (!el || el === document.body || !(el instanceof HTMLElement)) return null;
  const path: number[] = [];
  let node: Element = el;
  while (node !== document.body) {
    const parent = node.parentElement;
    if (!parent) return null;
    path.unshift(Array.prototype.indexOf.call(parent.children, node));
    node = parent;
  }
  const text = el instanceof HTMLTextAreaElement || (el instanceof HTMLInputElement && ['text', 'search'].includes(el.type)) ? el : null;
  return { path, tag: el.tagName, selection: text && text.selectionStart !== null && text.selectionEnd !== null ? [text.selectionStart, text.selectionEnd] : null };
}

/** Focuses the element at the spot if the same kind of element is there again; false when it is not. */
export function restoreFocus(spot: FocusSpot | null): boolean {
  if (!spot) return false;
  let node: Element | undefined = document.body;
  for (const i of spot.path) {
    node = node?.children[i];
    if (!node) return false;
  }
  if (!(node instanceof HTMLElement) || node.tagName !== spot.tag || !node.isConnected) return false;
  node.focus();
  if (document.activeElement !== node) return false;
  if (spot.selection && (node instanceof HTMLTextAreaElement || node instanceof HTMLInputElement)) {
    try {
      node.setSelectionRange(spot.selection[0], spot.selection[1]);
    } catch {
      // Not a text field after all: focus is enough.
    }
  }
  return true;
}
