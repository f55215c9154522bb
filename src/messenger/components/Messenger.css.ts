// The host element is `all:initial` and `pointer-events:none`; the panel sets everything it needs.
// The launcher shares this shadow root: element rules stay under .panel so they never restyle it,
// scoped with :where() so component classes still win; z-index keeps the full-screen panel above it.
export const messengerCss = `
.panel,.panel *,.panel ::before,.panel ::after{box-sizing:border-box}
.panel{--a:var(--sangdam-accent,var(--sd-channel,#5b5bd6));position:fixed;z-index:1;bottom:90px;right:20px;width:370px;max-width:calc(100vw - 40px);height:min(640px,calc(100vh - 110px));display:flex;flex-direction:column;overflow:hidden;pointer-events:auto;background:var(--sangdam-bg);color:var(--sangdam-fg);font:14px/1.45 var(--sangdam-font);text-align:start;border-radius:var(--sangdam-radius);box-shadow:0 12px 40px rgba(0,0,0,.2),0 0 0 1px var(--sangdam-line);animation:sd-in .2s ease-out}
.panel[hidden]{display:none}
@keyframes sd-in{from{opacity:0;transform:translateY(12px)}}
@media (max-width:520px){.panel{inset:0;width:auto;max-width:none;height:auto;border-radius:0}}
@media (prefers-reduced-motion:reduce){.panel{animation:none}}
:where(.panel) button,:where(.panel) textarea{font:inherit;color:inherit}
:where(.panel) button{cursor:pointer}
.panel :focus-visible{outline:2px solid var(--a);outline-offset:2px}
.body{flex:1;overflow-y:auto;overscroll-behavior:contain;padding:16px;margin:0}
.muted{color:var(--sangdam-muted);text-align:center}
.sr{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
.off{margin:0;padding:6px;background:var(--sangdam-bubble);color:var(--sangdam-muted);font-size:12px;text-align:center}
.pri{width:100%;padding:11px;border:0;border-radius:999px;background:var(--a);color:var(--sangdam-on-accent);font-weight:600}
.link{padding:0;border:0;background:none;text-decoration:underline}
.err{color:var(--sangdam-danger)}
`;
