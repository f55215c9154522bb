import type { Language } from '../shared/types';
import { launcher as ko } from '../shared/i18n/ko';
import { launcher as en } from '../shared/i18n/en';
import { launcher as ja } from '../shared/i18n/ja';

const STRINGS = { ko, en, ja };

/**
 * The launcher's rules, part of the widget element's one sheet. The icon is drawn with borders of
 * two pseudo-elements (a speech bubble and its tail, or the two bars of a close cross), so the
 * button needs no SVG nodes, and forced-colours mode still shows it in the system's text colour.
 */
export const LAUNCHER_CSS =
  '.launcher{position:fixed;right:20px;bottom:20px;width:56px;height:56px;margin:0;padding:0;border:0;border-radius:50%;' +
  'background:var(--sangdam-accent);color:var(--sangdam-on-accent,#fff);box-shadow:0 4px 14px rgba(0,0,0,.22);cursor:pointer;' +
  'pointer-events:auto;-webkit-tap-highlight-color:transparent}' +
  '.launcher[hidden],.badge[hidden]{display:none}' +
  '.launcher:focus-visible{outline:3px solid var(--sangdam-focus,#1a73e8);outline-offset:3px}' +
  ".launcher:before,.launcher:after{content:'';position:absolute;border:0 solid}" +
  '.launcher:before{top:19px;left:19px;border-width:7.5px 9px;border-radius:2px 2px 2px 0}' +
  '.launcher:after{top:34px;left:19px;border-width:2.5px 3px;clip-path:polygon(0 0,100% 0,0 100%)}' +
  '.launcher[aria-expanded=true]:before,.launcher[aria-expanded=true]:after{top:27px;left:16.5px;width:23px;border-width:2.3px 0 0;border-radius:0;clip-path:none;transform:rotate(45deg)}' +
  '.launcher[aria-expanded=true]:after{transform:rotate(-45deg)}' +
  '.badge{position:absolute;top:-4px;right:-4px;min-width:20px;height:20px;padding:0 6px;box-sizing:border-box;border-radius:10px;' +
  'background:#e5484d;color:#fff;font:700 12px/20px system-ui,sans-serif;text-align:center}';

export interface Launcher {
  setUnread(count: number): void;
  setExpanded(expanded: boolean): void;
  setVisible(visible: boolean): void;
  focus(): void;
  remove(): void;
}

/**
 * The channel button with its unread badge, in plain DOM so that the page pays for Preact only
 * when the customer actually opens the messenger.
 */
export function createLauncher(shadowRoot: ShadowRoot, language: Language, onClick: () => void, onIntent: () => void = () => {}): Launcher {
  const t = STRINGS[language];
  const d = shadowRoot.ownerDocument;
  const button = d.createElement('button');
  button.type = 'button';
  button.className = 'launcher';
  button.setAttribute('aria-expanded', 'false');
  button.setAttribute('aria-haspopup', 'dialog');
  button.addEventListener('click', onClick);
  button.addEventListener('pointerenter', onIntent);
  button.addEventListener('focus', onIntent);
  shadowRoot.appendChild(button);

  let unread = 0;
  let expanded = false;
  // Made with the first unread message: most page views never show one.
  let badge: HTMLElement | undefined;
  const render = () => {
    if (unread && !badge) {
      badge = d.createElement('span');
      badge.className = 'badge';
      badge.setAttribute('aria-hidden', 'true');
      button.appendChild(badge);
    }
    if (badge) {
      badge.hidden = !unread;
      badge.textContent = unread > 99 ? '99+' : String(unread);
    }
    button.setAttribute('aria-label', expanded ? t.close : unread ? t.openWithUnread(unread) : t.open);
  };
  render();

  return {
    setUnread(count) {
      unread = count;
      render();
    },
    setExpanded(value) {
      expanded = value;
      button.setAttribute('aria-expanded', String(value));
      render();
    },
    setVisible(visible) {
      button.hidden = !visible;
    },
    focus: () => button.focus(),
    remove() {
      button.removeEventListener('click', onClick);
      button.removeEventListener('pointerenter', onIntent);
      button.removeEventListener('focus', onIntent);
      button.remove();
    },
  };
}
