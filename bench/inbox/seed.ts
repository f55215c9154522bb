// Fills a data directory with an inbox's worth of chats for the inbox bench, through the store's
// own writes (so the indexes, the full-text search included, are what a server builds):
//
//   node --import tsx bench/inbox/seed.ts DATA_DIR PLUGIN_KEY CHATS MESSAGES_PER_CHAT
//
// The data is generated, deterministic and mixed like a shop's inbox: a customer per chat (a third
// of them with a name and an email), one of 500 products per chat, messages alternating between
// the customer and the team, in Korean and English words from a fixed vocabulary, chats spread
// over 90 days. Prints one JSON line: what was written and how long it took.
import { ensureDemoChannel } from '../../server/src/domain/channels.ts';
import type { ChatRecord, UserRecord } from '../../server/src/domain/types.ts';
import { SqliteStore } from '../../server/src/store/sqlite/SqliteStore.ts';

const [dataDir, pluginKey, chatsArg, perChatArg] = process.argv.slice(2);
const CHATS = Number(chatsArg);
const PER_CHAT = Number(perChatArg);
const BATCH = 1000;
const DAY = 24 * 60 * 60 * 1000;

/** A small deterministic generator (mulberry32), so every run seeds the same inbox. */
let state = 0x5eed;
function random(): number {
  state = (state + 0x6d2b79f5) | 0;
  let t = Math.imul(state ^ (state >>> 15), 1 | state);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}
const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)];

const KO = ['배송', '환불', '교환', '사이즈', '주문', '결제', '쿠폰', '재고', '색상', '문의', '취소', '반품', '포장', '선물', '할인', '회원', '적립금', '영수증', '주소', '연락'];
const EN = ['order', 'delivery', 'refund', 'size', 'colour', 'stock', 'coupon', 'payment', 'return', 'gift', 'invoice', 'address', 'tracking', 'discount', 'member', 'cancel', 'wrap', 'exchange', 'receipt', 'warranty'];
// Rarer words, so searches of different selectivity exist: each of 2,000 appears in ~1 message in 4,000.
const RARE = Array.from({ length: 2000 }, (_, i) => `w${(i * 7919).toString(36)}`);
const PRODUCTS = Array.from({ length: 500 }, (_, i) => ({ id: `SKU-${10000 + i}`, name: `${pick(['Linen', 'Wool', 'Cotton', 'Silk', 'Denim'])} ${pick(['Shirt', 'Coat', 'Scarf', 'Dress', 'Cap'])} ${i}` }));
const NAMES = ['김민지', '이서준', '박지우', 'Emma Stone', 'Liam Park', '佐藤 花子', 'Noah Kim', '최유나'];

function sentence(): string {
  const words: string[] = [];
  const length = 5 + Math.floor(random() * 8);
  for (let i = 0; i < length; i++) words.push(random() < 0.5 ? pick(KO) : pick(EN));
  if (random() < 0.5) words.push(pick(RARE));
  return words.join(' ');
}

const store = SqliteStore.open(dataDir);
const started = Date.now();
const channel = await ensureDemoChannel(store, { pluginKey });
const end = Date.now();
let messages = 0;
for (let from = 0; from < CHATS; from += BATCH) {
  await store.transaction(async (tx) => {
    for (let n = from; n < Math.min(CHATS, from + BATCH); n++) {
      const createdAt = end - 90 * DAY + Math.floor((n / CHATS) * 90 * DAY);
      const named = n % 3 === 0;
      const user: UserRecord = {
        id: `u${n}`,
        channelId: channel.id,
        memberId: null,
        memberVerified: false,
        name: named ? `${pick(NAMES)} ${n}` : null,
        language: pick(['ko', 'en']),
        profile: named ? { email: `customer${n}@mail.test` } : {},
        tags: [],
        unsubscribeEmail: false,
        unsubscribeTexting: false,
        createdAt,
        updatedAt: createdAt,
      };
      await tx.insertUser(user);
      const product = pick(PRODUCTS);
      const chat: ChatRecord = {
        id: `c${n}`,
        channelId: channel.id,
        userId: user.id,
        state: random() < 0.7 ? 'closed' : 'opened',
        profile: { 'profile.productName': product.name, 'profile.productId': product.id, priority: pick(['high', 'medium', 'low']) },
        clientId: `seed-${n}`,
        readSeq: 0,
        createdAt,
        updatedAt: createdAt,
        activityAt: createdAt,
      };
      await tx.insertChat(chat);
      let at = createdAt;
      for (let m = 0; m < PER_CHAT; m++) {
        at += 1000 + Math.floor(random() * 600_000);
        const seq = m + 1;
        const author = m % 2 === 0 ? 'customer' : 'manager';
        await tx.insertMessage({ id: `m${n}-${m}`, chatId: chat.id, author, text: sentence(), createdAt: at, seq, ...(author === 'manager' ? { authorName: 'Hana' } : {}) });
        messages++;
      }
      await tx.updateChat({ ...chat, activityAt: at, updatedAt: at, readSeq: 0 });
    }
  });
}
await store.close();
console.log(JSON.stringify({ chats: CHATS, messages, seconds: (Date.now() - started) / 1000, products: PRODUCTS.slice(0, 3).map((p) => p.name), rare: RARE[0] }));
