// Themed by the same --sangdam-* properties as the messenger (theme.css.ts), so a site's overrides
// reach the survey too; --c falls back from the panel's accent for the link page, which has none.
export const csatFormCss = `
.cs{--c:var(--a,var(--sangdam-accent,#5b5bd6));display:flex;flex-direction:column;gap:8px;width:100%;padding:12px;border-radius:16px;background:var(--sangdam-bubble)}
.cs p{margin:0}
:where(.cs) button,:where(.cs) textarea{font:inherit;color:inherit}
.cs-q{font-weight:600}
.cs-n,.cs-e{font-size:12px;color:var(--sangdam-muted)}
.cs-e{color:var(--sangdam-danger)}
.cs-g{display:flex;justify-content:space-around}
.cs-f{display:grid;place-items:center;width:44px;height:44px;padding:0;border:0;border-radius:50%;background:none;color:var(--sangdam-muted)}
.cs-f[aria-checked=true]{box-shadow:0 0 0 2px var(--c)}
.cs-f[aria-checked=true],.cs-a svg{color:var(--c)}
.cs textarea{padding:8px 12px;border:1px solid var(--sangdam-line);border-radius:12px;background:var(--sangdam-bg)}
.cs-b{padding:11px;border:0;border-radius:999px;background:var(--c);color:var(--sangdam-on-accent);font-weight:600}
.cs-k{padding:0;border:0;background:none;text-decoration:underline}
.cs-a{display:flex;align-items:center;gap:8px}
.cs-c{white-space:pre-wrap;overflow-wrap:anywhere}
`;
