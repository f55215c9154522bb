import { afterEach, describe, expect, it } from 'vitest';
import { chat, flush, message } from '../test/fakeServices';
import { $, cleanup, start, ui } from '../test/harness';

afterEach(cleanup);

describe('message text', () => {
  async function showText(text: string) {
    start([chat('c1', null)], { c1: [message('c1', 'manager', text)] });
    ui.view!.show({ chatId: 'c1' });
    await flush();
    return $('[role=log] .bub')!;
  }

  it('shows HTML in a message literally, as text', async () => {
    const bubble = await showText('<img src=x onerror=alert(1)> <b>bold</b>');
    expect(bubble.textContent).toBe('<img src=x onerror=alert(1)> <b>bold</b>');
    expect(ui.fake.services.root.querySelector('img, b')).toBeNull();
  });

  it('turns URLs into safe links and keeps line breaks', async () => {
    const bubble = await showText('Track it:\nhttps://shop.example/track?id=1. javascript:alert(1)');
    const links = Array.from(bubble.querySelectorAll('a'));
    expect(links.map((a) => a.getAttribute('href'))).toEqual(['https://shop.example/track?id=1']);
    expect(links[0].getAttribute('target')).toBe('_blank');
    expect(links[0].getAttribute('rel')).toBe('noopener noreferrer nofollow');
    expect(bubble.textContent).toBe('Track it:\nhttps://shop.example/track?id=1. javascript:alert(1)');
  });

  it('shows no bidi control, so a link cannot be displayed reversed', async () => {
    const bubble = await showText('\u202ehttps://a.example/\u2066x\u2069 ok');
    expect(bubble.textContent).toBe('https://a.example/x ok');
    expect(bubble.querySelector('a')!.textContent).toBe('https://a.example/x');
  });

  it('lets the host page handle a link click when it asks to', async () => {
    const bubble = await showText('see https://a.example');
    ui.fake.services.urlClicked.mockReturnValue(true);
    const click = new MouseEvent('click', { bubbles: true, cancelable: true });
    bubble.querySelector('a')!.dispatchEvent(click);
    expect(ui.fake.services.urlClicked).toHaveBeenCalledWith('https://a.example');
    expect(click.defaultPrevented).toBe(true);
  });
});
