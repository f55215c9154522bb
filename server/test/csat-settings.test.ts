import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_CSAT_SETTINGS } from '../../src/shared/csat/index.ts';
import { ALWAYS_OPEN } from '../../src/shared/operatingHours.ts';
import { manager, removeDir, startServer, type TestServer } from './helpers.ts';

let server: TestServer;
let api: ReturnType<typeof manager>;

beforeAll(async () => {
  server = await startServer();
  api = manager(server);
});
afterAll(async () => {
  await server.close();
  await removeDir(server.dataDir);
});

const SEOUL_OFFICE = {
  timeZone: 'Asia/Seoul',
  weekly: {
    sun: [],
    mon: [{ start: '09:00', end: '12:00' }, { start: '13:00', end: '18:00' }],
    tue: [{ start: '09:00', end: '18:00' }],
    wed: [{ start: '09:00', end: '18:00' }],
    thu: [{ start: '09:00', end: '18:00' }],
    fri: [{ start: '09:00', end: '24:00' }],
    sat: [],
  },
};

describe('the survey rule', () => {
  it('starts with the shared defaults: the survey off', async () => {
    const reply = await api('GET', '/csat-settings');
    expect(reply.status).toBe(200);
    expect(reply.body).toEqual({ ...DEFAULT_CSAT_SETTINGS, problems: [] });
  });

  it('keeps every setting a partial PUT leaves out, questions and filters included', async () => {
    const first = await api('PUT', '/csat-settings', {
      body: { enabled: true, scale: 3, questions: { en: 'Happy with us?' }, filters: { excludeTags: ['컴플레인'] } },
    });
    expect(first.status).toBe(200);
    const expected = {
      ...DEFAULT_CSAT_SETTINGS,
      problems: [],
      enabled: true,
      scale: 3,
      questions: { ...DEFAULT_CSAT_SETTINGS.questions, en: 'Happy with us?' },
      filters: { ...DEFAULT_CSAT_SETTINGS.filters, excludeTags: ['컴플레인'] },
    };
    expect(first.body).toEqual(expected);
    const second = await api('PUT', '/csat-settings', { body: { comment: false, filters: { operatingHours: 'inside' } } });
    expect(second.body).toEqual({ ...expected, comment: false, filters: { ...expected.filters, operatingHours: 'inside' } });
    expect((await api('GET', '/csat-settings')).body).toEqual(second.body);
  });

  it("refuses a wrong rule with the shared validator's message and changes nothing", async () => {
    const before = (await api('GET', '/csat-settings')).body;
    const cases: [unknown, string][] = [
      [{ scale: 4 }, 'scale: must be 2, 3 or 5'],
      [{ enabled: true, scale: '5' }, 'scale: must be 2, 3 or 5'],
      [{ colour: 'red' }, 'colour: is not a survey setting (allowed: enabled, scale, required, comment, commentRequired, questions, filters)'],
      [{ required: 'yes' }, 'required: must be true or false'],
      [{ questions: { fr: 'Content ?' } }, 'questions.fr: is not a language (allowed: ko, en, ja)'],
      [{ questions: { ko: '   ' } }, 'questions.ko: must be a non-empty string of at most 200 characters'],
      [{ filters: { channel: 'x' } }, 'filters.channel: is not a filter (allowed: profile, chat, includeTags, excludeTags, operatingHours)'],
      [{ filters: { operatingHours: 'night' } }, 'filters.operatingHours: must be one of any, inside, outside'],
      [{ filters: { profile: [{ key: 'grade', op: 'like', value: 'V' }] } }, 'filters.profile[0].op: must be one of eq, neq, exists, missing, contains, containsAny, containsAll, lt, lte, gt, gte, withinDays'],
      [['enabled'], 'body: must be an object of survey settings'],
    ];
    for (const [body, message] of cases) {
      const reply = await api('PUT', '/csat-settings', { body });
      expect(reply.status, message).toBe(400);
      expect(reply.body.error).toEqual({ code: 'invalid_request', message });
    }
    expect((await api('PUT', '/csat-settings')).body.error.message).toBe('body: must be an object of survey settings');
    expect((await api('GET', '/csat-settings')).body).toEqual(before);
  });
});

describe('operating hours', () => {
  it('starts open around the clock', async () => {
    const reply = await api('GET', '/operating-hours');
    expect(reply.status).toBe(200);
    expect(reply.body).toEqual(ALWAYS_OPEN);
  });

  it('replaces the whole week on PUT; a day left out is closed', async () => {
    const reply = await api('PUT', '/operating-hours', { body: SEOUL_OFFICE });
    expect(reply.status).toBe(200);
    expect(reply.body).toEqual(SEOUL_OFFICE);
    const partial = await api('PUT', '/operating-hours', { body: { timeZone: 'Asia/Tokyo', weekly: { mon: [{ start: '10:00', end: '17:00' }] } } });
    expect(partial.body).toEqual({
      timeZone: 'Asia/Tokyo',
      weekly: { sun: [], mon: [{ start: '10:00', end: '17:00' }], tue: [], wed: [], thu: [], fri: [], sat: [] },
    });
    expect((await api('GET', '/operating-hours')).body).toEqual(partial.body);
  });

  it('refuses wrong hours naming the day and the rule, and keeps the stored ones', async () => {
    await api('PUT', '/operating-hours', { body: SEOUL_OFFICE });
    const cases: [unknown, string][] = [
      [{ weekly: {} }, 'timeZone: must be an IANA time zone such as Asia/Seoul'],
      [{ timeZone: 'Mars/Olympus', weekly: {} }, 'timeZone: must be an IANA time zone such as Asia/Seoul'],
      [{ timeZone: 'UTC' }, 'weekly: must be an object with sun … sat'],
      [{ timeZone: 'UTC', weekly: { monday: [] } }, 'weekly.monday: is not a weekday (sun, mon, tue, wed, thu, fri, sat)'],
      [{ timeZone: 'UTC', weekly: { mon: [{ start: '9:00', end: '18:00' }] } }, 'weekly.mon[0]: start and end must be HH:MM (end may be 24:00)'],
      [{ timeZone: 'UTC', weekly: { fri: [{ start: '22:00', end: '02:00' }] } }, 'weekly.fri[0]: end must be after start (split intervals that cross midnight)'],
      [
        { timeZone: 'UTC', weekly: { tue: [{ start: '09:00', end: '13:00' }, { start: '12:00', end: '18:00' }] } },
        'weekly.tue[1]: must start after the previous interval ends',
      ],
      [{ timeZone: 'UTC', weekly: {}, holidays: [] }, 'holidays: is not a known field (expected timeZone, weekly)'],
    ];
    for (const [body, message] of cases) {
      const reply = await api('PUT', '/operating-hours', { body });
      expect(reply.status, message).toBe(400);
      expect(reply.body.error).toEqual({ code: 'invalid_request', message });
    }
    expect((await api('GET', '/operating-hours')).body).toEqual(SEOUL_OFFICE);
  });
});

describe('persistence', () => {
  it('keeps the rule and the hours across a restart', async () => {
    const first = await startServer();
    await manager(first)('PUT', '/csat-settings', { body: { enabled: true, scale: 2 } });
    await manager(first)('PUT', '/operating-hours', { body: SEOUL_OFFICE });
    await first.close();
    const second = await startServer({ dataDir: first.dataDir });
    expect((await manager(second)('GET', '/csat-settings')).body).toMatchObject({ enabled: true, scale: 2 });
    expect((await manager(second)('GET', '/operating-hours')).body).toEqual(SEOUL_OFFICE);
    await second.close();
    await removeDir(first.dataDir);
  });
});
