/** Channels: the demo channel made at first start, plugin-key lookup, origins and member checks. */
import type { Language } from '../../../src/shared/types.ts';
import type { Store } from '../store/Store.ts';
import { memberHashOf, newId, newPluginKey, sameSecret } from './crypto.ts';
import { channelNotFound, DomainError } from './errors.ts';
import { addInitialFields, DEMO_PRODUCT_FIELDS } from './profileFields.ts';
import type { ChannelRecord } from './types.ts';

const DEMO_CHANNEL_SETTING = 'demo_channel_id';

/** Values from the environment; `undefined` keeps what is stored. */
export interface DemoChannelOptions {
  pluginKey?: string;
  /** `null` turns member verification off. */
  memberSecret?: string | null;
  allowedOrigins?: string[];
  language?: Language;
}

/** What a channel is written in until a manager chooses. */
export const DEFAULT_CHANNEL_LANGUAGE: Language = 'ko';

/**
 * Returns the demo channel, creating it on first start with the CSAT and product fields. Its plugin key is stored, so a generated
 * key survives restarts; a key given in the environment replaces the stored one.
 */
export async function ensureDemoChannel(
  store: Store,
  options: DemoChannelOptions,
): Promise<ChannelRecord> {
  return store.transaction(async (tx) => {
    const id = await tx.getSetting(DEMO_CHANNEL_SETTING);
    const stored = id ? await tx.getChannel(id) : null;
    if (!stored) {
      const channel: ChannelRecord = {
        id: newId(),
        name: 'Sangdam demo',
        color: '#5b5bd6',
        pluginKey: options.pluginKey ?? newPluginKey(),
        memberSecret: options.memberSecret ?? null,
        allowedOrigins: options.allowedOrigins ?? [],
        language: options.language ?? DEFAULT_CHANNEL_LANGUAGE,
        createdAt: tx.now,
      };
      await tx.insertChannel(channel);
      await addInitialFields(tx, channel.id, DEMO_PRODUCT_FIELDS);
      await tx.setSetting(DEMO_CHANNEL_SETTING, channel.id);
      return channel;
    }
    const channel: ChannelRecord = {
      ...stored,
      pluginKey: options.pluginKey ?? stored.pluginKey,
      memberSecret: options.memberSecret === undefined ? stored.memberSecret : options.memberSecret,
      allowedOrigins: options.allowedOrigins ?? stored.allowedOrigins,
      language: options.language ?? stored.language,
    };
    await tx.updateChannel(channel);
    return channel;
  });
}

/** The channel of a plugin key, or a 404 refusal that says so. */
export async function findChannel(store: Store, pluginKey: string): Promise<ChannelRecord> {
  const channel = await store.transaction((tx) => tx.findChannelByPluginKey(pluginKey));
  if (!channel) throw channelNotFound(pluginKey);
  return channel;
}

/** Origins compare as `scheme://host[:port]`, case-insensitively; an empty list admits any. */
export function isOriginAllowed(channel: ChannelRecord, origin: string): boolean {
  if (channel.allowedOrigins.length === 0) return true;
  const wanted = origin.toLowerCase();
  return channel.allowedOrigins.some((allowed) => allowed.toLowerCase() === wanted);
}

/** When the channel has a secret, the member id must come with its HMAC, or it is refused. */
export function verifyMember(channel: ChannelRecord, memberId: string, memberHash?: string): void {
  if (channel.memberSecret === null) return;
  if (memberHash === undefined) {
    throw new DomainError(
      'unauthorized',
      'member_hash_required',
      'memberHash: required with memberId because this channel verifies members',
    );
  }
  if (!sameSecret(memberHash.toLowerCase(), memberHashOf(memberId, channel.memberSecret))) {
    throw new DomainError(
      'unauthorized',
      'member_hash_mismatch',
      "memberHash: must be the hex HMAC-SHA256 of memberId with the channel's secret",
    );
  }
}
