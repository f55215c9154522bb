import type { Language } from '../shared/types';
import { launcher as ko } from '../shared/i18n/ko';
import { launcher as en } from '../shared/i18n/en';
import { launcher as ja } from '../shared/i18n/ja';

const STRINGS = { ko, en, ja };

/** The launcher's rules, part of the widget host's one sheet. */
export const LAUNCHER_CSS =
  '.launcher{position:fixed;right:20px;bottom:20px;width:56px;height:56px;margin:0;padding:0;border:0;border-radius:50%;' +
  'background:var(--sangdam-accent);color:var(--sangdam-on-accent,#fff);box-shadow:0 4px 14px rgba(0,0,0,.22);cursor:pointer;' +
  'display:flex;align-items:center;justify-content:center;pointer-events:auto;-webkit-tap-highlight-color:transparent}' +
  '.launcher[hidden],.badge[hidden]{display:none}' +
  '.launcher:focus-visible{outline:3px solid var(--sangdam-focus,#1a73e8);outline-offset:3px}' +
  '.launcher svg{width:28px;height:28px;fill:currentColor}' +
  '.badge{position:absolute;top:-4px;right:-4px;min-width:20px;height:20px;padding:0 6px;box-sizing:border-box;border-radius:10px;' +
  'background:#e5484d;color:#fff;font:700 12px/20px system-ui,sans-serif;text-align:center}';

const ICON_CHAT = 'M4 4h16v13H9l-5 4z';
const ICON_CLOSE = 'M5 6.4 6.4 5 12 10.6 17.6 5 19 6.4 13.4 12 19 17.6 17.6 19 12 13.4 6.4 19 5 17.6 10.6 12z';

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
  const svgNs = 'http://www.w3.org/2000/svg';
  const svg = d.createElementNS(svgNs, 'svg');
  svg.setAttribute('viewBox', '0 0 24 24');
  svg.setAttribute('aria-hidden', 'true');
  const path = d.createElementNS(svgNs, 'path');
  svg.appendChild(path);
  const badge = d.createElement('span');
  badge.className = 'badge';
  badge.setAttribute('aria-hidden', 'true');
  button.append(svg, badge);
  button.addEventListener('click', onClick);
  button.addEventListener('pointerenter', onIntent);
  button.addEventListener('focus', onIntent);
  shadowRoot.appendChild(button);

  let unread = 0;
  let expanded = false;
  const render = () => {
    path.setAttribute('d', expanded ? ICON_CLOSE : ICON_CHAT);
    badge.hidden = unread === 0;
    badge.textContent = unread > 99 ? '99+' : String(unread);
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
