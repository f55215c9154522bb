import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_CSAT_SETTINGS } from '../../shared/csat/settings';
import { ALWAYS_OPEN } from '../../shared/operatingHours';
import { READY_MADE_FIELDS, type CustomField } from '../../shared/profile/fields';
import { calls } from '../test/fakeServer';
import { $, $$, button, cleanup, flush, start, type, ui } from '../test/harness';

afterEach(cleanup);

const product: CustomField = { key: 'profile.productName', type: 'String', names: { ko: '상품명', en: 'Product name' }, order: 2, archived: false, readyMade: false };

function openSettings(routes: Record<string, unknown> = {}) {
  start(
    {
      'GET /profile-fields': { fields: [...READY_MADE_FIELDS, product], builtIns: [] },
      'GET /csat-settings': DEFAULT_CSAT_SETTINGS,
      'PUT /csat-settings': (body: unknown) => body,
      'GET /operating-hours': ALWAYS_OPEN,
      'PUT /operating-hours': (body: unknown) => body,
      ...routes,
    },
    { hash: '#/settings' },
  );
}

const row = (name: string) => $$('.field-row').find((li) => li.querySelector('strong')?.textContent === name)!;
const buttonsOf = (li: Element) => Array.from(li.querySelectorAll('button')).map((b) => b.getAttribute('aria-label') || b.textContent);

describe('the settings page', () => {
  it('lists the custom fields in order; CSAT fields can be renamed and moved but not archived or deleted', async () => {
    openSettings();
    await flush();
    expect($$('.field-row strong').map((s) => s.textContent)).toEqual(['CSAT', 'CSAT comment', 'Product name']);
    expect(buttonsOf(row('CSAT'))).toEqual(['Rename CSAT', 'Move CSAT up', 'Move CSAT down']);
    expect(buttonsOf(row('Product name'))).toEqual(['Rename Product name', 'Move Product name up', 'Move Product name down', 'Archive Product name', 'Delete Product name']);
    expect(row('CSAT').querySelector<HTMLButtonElement>('button[aria-label="Move CSAT up"]')!.disabled).toBe(true);
  });

  it('adds a field and shows the server refusal next to the form', async () => {
    openSettings({ 'POST /profile-fields': { status: 409, body: { error: { code: 'field_exists', message: 'profile.grade: this channel already has a field with this key' } } } });
    await flush();
    const form = $('.add-field')!;
    type(form.querySelector('input')!, 'grade');
    const select = form.querySelector('select')!;
    select.value = 'List';
    select.dispatchEvent(new Event('change', { bubbles: true }));
    type(form.querySelector<HTMLInputElement>('input[lang=ko]')!, '등급');
    form.dispatchEvent(new Event('submit', { cancelable: true }));
    await flush();
    expect(calls(ui.fetch).find((c) => c.route === 'POST /profile-fields')?.body).toEqual({ key: 'grade', type: 'List', names: { ko: '등급' } });
    expect(form.querySelector('[role=alert]')?.textContent).toBe('profile.grade: this channel already has a field with this key');
  });

  it('renames, moves, archives and deletes after confirmation', async () => {
    openSettings({ 'PATCH /profile-fields/profile.productName': { field: product }, 'DELETE /profile-fields/profile.productName': { status: 204 } });
    await flush();
    button('Rename Product name').click();
    await flush();
    const rename = row('Product name').querySelector('form')!;
    type(rename.querySelector<HTMLInputElement>('input[lang=en]')!, 'Product');
    type(rename.querySelector<HTMLInputElement>('input[lang=ko]')!, '');
    type(rename.querySelector<HTMLInputElement>('input[lang=ja]')!, '商品名');
    rename.dispatchEvent(new Event('submit', { cancelable: true }));
    await flush();
    button('Move Product name up').click();
    await flush();
    button('Archive Product name').click();
    await flush();
    button('Delete Product name').click();
    await flush();
    expect($('dialog')?.textContent).toContain('Delete Product name?');
    expect(calls(ui.fetch).some((c) => c.route.startsWith('DELETE'))).toBe(false);
    $$<HTMLButtonElement>('dialog button').find((b) => b.textContent === 'Delete')!.click();
    await flush();
    const changes = calls(ui.fetch).filter((c) => c.route.includes('/profile-fields/')).map((c) => [c.route, c.body]);
    expect(changes).toEqual([
      ['PATCH /profile-fields/profile.productName', { names: { en: 'Product', ko: null, ja: '商品名' } }],
      ['PATCH /profile-fields/profile.productName', { order: 1 }],
      ['PATCH /profile-fields/profile.productName', { archived: true }],
      ['DELETE /profile-fields/profile.productName', undefined],
    ]);
    expect($('dialog')).toBeNull();
  });

  it('checks the survey rule with the shared validator before saving it', async () => {
    openSettings();
    await flush();
    const csat = $$('section.card')[1];
    csat.querySelector<HTMLInputElement>('input[type=checkbox]')!.click();
    csat.querySelector<HTMLInputElement>('input[type=radio][value="3"]')!.click();
    await flush();
    type(csat.querySelector<HTMLInputElement>('input[lang=en]')!, ' ');
    await flush();
    csat.querySelector('form')!.dispatchEvent(new Event('submit', { cancelable: true }));
    await flush();
    expect(csat.querySelector('[role=alert]')?.textContent).toBe('questions.en: must be a non-empty string of at most 200 characters');
    expect(calls(ui.fetch).some((c) => c.route === 'PUT /csat-settings')).toBe(false);
    type(csat.querySelector<HTMLInputElement>('input[lang=en]')!, 'Happy?');
    await flush();
    csat.querySelector('form')!.dispatchEvent(new Event('submit', { cancelable: true }));
    await flush();
    const put = calls(ui.fetch).find((c) => c.route === 'PUT /csat-settings')!.body as typeof DEFAULT_CSAT_SETTINGS;
    expect(put).toMatchObject({ enabled: true, scale: 3, questions: { en: 'Happy?' } });
    expect(csat.querySelector('.save-row [role=status]')?.textContent).toBe('Saved.');
  });

  it('offers "Comment required" as a labelled switch, usable only with a comment box, and saves it', async () => {
    openSettings();
    await flush();
    const csat = $$('section.card')[1];
    const toggle = csat.querySelector<HTMLInputElement>('input[role=switch]')!;
    expect(toggle.closest('label')?.textContent).toContain('Comment required');
    expect(csat.querySelector('#' + toggle.getAttribute('aria-describedby'))).not.toBeNull();
    expect(toggle.checked).toBe(false);
    expect(toggle.disabled).toBe(false);
    toggle.click();
    await flush();
    csat.querySelector('form')!.dispatchEvent(new Event('submit', { cancelable: true }));
    await flush();
    const put = calls(ui.fetch).find((c) => c.route === 'PUT /csat-settings')!.body as typeof DEFAULT_CSAT_SETTINGS;
    expect(put).toMatchObject({ comment: true, commentRequired: true });
    const ask = Array.from(csat.querySelectorAll('label')).find((l) => l.textContent === 'Ask for a comment')!.querySelector('input')!;
    ask.click();
    await flush();
    expect(csat.querySelector<HTMLInputElement>('input[role=switch]')!.disabled).toBe(true);
    expect(csat.querySelector<HTMLInputElement>('input[role=switch]')!.checked).toBe(false);
  });

  it('edits the survey filters: profile conditions and tags to skip', async () => {
    openSettings();
    await flush();
    const csat = $$('section.card')[1];
    button('Add condition').click();
    await flush();
    type(csat.querySelector<HTMLInputElement>('.condition input')!, 'grade');
    type(csat.querySelectorAll<HTMLInputElement>('.condition input')[1], 'VIP');
    const skip = csat.querySelectorAll<HTMLInputElement>('.chips input')[1];
    type(skip, '컴플레인');
    skip.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, cancelable: true }));
    await flush();
    csat.querySelector('form')!.dispatchEvent(new Event('submit', { cancelable: true }));
    await flush();
    const put = calls(ui.fetch).find((c) => c.route === 'PUT /csat-settings')!.body as typeof DEFAULT_CSAT_SETTINGS;
    expect(put.filters).toEqual({ profile: [{ key: 'grade', op: 'eq', value: 'VIP' }], chat: [], includeTags: [], excludeTags: ['컴플레인'], operatingHours: 'any' });
  });

  it('warns of a condition on a field deleted since, naming it, and sends the rule back without the report', async () => {
    const stale = { key: 'profile.plan', op: 'missing' };
    openSettings({
      'GET /csat-settings': {
        ...DEFAULT_CSAT_SETTINGS,
        filters: { ...DEFAULT_CSAT_SETTINGS.filters, chat: [stale] },
        problems: [{ key: 'profile.plan', message: 'filters.chat[0].key: profile.plan is no longer in this channel\'s chat profile' }],
      },
    });
    await flush();
    const csat = $$('section.card')[1];
    const alert = csat.querySelector('[role=alert]')!;
    expect(alert.textContent).toContain('profile.plan');
    expect(alert.textContent).toContain('no survey is sent');
    csat.querySelector('form')!.dispatchEvent(new Event('submit', { cancelable: true }));
    await flush();
    const put = calls(ui.fetch).find((c) => c.route === 'PUT /csat-settings')!.body as Record<string, any>;
    expect(put.filters.chat).toEqual([stale]);
    expect(put).not.toHaveProperty('problems');
  });

  it('refuses operating hours that end before they start, naming the interval', async () => {
    openSettings();
    await flush();
    const hours = $$('section.card')[2];
    const monday = Array.from(hours.querySelectorAll('fieldset')).find((f) => f.querySelector('legend')?.textContent === 'Monday')!;
    type(monday.querySelector<HTMLInputElement>('input')!, '18:00');
    type(monday.querySelectorAll<HTMLInputElement>('input')[1], '09:00');
    await flush();
    hours.querySelector('form')!.dispatchEvent(new Event('submit', { cancelable: true }));
    await flush();
    expect(hours.querySelector('[role=alert]')?.textContent).toBe('weekly.mon[0]: end must be after start (split intervals that cross midnight)');
    expect(calls(ui.fetch).some((c) => c.route === 'PUT /operating-hours')).toBe(false);
  });
});

describe('a List field in the settings', () => {
  it('edits its allowed items as chips, saved with each change', async () => {
    const sizes: CustomField = { key: 'profile.sizes', type: 'List', names: { en: 'Sizes' }, order: 3, archived: false, readyMade: false };
    openSettings({
      'GET /profile-fields': { fields: [...READY_MADE_FIELDS, product, sizes], builtIns: [] },
      'PATCH /profile-fields/profile.sizes': (body: { options: string[] | null }) => ({ field: { ...sizes, ...(body.options ? { options: body.options } : {}) } }),
    });
    await flush();
    const input = row('Sizes').querySelector<HTMLInputElement>('.field-options .chips input')!;
    type(input, 'M');
    input.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
    await flush();
    expect(calls(ui.fetch).find((c) => c.route === 'PATCH /profile-fields/profile.sizes')?.body).toEqual({ options: ['M'] });
    expect(row('Product name').querySelector('.field-options')).toBeNull();
  });
});
