import { afterEach, describe, expect, it } from 'vitest';
import { flush } from './test/fakeServices';
import { $$, cleanup, composer, press, start, texts, twoChats, type, ui } from './test/harness';

afterEach(cleanup);

const button = (name: string) => $$('button').find((b) => b.textContent === name || b.getAttribute('aria-label') === name)!;
const openFromList = async (preview: string) => {
  $$('.item').find((item) => item.textContent!.includes(preview))!.click();
  await flush();
};

describe('the composer draft', () => {
  it('keeps what the customer types while the new chat is being created, in the thread that opens', async () => {
    start();
    const release = ui.fake.holdCreation();
    ui.view!.show({ newChat: true });
    await flush();
    type('My parcel never came');
    press(composer(), 'Enter');
    await flush();
    expect(texts('.msg.me')).toContainEqual(expect.stringContaining('Sending…'));
    type('Order A-1009, sent to Busan');
    press(composer(), 'Enter'); // must neither send it nor start a second chat
    await flush();
    release();
    await flush();
    expect(texts('[role=log] .msg.me .bub')).toEqual(['My parcel never came']);
    expect(composer().value).toBe('Order A-1009, sent to Busan');
    expect(ui.fake.services.createChat).toHaveBeenCalledTimes(1);
    expect(ui.fake.drafts.get('c1')).toBe('Order A-1009, sent to Busan');
    expect(ui.fake.drafts.has('')).toBe(false);
  });

  it('stays with its chat across the chat list, other threads, the new chat and a close', async () => {
    twoChats();
    ui.view!.show({ chatId: 'c1' });
    await flush();
    type('About the shipping date');
    button('Back to conversations').click();
    await flush();
    await openFromList('Is the blue one in stock?');
    expect(composer().value).toBe('');
    type('And in red?');
    button('Back to conversations').click();
    await flush();
    button('New chat').click();
    await flush();
    expect(composer().value).toBe('');
    type('A new question');
    button('Back to conversations').click();
    await flush();
    await openFromList('Your order has shipped');
    expect(composer().value).toBe('About the shipping date');
    ui.view!.hide();
    ui.view!.show();
    await flush();
    expect(composer().value).toBe('About the shipping date');
    ui.view!.show({ chatId: 'c2' });
    await flush();
    expect(composer().value).toBe('And in red?');
    ui.view!.show({ newChat: true });
    await flush();
    expect(composer().value).toBe('A new question');
  });

  it('comes back from its store after a reload, and is forgotten once sent', async () => {
    twoChats();
    ui.fake.drafts.set('c2', 'Typed before the reload');
    ui.view!.show({ chatId: 'c2' });
    await flush();
    expect(composer().value).toBe('Typed before the reload');
    press(composer(), 'Enter');
    await flush();
    expect(ui.fake.services.sendMessage).toHaveBeenCalledWith('c2', 'Typed before the reload');
    expect(composer().value).toBe('');
    expect(ui.fake.drafts.has('c2')).toBe(false);
  });
});
