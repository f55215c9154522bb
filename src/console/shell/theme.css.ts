// Colours as custom properties so the dark scheme only swaps values. Muted text keeps a 4.5:1
// contrast on both backgrounds; focus is a visible ring, never only a colour change.
const dark =
  '--bg:#17171b;--panel:#1f1f25;--fg:#ececf1;--muted:#a6a6b3;--line:#363640;--soft:#2a2a31;--accent:#8ea2ff;--on-accent:#111;--danger:#ff8a80;--focus:#8ea2ff;--ok:#7bd88f';

export const themeCss = `
:root{--bg:#f6f6f8;--panel:#fff;--fg:#1d1d22;--muted:#5c5c68;--line:#dcdce3;--soft:#eef0f6;--accent:#3451d1;--on-accent:#fff;--danger:#b3261e;--focus:#1a56db;--ok:#1e7b34;color-scheme:light dark}
@media (prefers-color-scheme:dark){:root{${dark}}}
*{box-sizing:border-box}
body{margin:0;background:var(--bg);color:var(--fg);font:14px/1.5 system-ui,-apple-system,"Apple SD Gothic Neo","Noto Sans KR",sans-serif}
h1{font-size:20px;margin:0 0 12px}h2{font-size:16px;margin:0 0 10px}h3{font-size:14px;margin:16px 0 8px}
a{color:var(--accent)}
:focus-visible{outline:3px solid var(--focus);outline-offset:2px}
.sr{position:absolute;width:1px;height:1px;margin:-1px;padding:0;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap;border:0}
.skip{position:absolute;left:8px;top:-48px;z-index:10;padding:8px 12px;background:var(--panel);border:2px solid var(--focus)}
.skip:focus{top:8px}
.btn{font:inherit;padding:6px 12px;border:1px solid var(--line);border-radius:6px;background:var(--panel);color:var(--fg);cursor:pointer}
.btn:hover:not(:disabled){border-color:var(--accent)}
.btn:disabled{opacity:.55;cursor:default}
.btn.primary{background:var(--accent);border-color:var(--accent);color:var(--on-accent)}
.btn.quiet{background:transparent}
.btn.danger{color:var(--danger);border-color:currentColor;background:transparent}
input,select,textarea{font:inherit;color:var(--fg);background:var(--panel);border:1px solid var(--line);border-radius:6px;padding:6px 8px;max-width:100%}
textarea{resize:vertical}
fieldset{border:1px solid var(--line);border-radius:8px;padding:10px 12px;margin:0}
legend{padding:0 4px;font-weight:600}
.row{display:flex;flex-wrap:wrap;align-items:center;gap:8px}
.stack{display:flex;flex-direction:column;gap:4px}
.grid{display:grid;grid-template-columns:repeat(auto-fill,minmax(180px,1fr));gap:10px;align-items:start}
.hint,.muted{color:var(--muted);font-size:13px;margin:0}
.err{color:var(--danger);margin:6px 0;font-weight:500}
.err::before{content:"⚠ "}
.badge{display:inline-block;padding:0 6px;border:1px solid var(--line);border-radius:10px;font-size:12px;color:var(--muted)}
.badge.opened{color:var(--ok);border-color:currentColor}
.card{background:var(--panel);border:1px solid var(--line);border-radius:10px;padding:16px;margin:0 0 16px}
.dlg{border:1px solid var(--line);border-radius:10px;padding:20px;background:var(--panel);color:var(--fg);max-width:min(520px,92vw)}
.dlg::backdrop{background:rgb(0 0 0/.4)}
.checks{display:grid;grid-template-columns:repeat(auto-fill,minmax(200px,1fr));gap:6px;max-height:50vh;overflow:auto;margin:12px 0}
.check,.checks label{display:flex;gap:8px;align-items:center}
`;
