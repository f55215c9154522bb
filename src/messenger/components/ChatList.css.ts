export const chatListCss = `
.list{list-style:none;margin:12px -8px 0;padding:0}
.item{display:grid;grid-template-columns:1fr auto;gap:2px 8px;align-items:center;width:100%;padding:10px 12px;border:0;border-radius:12px;background:none;text-align:start}
.item:hover{background:var(--sangdam-bubble)}
.nm{font-weight:600}
.nm,.pv{overflow:hidden;text-overflow:ellipsis;white-space:nowrap}
.tm,.tag{color:var(--sangdam-muted);font-size:12px}
.tag{margin-inline-start:6px;font-weight:400}
.pv{color:var(--sangdam-muted)}
.more{display:block;margin:8px auto}
.unr{justify-self:end;min-width:20px;padding:0 6px;border-radius:10px;background:var(--a);color:var(--sangdam-on-accent);font-size:12px;line-height:20px;text-align:center}
`;
