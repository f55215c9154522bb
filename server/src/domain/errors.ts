/**
 * Refusals the domain raises. The HTTP and WebSocket edges map `kind` to a status or close code;
 * `code` is the stable machine-readable reason and `message` tells a developer what to change.
 */
export type DomainErrorKind = 'invalid' | 'unauthorized' | 'forbidden' | 'not_found' | 'conflict';

export class DomainError extends Error {
  constructor(
    readonly kind: DomainErrorKind,
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

export const chatNotFound = (): DomainError =>
  new DomainError('not_found', 'chat_not_found', 'chat: no such chat');

/** Names the key it was given (cut to 64 characters): the SDK hands this sentence to the developer. */
export const channelNotFound = (pluginKey: string): DomainError =>
  new DomainError('not_found', 'channel_not_found', `pluginKey: no channel has this plugin key (${pluginKey.slice(0, 64)})`);
