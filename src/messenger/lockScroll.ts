/**
 * Locks the page's scroll while the full-screen messenger is open and restores the exact inline
 * `overflow` the page had (value and priority) when it is released.
 * @example const lock = createScrollLock(document); lock(true); lock(false)
 */
export function createScrollLock(doc: Document): (locked: boolean) => void {
  let saved: [string, string] | undefined;
  return (locked) => {
    const style = doc.documentElement.style;
    if (locked && !saved) {
      saved = [style.getPropertyValue('overflow'), style.getPropertyPriority('overflow')];
      style.setProperty('overflow', 'hidden');
    } else if (!locked && saved) {
      if (saved[0]) style.setProperty('overflow', saved[0], saved[1]);
      else style.removeProperty('overflow');
      saved = undefined;
    }
  };
}
