// Using Sangdam from npm in a single-page app (React, Vue, Svelte, … — any bundler).
//   npm install sangdam
// The commands are the ChannelIO ones, as named exports. On the server (SSR) they do nothing, so
// this module can be imported from shared code; the messenger chunk is split off by your bundler
// and downloaded the first time a customer opens it.
import { boot, onBadgeChanged, setPage, shutdown, updateProfile } from 'sangdam';

export function startChat(user) {
  boot(
    {
      pluginKey: 'YOUR_PLUGIN_KEY',
      apiBase: 'https://chat.example.com', // your Sangdam server
      memberId: user && user.id,
      memberHash: user && user.chatHash, // HMAC-SHA256 of the id, computed by your backend
      profile: user ? { name: user.name, email: user.email } : undefined,
    },
    (error) => {
      if (error) console.error('chat unavailable:', error.message);
    },
  );
  // Every on… returns its unsubscribe.
  return onBadgeChanged((unread) => {
    document.title = unread ? `(${unread}) Maison Lin` : 'Maison Lin';
  });
}

// Call on every route change: the chat that starts next records this page and product.
export function onRoute(url, product) {
  setPage(url, product ? { productName: product.name, productId: String(product.id) } : undefined);
}

// After checkout: the values land on the next chat, or at once on the chat the messenger shows.
export function afterCheckout(orderId) {
  updateProfile({ orderId }, (error) => error && console.error(error.message));
}

// On sign-out: removes the widget and everything it added to the page.
export function signOut() {
  shutdown();
}
