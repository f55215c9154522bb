/**
 * Every length and count limit the SDK and the server both check, in one table: the SDK refuses
 * (or drops, with a warning) what the server would refuse, with the same number in its sentence.
 * Lengths are in characters — Unicode code points (`charLength`), so an emoji or a Korean
 * syllable counts once, whichever side counts.
 */
export const LIMITS = {
  messageText: 5000,
  /** `track`: the event name, and how many properties one event carries. */
  eventName: 30,
  eventProperties: 30,
  /** A user's tags (`addTags`, `updateUser({ tags })`): how many, and the length of each. */
  tags: 30,
  tag: 50,
  /** A text value of a user profile, event property or chat-profile String field. */
  profileValue: 1000,
  /** Keys of a user profile sent at once, and the length of each key. */
  profileKeys: 50,
  profileKey: 64,
  /** Keys a user profile keeps in all, however many updates add. */
  storedProfileKeys: 100,
  /** A list in a user profile: at most this many items, each string at most this long. */
  profileListItems: 30,
  profileListItem: 200,
  /** Keys of one chat-profile write (`updateProfile`, `setPage`'s profile, a manager's edit). */
  chatProfileKeys: 60,
  /** A chat-profile List value (chat tags included): how many items, and the length of each. */
  chatListItems: 50,
  chatListItem: 100,
  /** `source.page`, `setPage` and every other URL. */
  url: 2048,
  /** How many keys the `pageMetadata` boot option may map. */
  pageMetadataKeys: 100,
  pluginKey: 64,
  memberId: 256,
  /** memberHash, and the session token a boot resumes. */
  secret: 256,
  csatComment: 1000,
  /** A manager's display name, and the name of an API token. */
  managerName: 80,
  tokenName: 80,
  email: 254,
  /** A manager's password: at least this long (a passphrase is welcome), at most so long to hash. */
  passwordMin: 10,
  passwordMax: 200,
  /** How many accounts a server keeps, API tokens each manager holds, and saved replies a channel keeps. */
  managers: 500,
  apiTokens: 20,
  savedReplies: 500,
  savedReplyTitle: 100,
} as const;

/** Length in characters (code points), so an emoji counts once: the length every limit above means. */
export const charLength = (text: string): number => Array.from(text).length;
