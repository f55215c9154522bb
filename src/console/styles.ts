import { inboxCss } from './inbox/inbox.css';
import { profileCss } from './profile/profile.css';
import { settingsCss } from './settings/settings.css';
import { shellCss } from './shell/shell.css';
import { statsCss } from './stats/stats.css';
import { themeCss } from './shell/theme.css';

/** The console's whole stylesheet. */
export const consoleStyles = themeCss + shellCss + inboxCss + profileCss + settingsCss + statsCss;

/**
 * Adds the stylesheet to the page: a constructed sheet where the browser has them (no CSP
 * `style-src` applies), else a `<style>` element. Returns the function that removes it.
 */
export function addStyles(doc: Document, css: string): () => void {
  try {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(css);
    doc.adoptedStyleSheets = [...doc.adoptedStyleSheets, sheet];
    return () => void (doc.adoptedStyleSheets = doc.adoptedStyleSheets.filter((s) => s !== sheet));
  } catch {
    const style = doc.createElement('style');
    style.textContent = css;
    doc.head.appendChild(style);
    return () => style.remove();
  }
}
