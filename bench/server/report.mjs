// The printed table of a server run: Sangdam beside the bare baseline, ratios last.

const cell = (value, unit = '') => (value === null || value === undefined ? '–' : `${value}${unit}`);

/** A plain-text table of `measureServer`'s results. */
export function formatTable({ connections, seconds, rate, sangdam, setups = [], logCeiling = null, baseline, ratio }) {
  const rows = [
    ['delivered / s', cell(sangdam.perSecond), cell(baseline.perSecond), cell(ratio.throughput, '×')],
    ['p50 latency', cell(sangdam.p50, ' ms'), cell(baseline.p50, ' ms'), cell(ratioOf(sangdam.p50, baseline.p50), '×')],
    ['p99 latency', cell(sangdam.p99, ' ms'), cell(baseline.p99, ' ms'), cell(ratio.p99, '×')],
    ['sent / delivered', `${sangdam.sent} / ${sangdam.delivered}`, `${baseline.sent} / ${baseline.delivered}`, ''],
    ['lost', cell(sangdam.lost), cell(baseline.lost), ''],
    ['duplicated', cell(sangdam.duplicated), cell(baseline.duplicated), ''],
    ['failed / unanswered requests', `${sangdam.failed} / ${sangdam.unanswered}`, '', ''],
    ['RSS per connection', cell(sangdam.rssPerConnectionKB, ' KB'), cell(baseline.rssPerConnectionKB, ' KB'), ''],
    ['server CPU per delivery', cell(sangdam.serverCpuUsPerDelivery, ' µs'), cell(baseline.serverCpuUsPerDelivery, ' µs'), cell(ratioOf(sangdam.serverCpuUsPerDelivery, baseline.serverCpuUsPerDelivery), '×')],
    ['load generator CPU per delivery', cell(sangdam.loadCpuUsPerDelivery, ' µs'), cell(baseline.loadCpuUsPerDelivery, ' µs'), ''],
  ];
  const header = ['', 'Sangdam', 'bare ws', 'ratio'];
  const widths = header.map((_, i) => Math.max(...[header, ...rows].map((row) => row[i].length)));
  const line = (row) => row.map((text, i) => (i === 0 ? text.padEnd(widths[i]) : text.padStart(widths[i]))).join('  ');
  const title = `Server: ${connections} connections, ${rate} customer msg/s + replies, ${seconds} s, ${sangdam.frameBytes}-byte frames`;
  return [title, line(header), ...rows.map(line), ...(setups.length > 1 ? ['', formatSetups(setups, baseline)] : []), ...(logCeiling ? ['', formatCeiling(logCeiling)] : [])].join('\n');
}

/** The set-ups side by side: the cost of each layer under the same load, and that nothing is lost. */
function formatSetups(setups, baseline) {
  const us = (value) => cell(value, ' µs');
  const rows = [
    ['delivered / s', ...setups.map((s) => cell(s.perSecond))],
    ['p50 / p99 latency', ...setups.map((s) => `${cell(s.p50)} / ${cell(s.p99)} ms`)],
    ['sent / delivered', ...setups.map((s) => `${s.sent} / ${s.delivered}`)],
    ['lost / duplicated', ...setups.map((s) => `${cell(s.lost)} / ${cell(s.duplicated)}`)],
    ['failed / unanswered requests', ...setups.map((s) => `${s.failed} / ${s.unanswered}`)],
    ['server CPU per delivery, all instances', ...setups.map((s) => us(s.serverCpuUsPerDelivery))],
    ['  per instance', ...setups.map((s) => (s.perProcessCpuUsPerDelivery ?? []).map((v) => cell(v)).join(' + ') + ' µs')],
    ['  × bare ws router', ...setups.map((s) => cell(ratioOf(s.serverCpuUsPerDelivery, baseline.serverCpuUsPerDelivery), '×'))],
    ['PostgreSQL CPU per delivery', ...setups.map((s) => us(s.databaseCpuUsPerDelivery))],
    ['Redis CPU per delivery', ...setups.map((s) => us(s.redisCpuUsPerDelivery))],
    ['lock wait per customer message', ...setups.map((s) => cell(s.lockWaitMsPerMessage, ' ms'))],
  ];
  const header = ['', ...setups.map((s) => s.name)];
  const widths = header.map((_, i) => Math.max(...[header, ...rows].map((row) => row[i].length)));
  const line = (row) => row.map((text, i) => (i === 0 ? text.padEnd(widths[i]) : text.padStart(widths[i]))).join('  ');
  return ['Set-ups (same load)', line(header), ...rows.map(line)].join('\n');
}

const ratioOf = (a, b) => (a === null || b === null || b === 0 ? null : Math.round((a / b) * 100) / 100);

/** Events per second the commit-ordered log takes, by concurrent writers (logCeiling.mjs). */
function formatCeiling(rows) {
  return [
    'Commit-ordered log on PostgreSQL: one-event units back to back',
    'writers  events/s  ms per unit',
    ...rows.map((r) => `${String(r.writers).padStart(7)}  ${String(r.unitsPerSecond).padStart(8)}  ${String(r.msPerUnit).padStart(11)}`),
  ].join('\n');
}
