// Above the launcher (56 px high, 20 px from the corner); colours follow the messenger's custom
// properties when a site owner sets them, with the same light and dark defaults.
const dark = 'background:var(--sangdam-bg,#1d1d22);color:var(--sangdam-fg,#ececf1)';

export const POPUP_CSS =
  '.pop{position:fixed;right:20px;bottom:88px;width:300px;max-width:calc(100vw - 40px);display:flex;' +
  'align-items:flex-start;background:var(--sangdam-bg,#fff);color:var(--sangdam-fg,#1d1d22);border-radius:12px;' +
  'box-shadow:0 6px 24px rgba(0,0,0,.2);font:14px/1.4 var(--sangdam-font,system-ui,sans-serif);pointer-events:auto}' +
  '.pop[hidden]{display:none}' +
  '.pop button{margin:0;border:0;background:none;color:inherit;font:inherit;cursor:pointer}' +
  '.pop button:focus-visible{outline:3px solid var(--sangdam-focus,#1a73e8);outline-offset:-3px}' +
  '.pop-open{flex:1;min-width:0;padding:12px 4px 12px 14px;text-align:left}' +
  '.pop-author{display:block;font-weight:600}' +
  '.pop-text{display:-webkit-box;-webkit-line-clamp:3;-webkit-box-orient:vertical;overflow:hidden;overflow-wrap:anywhere}' +
  '.pop .pop-close{flex:none;width:32px;height:32px;margin:6px;border-radius:50%;font-size:20px;line-height:1}' +
  '.pop-live{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}' +
  `:host([data-appearance=dark]) .pop{${dark}}` +
  `@media (prefers-color-scheme:dark){:host([data-appearance=system]) .pop{${dark}}}`;
