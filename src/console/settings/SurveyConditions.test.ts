import { afterEach, describe, expect, it } from 'vitest';
import { opsFor } from '../../shared/conditions/index';
import { DEFAULT_CSAT_SETTINGS, type CsatSettings } from '../../shared/csat/settings';
import { ALWAYS_OPEN } from '../../shared/operatingHours';
import { BUILT_IN_FIELDS, READY_MADE_FIELDS, type CustomField } from '../../shared/profile/fields';
import { en } from '../i18n/en';
import { calls } from '../test/fakeServer';
import { $$, button, choose, cleanup, flush, start, type, ui } from '../test/harness';

afterEach(cleanup);

const custom = (key: string, type: CustomField['type'], name: string, order: number): CustomField => ({ key, type, names: { ko: name, en: name }, order, archived: false });
const FIELDS = [
  ...READY_MADE_FIELDS,
  custom('profile.productName', 'String', 'Product name', 2),
  custom('profile.orderedOn', 'Date', 'Ordered on', 3),
  custom('profile.gift', 'Boolean', 'Gift', 4),
];
const BUILT_INS = BUILT_IN_FIELDS.map(({ key, type, names, writer }) => ({ key, type, names, writer }));

function openSettings(rule: Partial<CsatSettings> & { problems?: unknown } = {}, routes: Record<string, unknown> = {}, language: 'ko' | 'en' = 'en') {
  start(
    {
      'GET /profile-fields': { fields: FIELDS, builtIns: BUILT_INS },
      'GET /csat-settings': { ...DEFAULT_CSAT_SETTINGS, ...rule },
      'PUT /csat-settings': (body: unknown) => body,
      'GET /operating-hours': ALWAYS_OPEN,
      'GET /goal': { eventName: null, windowDays: 7 },
      ...routes,
    },
    { hash: '#/settings', language },
  );
}

const csatCard = () => $$('section.card')[1];
const editor = (legend: string) => Array.from(csatCard().querySelectorAll('fieldset')).find((f) => f.querySelector('legend')?.textContent === legend)!;
const chatEditor = () => editor('Chat profile conditions');
const rows = (fieldset: Element) => Array.from(fieldset.querySelectorAll<HTMLElement>('.condition'));
/** The control of a row whose label reads `name`, as a screen reader finds it. */
function control<T extends HTMLElement = HTMLInputElement>(row: Element, name: string): T {
  const label = Array.from(row.querySelectorAll('label')).find((l) => l.querySelector('span')?.textContent === name);
  if (!label) throw new Error(`no control labelled ${name}`);
  return label.querySelector('input, select') as unknown as T;
}
const optionValues = (select: HTMLSelectElement) => Array.from(select.options).map((o) => o.value);
const submit = () => csatCard().querySelector('form')!.dispatchEvent(new Event('submit', { cancelable: true }));
const puts = () => calls(ui.fetch).filter((c) => c.route === 'PUT /csat-settings').map((c) => (c.body as CsatSettings).filters);

async function addChatCondition(key: string) {
  button('Add chat condition').click();
  await flush();
  const row = rows(chatEditor()).at(-1)!;
  choose(control<HTMLSelectElement>(row, 'Field'), key);
  await flush();
  return rows(chatEditor()).at(-1)!;
}

describe('the chat-profile conditions of the survey rule', () => {
  it('offers the chat-profile fields and only the ops of the chosen key’s type, and saves contains on a custom field', async () => {
    openSettings();
    await flush();
    const row = await addChatCondition('profile.productName');
    const field = control<HTMLSelectElement>(row, 'Field');
    expect(optionValues(field)).toEqual(['', ...BUILT_INS.map((f) => f.key), ...FIELDS.map((f) => f.key)]);
    expect(field.selectedOptions[0].textContent).toBe('Product name (profile.productName)');
    expect(optionValues(control<HTMLSelectElement>(row, 'Condition'))).toEqual(opsFor('String'));
    choose(control<HTMLSelectElement>(row, 'Condition'), 'contains');
    await flush();
    type(control(rows(chatEditor())[0], 'Value'), 'shirt');
    submit();
    await flush();
    expect(puts()[0].chat).toEqual([{ key: 'profile.productName', op: 'contains', value: 'shirt' }]);
    expect(csatCard().querySelector('.save-row [role=status]')?.textContent).toBe('Saved.');
  });

  it('takes a duration in minutes and sends milliseconds, and shows minutes again when read back', async () => {
    openSettings({ filters: { ...DEFAULT_CSAT_SETTINGS.filters, chat: [{ key: 'resolutionTime', op: 'lte', value: 90 * 60_000 }] } });
    await flush();
    expect(control(rows(chatEditor())[0], 'Minutes').value).toBe('90');
    const row = await addChatCondition('waitingTime');
    expect(optionValues(control<HTMLSelectElement>(row, 'Condition'))).toEqual(opsFor('Duration'));
    choose(control<HTMLSelectElement>(row, 'Condition'), 'gt');
    await flush();
    const minutes = control(rows(chatEditor())[1], 'Minutes');
    expect(minutes.type).toBe('number');
    type(minutes, '2.5');
    submit();
    await flush();
    expect(puts()[0].chat).toEqual([
      { key: 'resolutionTime', op: 'lte', value: 5_400_000 },
      { key: 'waitingTime', op: 'gt', value: 150_000 },
    ]);
  });

  it('fits the value input to the type: days for withinDays, a date, a local date and time, yes/no, comma-separated lists', async () => {
    openSettings();
    await flush();
    let row = await addChatCondition('firstOpenedAt');
    choose(control<HTMLSelectElement>(row, 'Condition'), 'withinDays');
    await flush();
    type(control(rows(chatEditor())[0], 'Days'), '7');
    row = await addChatCondition('profile.orderedOn');
    choose(control<HTMLSelectElement>(row, 'Condition'), 'lt');
    await flush();
    expect(control(rows(chatEditor())[1], 'Date').type).toBe('date');
    type(control(rows(chatEditor())[1], 'Date'), '2026-12-24');
    row = await addChatCondition('closedAt');
    choose(control<HTMLSelectElement>(row, 'Condition'), 'gte');
    await flush();
    const when = control(rows(chatEditor())[2], 'Date and time');
    expect(when.type).toBe('datetime-local');
    type(when, '2026-12-01T09:30');
    row = await addChatCondition('profile.gift');
    expect(optionValues(control<HTMLSelectElement>(row, 'Condition'))).toEqual(opsFor('Boolean'));
    choose(control<HTMLSelectElement>(rows(chatEditor())[3], 'Value'), 'false');
    row = await addChatCondition('tags');
    choose(control<HTMLSelectElement>(row, 'Condition'), 'containsAll');
    await flush();
    type(control(rows(chatEditor())[4], 'Values, separated by commas'), 'vip, 배송 ,');
    await flush();
    expect(control(rows(chatEditor())[4], 'Values, separated by commas').value).toBe('vip, 배송 ,');
    submit();
    await flush();
    expect(puts()[0].chat).toEqual([
      { key: 'firstOpenedAt', op: 'withinDays', value: 7 },
      { key: 'profile.orderedOn', op: 'lt', value: '2026-12-24' },
      { key: 'closedAt', op: 'gte', value: new Date('2026-12-01T09:30').getTime() },
      { key: 'profile.gift', op: 'eq', value: false },
      { key: 'tags', op: 'containsAll', value: ['vip', '배송'] },
    ]);
  });

  it('keeps the op when the new key takes it, and drops a value the new type cannot hold', async () => {
    openSettings();
    await flush();
    const row = await addChatCondition('waitingTime');
    choose(control<HTMLSelectElement>(row, 'Condition'), 'lt');
    await flush();
    type(control(rows(chatEditor())[0], 'Minutes'), '5');
    choose(control<HTMLSelectElement>(rows(chatEditor())[0], 'Field'), 'resolutionTime');
    await flush();
    expect(control<HTMLSelectElement>(rows(chatEditor())[0], 'Condition').value).toBe('lt');
    expect(control(rows(chatEditor())[0], 'Minutes').value).toBe('5');
    choose(control<HTMLSelectElement>(rows(chatEditor())[0], 'Field'), 'description');
    await flush();
    expect(control<HTMLSelectElement>(rows(chatEditor())[0], 'Condition').value).toBe('eq');
    expect(control(rows(chatEditor())[0], 'Value').value).toBe('');
  });

  it('refuses an incomplete value before sending, on the row and beside the save button, naming the key', async () => {
    openSettings();
    await flush();
    const row = await addChatCondition('waitingTime');
    choose(control<HTMLSelectElement>(row, 'Condition'), 'gte');
    await flush();
    submit();
    await flush();
    const message = 'filters.chat[0].value: must be a duration in milliseconds (a finite number) (waitingTime is Duration)';
    expect(csatCard().querySelector('.save-row [role=alert]')?.textContent).toBe(message);
    const minutes = control(rows(chatEditor())[0], 'Minutes');
    expect(minutes.getAttribute('aria-invalid')).toBe('true');
    expect(csatCard().querySelector(`#${minutes.getAttribute('aria-describedby')}`)?.textContent).toBe(message);
    expect(puts()).toEqual([]);
  });

  it("shows the server's refusal on the row it names", async () => {
    const message = "filters.chat[0].key: profile.productName is not a key of this channel's chat profile";
    openSettings({}, { 'PUT /csat-settings': { status: 400, body: { error: { code: 'invalid_request', message } } } });
    await flush();
    const row = await addChatCondition('profile.productName');
    type(control(row, 'Value'), 'shirt');
    submit();
    await flush();
    expect(puts()).toHaveLength(1);
    expect(csatCard().querySelector('.save-row [role=alert]')?.textContent).toBe(message);
    const field = control<HTMLSelectElement>(rows(chatEditor())[0], 'Field');
    expect(csatCard().querySelector(`#${field.getAttribute('aria-describedby')}`)?.textContent).toBe(message);
  });

  it('shows a condition on a deleted field as such, beside the alert, and can remove it', async () => {
    const stale = { key: 'profile.plan', op: 'eq' as const, value: 'pro' };
    openSettings({
      filters: { ...DEFAULT_CSAT_SETTINGS.filters, chat: [stale] },
      problems: [{ key: 'profile.plan', message: "filters.chat[0].key: profile.plan is no longer in this channel's chat profile" }],
    });
    await flush();
    expect(csatCard().querySelector('[role=alert]')?.textContent).toContain('profile.plan');
    const field = control<HTMLSelectElement>(rows(chatEditor())[0], 'Field');
    expect(field.value).toBe('profile.plan');
    expect(field.selectedOptions[0].textContent).toBe('profile.plan (deleted)');
    expect(field.getAttribute('aria-invalid')).toBe('true');
    expect(control(rows(chatEditor())[0], 'Value').value).toBe('pro');
    button('Remove chat condition 1').click();
    await flush();
    expect(rows(chatEditor())).toHaveLength(0);
    expect(document.activeElement?.textContent).toBe('Add chat condition');
    submit();
    await flush();
    expect(puts()[0].chat).toEqual([]);
  });

  it('moves the focus into a row when it is added', async () => {
    openSettings();
    await flush();
    button('Add chat condition').click();
    await flush();
    expect(document.activeElement).toBe(control(rows(chatEditor())[0], 'Field'));
    button('Add condition').click();
    await flush();
    expect(document.activeElement).toBe(control(rows(editor('Customer profile conditions'))[0], 'Profile key'));
  });
});

describe('the customer-profile conditions of the survey rule', () => {
  it('offers every op on a free key and reads the value by the op: lists, numbers or dates, days', async () => {
    openSettings();
    await flush();
    const list = editor('Customer profile conditions');
    for (let i = 0; i < 4; i++) button('Add condition').click();
    await flush();
    expect(optionValues(control<HTMLSelectElement>(rows(list)[0], 'Condition'))).toEqual(Object.keys(en.ops));
    const edit = async (index: number, key: string, op: string, label: string | null, value?: string) => {
      type(control(rows(list)[index], 'Profile key'), key);
      choose(control<HTMLSelectElement>(rows(list)[index], 'Condition'), op);
      await flush();
      if (label) type(control(rows(list)[index], label), value!);
    };
    await edit(0, 'interests', 'containsAny', 'Values, separated by commas', 'golf,  tennis');
    await edit(1, 'points', 'gte', 'Number or date (YYYY-MM-DD)', '1000');
    await edit(2, 'signedUpOn', 'lt', 'Number or date (YYYY-MM-DD)', '2026-01-01');
    await edit(3, 'lastVisit', 'withinDays', 'Days', '30');
    submit();
    await flush();
    expect(puts()[0].profile).toEqual([
      { key: 'interests', op: 'containsAny', value: ['golf', 'tennis'] },
      { key: 'points', op: 'gte', value: 1000 },
      { key: 'signedUpOn', op: 'lt', value: '2026-01-01' },
      { key: 'lastVisit', op: 'withinDays', value: 30 },
    ]);
  });

  it('names the ops in Korean when the console is in Korean', async () => {
    openSettings({ filters: { ...DEFAULT_CSAT_SETTINGS.filters, chat: [{ key: 'tags', op: 'containsAny', value: ['vip'] }] } }, {}, 'ko');
    await flush();
    const select = Array.from(csatCard().querySelectorAll<HTMLSelectElement>('.condition select'))[1];
    expect(Array.from(select.options).map((o) => o.textContent)).toEqual(['같음', '같지 않음', '값 있음', '값 없음', '포함', '하나라도 포함', '모두 포함']);
  });
});
