export const headerCss = `
.hd{display:flex;align-items:center;gap:4px;min-height:56px;padding:8px 8px 8px 16px;background:var(--a);color:var(--sangdam-on-accent)}
.hd h2{flex:1;margin:0;font-size:16px;font-weight:600;overflow:hidden;text-overflow:ellipsis;white-space:nowrap}
.ib{display:grid;place-items:center;width:40px;height:40px;border:0;border-radius:50%;background:none}
.ib:hover{background:rgba(255,255,255,.16)}
.hd :focus-visible{outline-color:currentColor}
`;
