/**
 * The contract between the core and the popup chunk (`popup.js`), the preview card of a new
 * message beside the launcher. Only types cross it.
 */
import type { Language } from '../shared/types';

/** A new message as its preview card shows it beside the launcher. */
export interface Preview {
  chatId: string;
  /** The manager's or bot's name, else the channel's. */
  author: string;
  /** Plain text: the card never parses it as HTML. */
  text: string;
}

export interface PopupOptions {
  language: Language;
  nonce?: string;
  /** Opens the messenger on this chat (the card was clicked). */
  open(chatId: string): void;
}

export interface PopupView {
  show(preview: Preview): void;
  hide(): void;
  destroy(): void;
}

/** The popup chunk (`popup.js`): plain DOM, no Preact. */
export interface PopupModule {
  mountPopup(root: ShadowRoot, options: PopupOptions): PopupView;
}
