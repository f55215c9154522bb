const SELECTOR = 'button:not([disabled]),textarea:not([disabled]),a[href],[tabindex]:not([tabindex="-1"])';

/** The elements of a container that Tab can reach, in document order. */
export const focusables = (container: Element): HTMLElement[] =>
  Array.from(container.querySelectorAll<HTMLElement>(SELECTOR));

/**
 * Keeps Tab and Shift+Tab inside the container (the full-screen messenger is modal).
 * Returns true when it moved focus itself.
 */
export function wrapTab(container: Element, active: Element | null, backwards: boolean): boolean {
  const list = focusables(container);
  const first = list[0];
  const last = list[list.length - 1];
  if (!first) return false;
  const inside = !!active && container.contains(active);
  if (backwards ? !inside || active === first : !inside || active === last) {
    (backwards ? last : first).focus();
    return true;
  }
  return false;
}
