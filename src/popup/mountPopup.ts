import { adoptStyles } from '../browser/adoptStyles';
import type { PopupOptions, PopupView, Preview } from '../core/popupContract';
import { popup as en } from '../shared/i18n/en';
import { popup as ja } from '../shared/i18n/ja';
import { popup as ko } from '../shared/i18n/ko';
import { POPUP_CSS } from './popup.css';

const STRINGS = { en, ja, ko };
/** Characters of a message the card shows; CSS also clamps it to three lines. */
const MAX_TEXT = 140;

/** One line of plain text, cut at MAX_TEXT characters (code points, so no emoji is split). */
export function truncate(text: string): string {
  const chars = Array.from(text.replace(/\s+/g, ' ').trim());
  return chars.length > MAX_TEXT ? chars.slice(0, MAX_TEXT - 1).join('') + '…' : chars.join('');
}

/**
 * The preview card of a new message, beside the launcher in the widget's shadow root: the author
 * and the text (as text, never HTML), a click opens that chat, a close button dismisses it, and a
 * polite live region announces it.
 * @example const view = mountPopup(shadowRoot, { language: 'en', open: (chatId) => messenger.show({ chatId }) })
 */
export function mountPopup(root: ShadowRoot, options: PopupOptions): PopupView {
  const t = STRINGS[options.language] || en;
  const d = root.ownerDocument;
  const make = <K extends keyof HTMLElementTagNameMap>(tag: K, className: string) => {
    const element = d.createElement(tag);
    element.className = className;
    return element;
  };
  const removeStyles = adoptStyles(root, POPUP_CSS, options.nonce);
  const card = make('div', 'pop');
  const open = make('button', 'pop-open');
  const author = make('strong', 'pop-author');
  const text = make('span', 'pop-text');
  const close = make('button', 'pop-close');
  const live = make('div', 'pop-live');
  open.type = close.type = 'button';
  close.setAttribute('aria-label', t.dismiss);
  close.textContent = '×';
  live.setAttribute('aria-live', 'polite');
  card.hidden = true;
  open.append(author, text);
  card.append(open, close);
  root.append(card, live);

  let shown: Preview | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const hide = () => {
    shown = undefined;
    card.hidden = true;
    live.textContent = '';
    clearTimeout(timer);
  };
  const onOpen = () => {
    const chatId = shown && shown.chatId;
    hide();
    if (chatId) options.open(chatId);
  };
  open.addEventListener('click', onOpen);
  close.addEventListener('click', hide);

  return {
    show(preview) {
      shown = preview;
      author.textContent = preview.author;
      text.textContent = truncate(preview.text);
      card.hidden = false;
      clearTimeout(timer);
      // A live region is read once it exists: filled in a later task, the first card is spoken too.
      timer = setTimeout(() => (live.textContent = t.newMessage(preview.author, text.textContent || '')), 100);
    },
    hide,
    destroy() {
      hide();
      open.removeEventListener('click', onOpen);
      close.removeEventListener('click', hide);
      card.remove();
      live.remove();
      removeStyles();
    },
  };
}
