/** What the search index holds of a chat and of a customer (searchText.ts cuts it into terms). */
import type { ChatProfile, UserProfile } from '../../../../src/shared/types.ts';
import { indexText } from '../searchText.ts';

const text = (value: unknown) => (typeof value === 'string' || typeof value === 'number' ? String(value) : undefined);

/** The product the chat is about, by name and by id. */
export const chatSearchBody = (profile: ChatProfile): string =>
  indexText(text(profile['profile.productName']), text(profile['profile.productId']));

/** The customer's name, member id, email and phone number. */
export const userSearchBody = (name: string | null, memberId: string | null, profile: UserProfile): string =>
  indexText(name, memberId, text(profile.email), text(profile.mobileNumber));
