export const settingsCss = `
.settings,.stats{max-width:960px;margin:0 auto}
.form{display:flex;flex-direction:column;gap:12px;align-items:stretch}
.form>label.stack{max-width:360px}
.field-list{list-style:none;margin:0 0 8px;padding:0}
.field-row{display:flex;flex-wrap:wrap;align-items:center;gap:6px 12px;padding:8px 0;border-bottom:1px solid var(--line)}
.field-row.archived .field-info{opacity:.7}
.field-info{flex:1;min-width:200px}
.field-info code{font-size:12px;color:var(--muted)}
.field-actions{display:flex;flex-wrap:wrap;gap:4px}
.rename,.field-row .err{flex-basis:100%}
.add-field{border-top:1px solid var(--line);margin-top:8px}
.add-field .btn{margin-top:10px}
.condition{align-items:flex-end;margin:6px 0}
.condition select{max-width:16em}
.condition .err{flex-basis:100%;margin:0}
.day{display:flex;flex-wrap:wrap;align-items:center;gap:8px}
.interval label{display:flex;align-items:center;gap:4px}
.time{width:6.5em}
`;
