// Code written against @channel.io/channel-web-sdk-loader, with only the import changed: every
// function and type name of the loader, used as its README and declarations describe them.
import * as ChannelService from 'sangdam';
import type {
  Appearance,
  BadgeChangedCallback,
  BootOption,
  Callback,
  EventProperty,
  FollowUpChangedCallback,
  FollowUpProfile,
  Profile,
  UpdateUserInfo,
  UrlClickedCallback,
  User,
} from 'sangdam';

ChannelService.loadScript();

ChannelService.boot(
  {
    pluginKey: 'YOUR_PLUGIN_KEY',
    memberId: 'YOUR_MEMBER_ID',
    profile: {
      name: 'YOUR_USER_NAME',
      mobileNumber: 'YOUR_USER_MOBILE_NUMBER',
      landlineNumber: 'YOUR_USER_LANDLINE_NUMBER',
      CUSTOM_VALUE_1: 'VALUE_1',
    },
    language: navigator.language,
    appearance: null,
  },
  (error, user) => {
    if (error) console.error('boot failed', error.message);
    else if (user) console.log('unread alerts', user.alert, 'unread', user.unread);
  },
);

const profile: Profile = { name: 'Kim Minji', visits: 3, interests: ['linen', 'wool'], scores: [4, 5], vip: true, referrer: null };
const option: BootOption = {
  pluginKey: 'YOUR_PLUGIN_KEY',
  memberId: 'member-42',
  memberHash: 'hash',
  profile,
  language: 'ko',
  appearance: 'system',
  customLauncherSelector: '.chat-button',
  hideChannelButtonOnBoot: true,
  hidePopup: true,
  zIndex: 1000,
  trackDefaultEvent: false,
  trackUtmSource: false,
  unsubscribe: false,
  unsubscribeEmail: true,
  unsubscribeTexting: true,
};
const onUser: Callback = (error: Error | null, user: User | null) => {
  if (error || !user) return;
  const summary: [string, string, number, number] = [user.id, user.language, user.alert, user.unread];
  console.log(summary, user.memberId, user.name, user.profile, user.tags, user.avatarUrl, user.unsubscribeEmail, user.unsubscribeTexting);
  // Fields as Channel Talk's declarations type them, kept in variables of those types.
  const memberId: string = user.memberId;
  const avatar: string = user.avatarUrl;
  const name: string | undefined = user.name;
  const language: string = user.language;
  const tags: string[] | null | undefined = user.tags;
  const own: Profile | null | undefined = user.profile;
  const optedOut: boolean = user.unsubscribeEmail && user.unsubscribeTexting;
  console.log(memberId.toUpperCase(), avatar.length, name?.trim(), language.slice(0, 2), tags?.length, own, optedOut);
};
const loose: Record<string, unknown> = { productName: 'Linen shirt' };
ChannelService.setPage('https://shop.example/products/42', loose);
window.ChannelIO('boot', { pluginKey: 'YOUR_PLUGIN_KEY' });
if (window.ChannelIOInitialized) window.ChannelIO('showMessenger');
ChannelService.boot(option, onUser);
ChannelService.boot({ pluginKey: 'YOUR_PLUGIN_KEY' });

ChannelService.showMessenger();
ChannelService.hideMessenger();
ChannelService.openChat();
ChannelService.openChat('chat-id', 'Hello');
ChannelService.openChat(42);
ChannelService.openChat(undefined, 'I have a question about my order');
ChannelService.openWorkflow('x');

const purchase: EventProperty = { productId: 'p-1', price: 29000, onSale: true, coupon: null };
ChannelService.track('PageView');
ChannelService.track('Purchase', purchase);

ChannelService.onShowMessenger(() => console.log('shown'));
ChannelService.onHideMessenger(() => console.log('hidden'));
ChannelService.onBadgeChanged((unread, alert) => {
  document.title = alert > 0 ? `(${alert}) Shop` : unread > 0 ? '• Shop' : 'Shop';
});
const badge: BadgeChangedCallback = (unread: number, alert: number) => console.log(unread, alert);
ChannelService.onBadgeChanged(badge);
ChannelService.onChatCreated(() => console.log('chat created'));
const followUp: FollowUpChangedCallback = (contact: FollowUpProfile) => console.log(contact.name, contact.email, contact.mobileNumber);
ChannelService.onFollowUpChanged(followUp);
const clicked: UrlClickedCallback = (url: string) => window.open(url, '_blank');
ChannelService.onUrlClicked(clicked);
ChannelService.clearCallbacks();

const info: UpdateUserInfo = {
  language: 'ja',
  profile: { name: 'Tanaka', mobileNumber: '+81312345678' },
  profileOnce: { firstVisit: '2026-01-02' },
  tags: ['vip', 'returning'],
  unsubscribeEmail: false,
  unsubscribeTexting: true,
};
ChannelService.updateUser(info, onUser);
ChannelService.updateUser({ profile: null, tags: null });
ChannelService.addTags(['vip'], (error, user) => console.log(error, user?.tags));
ChannelService.removeTags(['vip'], onUser);

ChannelService.setPage('https://shop.example.com/products/42', { productId: 42, productName: 'Linen shirt' });
ChannelService.resetPage();
ChannelService.showChannelButton();
ChannelService.hideChannelButton();
const theme: Appearance = null;
ChannelService.setAppearance(theme);
ChannelService.setAppearance('dark');
ChannelService.setAppearance(null);
ChannelService.shutdown();

// Mistakes stay mistakes: each line below must fail to compile.
// @ts-expect-error pluginKey is required
ChannelService.boot({});
// @ts-expect-error not a theme
ChannelService.setAppearance('blue');
// @ts-expect-error event properties are flat
ChannelService.track('Purchase', { item: { id: 1 } });
// @ts-expect-error the badge counts are numbers
ChannelService.onBadgeChanged((unread: string) => console.log(unread));
// @ts-expect-error the workflow id is a string
ChannelService.openWorkflow();
