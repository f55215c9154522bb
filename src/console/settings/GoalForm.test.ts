import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_CSAT_SETTINGS } from '../../shared/csat/settings';
import { ALWAYS_OPEN } from '../../shared/operatingHours';
import { READY_MADE_FIELDS } from '../../shared/profile/fields';
import { calls } from '../test/fakeServer';
import { $$, cleanup, flush, start, type, ui } from '../test/harness';

afterEach(cleanup);

function openSettings(routes: Record<string, unknown> = {}) {
  start(
    {
      'GET /profile-fields': { fields: READY_MADE_FIELDS, builtIns: [] },
      'GET /csat-settings': DEFAULT_CSAT_SETTINGS,
      'GET /operating-hours': ALWAYS_OPEN,
      'GET /goal': { eventName: 'Purchase', windowDays: 7 },
      'PUT /goal': (body: unknown) => body,
      ...routes,
    },
    { hash: '#/settings' },
  );
}

const goalCard = () => $$('section.card').find((card) => card.querySelector('h2')?.textContent === 'Goal')!;
/** The input whose label reads `name`, found through the label as a screen reader would. */
const field = (name: string) =>
  Array.from(goalCard().querySelectorAll('label')).find((label) => label.querySelector('span')?.textContent === name)!.querySelector('input')!;
const submit = () => goalCard().querySelector('form')!.dispatchEvent(new Event('submit', { cancelable: true }));
const puts = () => calls(ui.fetch).filter((c) => c.route === 'PUT /goal').map((c) => c.body);

describe('the goal settings', () => {
  it('shows the stored goal under labelled inputs and saves a change', async () => {
    openSettings();
    await flush();
    expect(field('Goal event').value).toBe('Purchase');
    expect(field('Window (days)').value).toBe('7');
    type(field('Goal event'), 'Signup');
    type(field('Window (days)'), '14');
    submit();
    await flush();
    expect(puts()).toEqual([{ eventName: 'Signup', windowDays: 14 }]);
    expect(goalCard().querySelector('[role=status]')?.textContent).toBe('Saved.');
  });

  it('turns goals off when the event is left empty', async () => {
    openSettings();
    await flush();
    type(field('Goal event'), '  ');
    submit();
    await flush();
    expect(puts()).toEqual([{ eventName: null, windowDays: 7 }]);
  });

  it('refuses a window outside 1 to 365 days before sending it, naming the key', async () => {
    openSettings();
    await flush();
    type(field('Window (days)'), '400');
    submit();
    await flush();
    expect(goalCard().querySelector('[role=alert]')?.textContent).toBe('windowDays: must be a whole number of days from 1 to 365');
    expect(puts()).toEqual([]);
  });

  it('refuses an event name longer than track allows, with the rule the server applies', async () => {
    openSettings();
    await flush();
    type(field('Goal event'), 'x'.repeat(31));
    submit();
    await flush();
    expect(goalCard().querySelector('[role=alert]')?.textContent).toBe('eventName: must be an event name of 1 to 30 characters, or null to turn goals off');
    expect(puts()).toEqual([]);
  });

  it("shows the server's refusal next to the form", async () => {
    openSettings({ 'PUT /goal': { status: 400, body: { error: { code: 'invalid_request', message: 'windowDays: must be a whole number of days from 1 to 365' } } } });
    await flush();
    type(field('Window (days)'), '30');
    submit();
    await flush();
    expect(puts()).toEqual([{ eventName: 'Purchase', windowDays: 30 }]);
    expect(goalCard().querySelector('[role=alert]')?.textContent).toBe('windowDays: must be a whole number of days from 1 to 365');
  });
});
