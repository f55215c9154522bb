export const profileCss = `
.profile{border-left:1px solid var(--line);background:var(--panel);padding:12px 14px;overflow:auto;min-height:0}
.profile-head{display:flex;flex-wrap:wrap;align-items:center;justify-content:space-between;gap:6px;margin-bottom:8px}
.profile-head h2{margin:0}
.fields{margin:0}
.profile-sub{margin:16px 0 4px;font-size:13px}
.field{display:grid;grid-template-columns:minmax(90px,38%) 1fr;gap:8px;padding:5px 0;border-bottom:1px solid var(--line);align-items:baseline}
.field dt{font-size:12px;color:var(--muted);display:flex;flex-wrap:wrap;gap:4px;align-items:center}
.field dd{margin:0;overflow-wrap:anywhere;min-width:0}
.field dd select{width:100%}
.chips ul{display:flex;flex-wrap:wrap;gap:4px;list-style:none;margin:0 0 6px;padding:0}
.chip{display:inline-flex;align-items:center;gap:2px;padding:1px 2px 1px 8px;border-radius:12px;background:var(--soft);border:1px solid var(--line)}
.chip button{border:0;background:none;color:var(--fg);font:inherit;padding:0 6px;border-radius:10px;cursor:pointer}
.chip-add{display:flex;gap:6px}
.chip-add input{flex:1;min-width:0}
.desc{display:flex;flex-direction:column;gap:6px;align-items:flex-start}
.desc-text{margin:0;white-space:pre-wrap}
.desc textarea{width:100%}
.custom-value{display:flex;gap:6px;align-items:center;flex-wrap:wrap}
.custom-value.editing{flex-direction:column;align-items:flex-start}
.icon-edit{padding:0 6px;min-width:28px}
.options{border:0;margin:0;padding:0;display:flex;gap:4px 12px;flex-wrap:wrap}
.icon-edit::before{content:"\\270E"}
@media (max-width:960px){.profile{border-left:0;border-top:1px solid var(--line)}}
`;
