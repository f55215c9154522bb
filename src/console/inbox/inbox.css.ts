export const inboxCss = `
.page-inbox{padding:0;display:flex}
.inbox{flex:1;display:grid;grid-template-columns:minmax(240px,300px) 1fr;min-height:0;height:calc(100vh - 53px)}
.inbox.open{grid-template-columns:minmax(240px,300px) minmax(0,1fr) minmax(240px,320px)}
.list-pane{display:flex;flex-direction:column;min-height:0;border-right:1px solid var(--line);background:var(--panel);padding:12px 0 0}
.list-pane h1{padding:0 12px}
.filters{display:grid;grid-template-columns:1fr 1fr;gap:6px 8px;padding:0 12px 8px;border-bottom:1px solid var(--line)}
.filters label{display:flex;flex-direction:column;font-size:12px;color:var(--muted)}
.filters label:nth-child(2){grid-column:1/-1}
.figure-filters{display:flex;flex-wrap:wrap;gap:4px;list-style:none;margin:0;padding:6px 12px;border-bottom:1px solid var(--line)}
.figure-filters .chip span{overflow-wrap:anywhere}
.count{margin:6px 12px;font-size:12px;color:var(--muted)}
.list-state{padding:12px}
.placeholder{display:grid;place-items:center;color:var(--muted);margin:0}
.chats{overflow:auto;flex:1}
.chats ul{list-style:none;margin:0;padding:0}
.chats .more{display:flex;flex-direction:column;gap:6px;padding:10px 12px}
.thread .older{align-self:center}
.chat-item{display:flex;flex-direction:column;gap:2px;padding:10px 12px;border-bottom:1px solid var(--line);color:var(--fg);text-decoration:none}
.chat-item:hover{background:var(--soft)}
.chat-item[aria-current=true]{background:var(--soft);box-shadow:inset 3px 0 0 var(--accent)}
.chat-item:focus-visible{outline-offset:-3px}
.ci-top{display:flex;justify-content:space-between;gap:8px}
.ci-name{font-weight:600;overflow:hidden;text-overflow:ellipsis;white-space:nowrap}
.ci-top time{font-size:12px;color:var(--muted);white-space:nowrap}
.ci-preview{color:var(--muted);overflow:hidden;text-overflow:ellipsis;white-space:nowrap}
.ci-meta{display:flex;gap:4px;flex-wrap:wrap}
.chat-pane{display:flex;flex-direction:column;min-height:0;min-width:0}
.chat-head{display:flex;align-items:center;gap:10px;padding:10px 16px;border-bottom:1px solid var(--line);background:var(--panel)}
.chat-head h2{margin:0;font-size:16px}
.member-id{margin:0;font-size:12px;color:var(--muted)}
.member-id .unverified{margin-left:4px;color:var(--danger);cursor:help}
.vh{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
.chat-head .btn{margin-left:auto}
.survey-link{display:flex;flex-wrap:wrap;align-items:center;gap:6px 8px;padding:8px 16px;border-bottom:1px solid var(--line);font-size:13px}
.survey-link input{flex:1;min-width:160px;font-size:12px}
.thread{list-style:none;margin:0;padding:16px;overflow:auto;flex:1;display:flex;flex-direction:column;gap:10px}
.thread.empty{color:var(--muted)}
.msg{max-width:75%;display:flex;flex-direction:column;align-self:flex-start}
.msg.manager,.msg.bot{align-self:flex-end;align-items:flex-end}
.msg .who{margin:0 0 2px;font-size:12px;color:var(--muted)}
.msg .bub{margin:0;padding:8px 12px;border-radius:12px;background:var(--panel);border:1px solid var(--line);white-space:pre-wrap;overflow-wrap:anywhere}
.msg.manager .bub{background:var(--accent);border-color:var(--accent);color:var(--on-accent)}
.msg.manager .bub a{color:inherit}
.msg .tpl{margin:2px 0 0;font-size:12px;color:var(--muted);white-space:pre-wrap;overflow-wrap:anywhere}
.msg .tpl code{font:inherit}
.survey .bub{background:var(--soft)}
.survey .bub p{margin:0}
.survey .q{font-weight:600}
.reply{display:grid;grid-template-columns:1fr auto;gap:6px 8px;padding:10px 16px;border-top:1px solid var(--line);background:var(--panel)}
.reply .err,.reply .hint{grid-column:1/-1}
.reply textarea{min-height:44px;max-height:200px}
.picker{grid-column:1/-1;list-style:none;margin:0;padding:4px 0;border:1px solid var(--line);border-radius:6px;background:var(--bg);max-height:220px;overflow:auto}
.picker li{padding:6px 10px;cursor:pointer;white-space:nowrap;overflow:hidden;text-overflow:ellipsis}
.picker li[aria-selected=true]{background:var(--soft);outline:2px solid var(--accent);outline-offset:-2px}
.picker span,.saved-replies span{color:var(--muted)}
.badge.waiting{color:var(--danger)}
.badge.unread{background:var(--accent);color:var(--on-accent);font-weight:600}
.typing{margin:0;padding:0 16px;min-height:1.5em;font-size:12px;color:var(--muted)}
@media (max-width:960px){
  .page-inbox{display:block}
  .inbox,.inbox.open{display:flex;flex-direction:column;height:auto}
  .list-pane{border-right:0;max-height:45vh}
  .thread{max-height:60vh}
}
`;
