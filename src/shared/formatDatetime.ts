/**
 * `YYYY-MM-DD HH:mm:ss` on the wall clock of `timeZone` (an IANA name, as operating hours carry):
 * how a Datetime is written for people, in downloads and in rendered templates alike.
 * @example formatDatetime(Date.UTC(2026, 0, 5, 15, 7), 'Asia/Seoul') // '2026-01-06 00:07:00'
 */
export function formatDatetime(ms: number, timeZone: string): string {
  const parts: Record<string, string> = {};
  for (const p of new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' }).formatToParts(ms))
    parts[p.type] = p.value;
  return `${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute}:${parts.second}`;
}
