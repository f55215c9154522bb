export const shellCss = `
.app{min-height:100vh;display:flex;flex-direction:column}
.top{display:flex;flex-wrap:wrap;align-items:center;gap:8px 20px;padding:8px 16px;background:var(--panel);border-bottom:1px solid var(--line)}
.brand{font-weight:700}
.nav{display:flex;gap:4px;list-style:none;margin:0;padding:0}
.nav a{display:block;padding:6px 10px;border-radius:6px;color:var(--fg);text-decoration:none}
.nav a[aria-current=page]{background:var(--soft);font-weight:600;box-shadow:inset 0 -2px 0 var(--accent)}
.top-end{margin-left:auto;display:flex;align-items:center;gap:10px}
.live{display:flex;align-items:center;gap:6px;font-size:13px;color:var(--muted)}
.live .dot{width:8px;height:8px;border-radius:50%;border:2px solid var(--muted)}
.live.on .dot{background:var(--ok);border-color:var(--ok)}
.page{flex:1;padding:16px;outline:none;min-height:0}
.signin{display:grid;place-items:center;min-height:100vh;padding:16px}
.signin form{display:flex;flex-direction:column;gap:8px;width:min(380px,100%)}
`;
