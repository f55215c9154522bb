/**
 * Adds a stylesheet to a shadow root: a constructed sheet where the browser has them (no CSP
 * `style-src` applies to those), else a `<style>` carrying the page's CSP nonce. Used by the
 * launcher and the messenger alike. Returns the function that removes it.
 */
export function adoptStyles(root: ShadowRoot, css: string, nonce?: string): () => void {
  try {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(css);
    root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
    return () => {
      root.adoptedStyleSheets = root.adoptedStyleSheets.filter((s) => s !== sheet);
    };
  } catch {
    const style = root.ownerDocument.createElement('style');
    if (nonce) style.nonce = nonce;
    style.textContent = css;
    root.appendChild(style);
    return () => style.remove();
  }
}
