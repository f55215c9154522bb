export const statsCss = `
.kpis{display:grid;grid-template-columns:repeat(auto-fill,minmax(150px,1fr));gap:10px;margin:0 0 12px}
.kpis div{padding:8px 10px;border:1px solid var(--line);border-radius:8px}
.kpis dt{font-size:12px;color:var(--muted)}
.kpis dd{margin:0;font-size:20px;font-weight:600}
.dist{width:100%;border-collapse:collapse}
.dist th,.dist td{padding:6px 8px;border-bottom:1px solid var(--line);text-align:left}
.dist .num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
.range{display:flex;flex-wrap:wrap;gap:8px 16px;align-items:end}
.range legend{font-weight:600;padding:0 4px}
.range label,.group-by{display:flex;flex-direction:column;font-size:12px;color:var(--muted)}
.group-by{margin:0 0 10px;max-width:260px}
.table-scroll{overflow-x:auto}
.breakdown th[scope=row]{overflow-wrap:anywhere;min-width:120px}
.breakdown tfoot th,.breakdown tfoot td{font-weight:600}
.bar-cell{width:40%}
.bar{display:block;height:14px;min-width:2px;border-radius:3px;background:var(--accent);border:1px solid var(--fg)}
.bar.s1{opacity:.55}.bar.s2{opacity:.65}.bar.s3{opacity:.75}.bar.s4{opacity:.88}
`;
