/**
 * The "UserChat data" download (SPEC §4): every chat of a channel, oldest first, laid out by
 * exportTable with the channel's custom fields — archived ones included, since their values are
 * still stored — date-times on the wall clock of the channel's operating-hours time zone, and
 * priorities in the channel's language.
 */
import type { Store } from '../store/Store.ts';
import { DEFAULT_CHANNEL_LANGUAGE } from './channels.ts';
import { currentOperatingHours } from './csatSettings.ts';
import { formatDatetime } from '../../../src/shared/formatDatetime.ts';
import { exportTable, type Cell, type ExportChat } from './exportTable.ts';
import { settleExpiredGoals } from './goals.ts';
import { profileView } from './profile.ts';
import type { ChatDetail } from './types.ts';

export interface UserChatData {
  table: Cell[][];
  /** `YYYY-MM-DD` of the export in the channel's time zone, for the file name. */
  date: string;
}

/**
 * @example const { table, date } = await readUserChatData(store, channelId); toCsv(table)
 */
export async function readUserChatData(store: Store, channelId: string): Promise<UserChatData> {
  return store.transaction(async (tx) => {
    await settleExpiredGoals(tx);
    const details = await tx.listChatDetails({ channelId });
    const fields = await tx.listProfileFields(channelId);
    const { timeZone } = await currentOperatingHours(tx, channelId);
    const channel = await tx.getChannel(channelId);
    const language = channel?.language ?? DEFAULT_CHANNEL_LANGUAGE;
    const scales = new Map((await tx.listAnswerScales(channelId)).map(({ chatId, scale }) => [chatId, scale]));
    const managers = new Map((await tx.listManagers()).map(({ id, name }) => [id, { id, name }]));
    const chats = details
      .map((detail) => toExportChat(detail, scales.get(detail.chat.id) ?? null, managers))
      .sort((a, b) => a.createdAt - b.createdAt || a.id.localeCompare(b.id));
    return { table: exportTable(chats, fields, { timeZone, language }), date: formatDatetime(tx.now, timeZone).slice(0, 10) };
  });
}

/** The profile as managers see it, so `state` and the `medium` default of `priority` are written too. */
const toExportChat = ({ chat, user }: ChatDetail, csatScale: number | null, managers: Map<string, { id: string; name: string }>): ExportChat => ({
  id: chat.id,
  userId: chat.userId,
  userName: user.name,
  memberId: user.memberId,
  memberVerified: user.memberVerified,
  createdAt: chat.createdAt,
  profile: profileView(chat.state, chat.profile),
  csatScale,
  assignee: (chat.assigneeId && managers.get(chat.assigneeId)) || null,
});
