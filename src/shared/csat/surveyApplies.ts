import type { CsatSettings, ProfileCondition } from './settings';

export interface SurveyContext {
  /** The customer's profile (name, grade, …). */
  userProfile: Record<string, unknown>;
  /** The chat's tags at the moment it closes. */
  chatTags: readonly string[];
  /** Whether the chat closes within the channel's operating hours. */
  insideOperatingHours: boolean;
}

function holds(condition: ProfileCondition, profile: Record<string, unknown>): boolean {
  const value = profile[condition.key];
  switch (condition.op) {
    case 'exists':
      return value !== undefined && value !== null && value !== '';
    case 'missing':
      return value === undefined || value === null || value === '';
    case 'eq':
      return value === condition.value;
    case 'neq':
      return value !== condition.value;
  }
}

/**
 * Whether a chat that is closing gets the survey: the rule is on, every profile condition holds,
 * it has an included tag (when any are listed) and no excluded tag, and the time fits.
 * @example surveyApplies(settings, { userProfile: { grade: 'VIP' }, chatTags: ['배송'], insideOperatingHours: true })
 */
export function surveyApplies(settings: CsatSettings, context: SurveyContext): boolean {
  const { filters } = settings;
  if (!settings.enabled) return false;
  if (!filters.profile.every((condition) => holds(condition, context.userProfile))) return false;
  if (filters.includeTags.length && !filters.includeTags.some((tag) => context.chatTags.indexOf(tag) >= 0)) return false;
  if (filters.excludeTags.some((tag) => context.chatTags.indexOf(tag) >= 0)) return false;
  if (filters.operatingHours === 'inside') return context.insideOperatingHours;
  if (filters.operatingHours === 'outside') return !context.insideOperatingHours;
  return true;
}
