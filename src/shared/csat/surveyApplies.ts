import { matches } from '../conditions/index';
import type { CsatSettings } from './settings';

export interface SurveyContext {
  /** The customer's profile (name, grade, …). */
  userProfile: Record<string, unknown>;
  /** The chat's tags at the moment it closes. */
  chatTags: readonly string[];
  /** Whether the chat closes within the channel's operating hours. */
  insideOperatingHours: boolean;
  /** The chat's profile as it closes (tags included); absent reads as empty. */
  chatProfile?: Record<string, unknown>;
  /** Whether a key is in the channel's chat-profile schema; a `chat` condition on another key never holds. */
  chatKeyKnown?: (key: string) => boolean;
  /** The time `withinDays` counts back from (ms); defaults to the clock. */
  now?: number;
}

/**
 * Whether a chat that is closing gets the survey: the rule is on, every profile condition holds,
 * every chat-profile condition holds,
 * it has an included tag (when any are listed) and no excluded tag, and the time fits.
 * @example surveyApplies(settings, { userProfile: { grade: 'VIP' }, chatTags: ['배송'], insideOperatingHours: true })
 */
export function surveyApplies(settings: CsatSettings, context: SurveyContext): boolean {
  const { filters } = settings;
  if (!settings.enabled) return false;
  const now = context.now ?? Date.now();
  if (!matches(filters.profile, context.userProfile, now)) return false;
  if (!matches(filters.chat, context.chatProfile ?? {}, now, context.chatKeyKnown)) return false;
  if (filters.includeTags.length && !filters.includeTags.some((tag) => context.chatTags.indexOf(tag) >= 0)) return false;
  if (filters.excludeTags.some((tag) => context.chatTags.indexOf(tag) >= 0)) return false;
  if (filters.operatingHours === 'inside') return context.insideOperatingHours;
  if (filters.operatingHours === 'outside') return !context.insideOperatingHours;
  return true;
}
