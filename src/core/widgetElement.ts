import type { Appearance } from '../shared/types';
import { adoptStyles } from '../browser/adoptStyles';
import { doc } from '../browser/env';

/** `<sangdam-widget>`, the single element the widget adds to the page, and its shadow root. */
export interface WidgetElement {
  element: HTMLElement;
  shadowRoot: ShadowRoot;
  /** The container the messenger renders into, made when the messenger first mounts. */
  messengerRoot(): HTMLElement;
  setAppearance(appearance: Appearance): void;
  /** Puts the element, with everything built inside it, at the end of body: one insertion for the page. */
  attach(): void;
  remove(): void;
}

const SAFE_COLOR = /^#[0-9a-f]{3,8}$/i;

/**
 * `all: initial !important` inside the shadow tree beats even a page's `* { … !important }`
 * (important declarations of an inner tree win), so nothing the page styles can move, hide,
 * filter or transform the widget. `all` leaves custom properties alone: site owners theme with them.
 */
function hostCss(zIndex: number, color: string): string {
  return (
    `:host{all:initial!important;display:block!important;position:fixed!important;top:0!important;left:0!important;` +
    `z-index:${zIndex}!important;--sangdam-accent:${SAFE_COLOR.test(color) ? color : '#5b5bd6'}}`
  );
}

/**
 * Creates `<sangdam-widget>` with an open shadow root that holds the launcher and the messenger,
 * styled by one sheet (`css` joins the host's rules). It stays out of the page until `attach()`,
 * so the page lays out and styles it once.
 */
export function createWidgetElement(zIndex: number, color: string, css: string, nonce?: string): WidgetElement {
  const d = doc as Document;
  const element = d.createElement('sangdam-widget');
  const shadowRoot = element.attachShadow({ mode: 'open' });
  adoptStyles(shadowRoot, hostCss(zIndex, color) + css, nonce);
  let messengerRoot: HTMLElement | undefined;
  return {
    element,
    shadowRoot,
    messengerRoot() {
      if (!messengerRoot) {
        messengerRoot = d.createElement('div');
        // First in the tree, so that the launcher and the preview card still paint above the panel.
        shadowRoot.prepend(messengerRoot);
      }
      return messengerRoot;
    },
    setAppearance(appearance) {
      element.setAttribute('data-appearance', appearance);
    },
    attach() {
      if (!element.isConnected) d.body.appendChild(element);
    },
    remove() {
      element.remove();
    },
  };
}
