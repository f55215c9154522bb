export const composerCss = `
.cmp{display:flex;flex-wrap:wrap;align-items:flex-end;gap:8px;padding:10px 12px;border-top:1px solid var(--sangdam-line)}
.cmp .err{flex-basis:100%;margin:0;font-size:12px}
.cmp textarea{flex:1;min-height:40px;max-height:120px;field-sizing:content;resize:none;padding:9px 14px;border:1px solid var(--sangdam-line);border-radius:20px;background:var(--sangdam-bg)}
.cmp textarea::placeholder{color:var(--sangdam-muted);opacity:1}
.send{display:grid;place-items:center;width:40px;height:40px;border:0;border-radius:50%;background:var(--a);color:var(--sangdam-on-accent)}
.send:disabled{opacity:.4;cursor:default}
`;
