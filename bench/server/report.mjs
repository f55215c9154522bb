// The printed table of a server run: Sangdam beside the bare baseline, ratios last.

const cell = (value, unit = '') => (value === null || value === undefined ? '–' : `${value}${unit}`);

/** A plain-text table of `measureServer`'s results. */
export function formatTable({ connections, seconds, rate, sangdam, baseline, ratio }) {
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
  return [title, line(header), ...rows.map(line)].join('\n');
}

const ratioOf = (a, b) => (a === null || b === null || b === 0 ? null : Math.round((a / b) * 100) / 100);
