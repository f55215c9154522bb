import { describe, expect, it } from 'vitest';
import { ALWAYS_OPEN, isWithinOperatingHours, operatingMillisBetween, validateOperatingHours, type OperatingHours } from './operatingHours';

const H = 3600_000;
const weekdays9to18 = (timeZone: string): OperatingHours => {
  const open = [{ start: '09:00', end: '18:00' }];
  return { timeZone, weekly: { sun: [], mon: open, tue: open, wed: open, thu: open, fri: open, sat: [] } };
};
const seoul = weekdays9to18('Asia/Seoul');
// 2026-11-23 is a Monday. 09:00 in Seoul (UTC+9) is 00:00 UTC.
const mon9Seoul = Date.UTC(2026, 10, 23, 0, 0);

describe('operating hours', () => {
  it('tells whether an instant is inside, in the channel time zone', () => {
    expect(isWithinOperatingHours(seoul, mon9Seoul)).toBe(true);
    expect(isWithinOperatingHours(seoul, mon9Seoul - 60_000)).toBe(false); // 08:59
    expect(isWithinOperatingHours(seoul, mon9Seoul + 9 * H)).toBe(false); // 18:00
    expect(isWithinOperatingHours(seoul, mon9Seoul + 5 * 24 * H + 3 * H)).toBe(false); // Saturday 12:00
    expect(isWithinOperatingHours(ALWAYS_OPEN, mon9Seoul)).toBe(true);
  });

  it('counts only open time across a night', () => {
    // Monday 17:00 → Tuesday 10:00 Seoul: one hour on Monday, one on Tuesday.
    expect(operatingMillisBetween(seoul, mon9Seoul + 8 * H, mon9Seoul + 25 * H)).toBe(2 * H);
  });

  it('counts nothing over a weekend', () => {
    // Friday 18:00 → Monday 09:00 Seoul.
    const fri18 = mon9Seoul + 4 * 24 * H + 9 * H;
    expect(operatingMillisBetween(seoul, fri18, mon9Seoul + 7 * 24 * H)).toBe(0);
    // Friday 17:30 → Monday 09:30: half an hour each side.
    expect(operatingMillisBetween(seoul, fri18 - H / 2, mon9Seoul + 7 * 24 * H + H / 2)).toBe(H);
  });

  it('follows summer time in a zone that has it', () => {
    const ny = weekdays9to18('America/New_York');
    // Sunday 2026-11-01 02:00 clocks go back. Friday 2026-10-30 17:00 EDT (21:00Z) → Monday 2026-11-02 10:00 EST (15:00Z).
    expect(operatingMillisBetween(ny, Date.UTC(2026, 9, 30, 21), Date.UTC(2026, 10, 2, 15))).toBe(2 * H);
  });

  it('refuses malformed hours with the field and the rule', () => {
    expect(validateOperatingHours({ timeZone: 'Mars/Base', weekly: {} })).toEqual({ ok: false, message: 'timeZone: must be an IANA time zone such as Asia/Seoul' });
    expect(validateOperatingHours({ timeZone: 'UTC', weekly: { mon: [{ start: '18:00', end: '09:00' }] } })).toMatchObject({ message: 'weekly.mon[0]: end must be after start (split intervals that cross midnight)' });
    expect(validateOperatingHours({ timeZone: 'UTC', weekly: { funday: [] } })).toMatchObject({ message: 'weekly.funday: is not a weekday (sun, mon, tue, wed, thu, fri, sat)' });
    expect(validateOperatingHours({ timeZone: 'UTC', weekly: { mon: [{ start: '9:00', end: '18:00' }] } })).toMatchObject({ ok: false });
    expect(validateOperatingHours({ timeZone: 'Asia/Seoul', weekly: { mon: [{ start: '09:00', end: '12:00' }, { start: '13:00', end: '24:00' }] } })).toMatchObject({ ok: true });
  });
});
