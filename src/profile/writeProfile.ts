import type { CustomField } from '../shared/profile/fields';
import { validateProfile } from '../shared/profile/validateProfile';
import type { ChatProfile, WidgetChat } from '../shared/types';
import type { Request } from '../browser/apiClient';

/**
 * updateProfile's write: the values are checked against the channel's schema before anything
 * travels, handed to `keep` (they go with the chat that starts next), and written at once to the
 * chat the messenger shows, if any.
 * @returns the refusal as a sentence; else the open chat's profile after the write, or nothing when no chat is open
 * @example await writeProfile({ orderId: 'A-1009' }, fields, chatId, request, keep)
 */
export async function writeProfile(
  values: ChatProfile,
  fields: readonly CustomField[],
  chatId: string | null,
  request: Request,
  keep: (values: ChatProfile) => void,
): Promise<string | ChatProfile | undefined> {
  const check = validateProfile(values, fields.filter((f) => !f.archived), 'sdk');
  if (!check.ok) return check.message;
  keep(check.profile);
  if (!chatId) return undefined;
  const { chat } = await request<{ chat: WidgetChat }>('PATCH', `/chats/${encodeURIComponent(chatId)}/profile`, { profile: check.profile });
  return chat.profile;
}
