// Site owners theme the widget by setting these custom properties on the <sangdam-widget> element;
// page rules on the host beat `:host` rules, so these are only defaults.
const dark =
  '--sangdam-bg:#1d1d22;--sangdam-fg:#ececf1;--sangdam-muted:#a0a0ad;--sangdam-line:#34343c;--sangdam-bubble:#2b2b32;--sangdam-danger:#ff8a80';

export const themeCss = `
:host{--sangdam-bg:#fff;--sangdam-fg:#1d1d22;--sangdam-muted:#66666f;--sangdam-line:#e4e4e9;--sangdam-bubble:#f0f0f3;--sangdam-danger:#c62828;--sangdam-on-accent:#fff;--sangdam-radius:16px;--sangdam-font:system-ui,sans-serif}
:host([data-appearance=dark]){${dark}}
@media (prefers-color-scheme:dark){:host([data-appearance=system]){${dark}}}
`;
