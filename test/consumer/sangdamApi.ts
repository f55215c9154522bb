// Code using what Sangdam adds: the chat profile (updateProfile, setPage's profile) and its types.
import { boot, loadScript, onChatCreated, setPage, updateProfile } from 'sangdam';
import type { ChatProfile, LoadScriptOption, Message, ProfileValue, ResultCallback, Unsubscribe, WidgetChat } from 'sangdam';

const server: LoadScriptOption = { apiBase: 'https://chat.example.com', nonce: 'r4nd0m' };
loadScript(server);
boot({ pluginKey: 'YOUR_PLUGIN_KEY', apiBase: server.apiBase, nonce: 'r4nd0m', pageMetadata: { productName: 'meta[property="og:title"]' } });

const product: ChatProfile = { productId: 'p-42', productName: 'Linen shirt', 'profile.giftWrap': true, 'profile.sizes': ['M', 'L'] };
setPage('/products/42', product);
setPage('https://shop.example.com/cart');

const saved: ResultCallback<ChatProfile> = (error, profile) => {
  if (error) console.error(error.message);
  else if (profile) console.log(profile.orderId);
};
updateProfile({ orderId: 'A-1001', 'profile.total': 59000, coupon: null }, saved);
const value: ProfileValue = ['gift', 'express'];
updateProfile({ 'profile.options': value });

const off: Unsubscribe = onChatCreated((chat: WidgetChat) => {
  const last: Message | null = chat.lastMessage;
  console.log(chat.id, chat.state, chat.unread, chat.profile['source.page'], last?.text);
});
off();

// @ts-expect-error chat-profile values are flat
updateProfile({ size: { width: 3 } });
// @ts-expect-error setPage takes the page first
setPage({ productId: 'p-42' });
