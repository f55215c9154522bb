export const threadCss = `
.note{margin:0 0 12px;padding:8px 12px;border-radius:8px;background:var(--sangdam-bubble);color:var(--sangdam-muted);font-size:13px;text-align:center}
.msg{display:flex;flex-direction:column;align-items:flex-start;max-width:85%;margin-bottom:10px}
.sv{max-width:100%}
.me{align-items:flex-end;margin-inline-start:auto}
.who,.meta{margin:0 4px 2px;color:var(--sangdam-muted);font-size:12px}
.meta{margin:2px 4px 0}
.who img{width:20px;height:20px;border-radius:50%;object-fit:cover;vertical-align:middle;margin-inline-end:6px}
.bub{padding:8px 12px;border-radius:16px;background:var(--sangdam-bubble);white-space:pre-wrap;overflow-wrap:anywhere}
.bub a{color:inherit;text-decoration:underline}
.me .bub{background:var(--a);color:var(--sangdam-on-accent)}
.fail .bub{opacity:.6}
.meta.err{color:var(--sangdam-danger)}
`;
