/**
 * The type names of Channel Talk's npm loader (`@channel.io/channel-web-sdk-loader`), so code
 * written against it compiles against this package unchanged. Each is one of ours or an alias.
 */
import type { FollowUpProfile, ResultCallback, User } from '../core/commands';
import type { Appearance as Theme } from '../shared/types';

export type { BootOption, EventProperty, FollowUpProfile, Profile, UpdateUserInfo, User } from '../core/commands';

/** `null` keeps the default theme. */
export type Appearance = Theme | null;
export type Callback = ResultCallback<User>;
export type BadgeChangedCallback = (unread: number, alert: number) => void;
export type FollowUpChangedCallback = (followUpProfile: FollowUpProfile) => void;
export type UrlClickedCallback = (url: string) => void;

