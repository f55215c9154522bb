/**
 * The chat-list and statistics queries of the PostgreSQL store, written apart from PgTx
 * (chatQueries.ts, statsQueries.ts) because they are the store's only large, plan-sensitive SQL.
 * Each takes the unit's transaction first, then the arguments of the StoreTx method it serves.
 */
import type { Scale } from '../../../../src/shared/csat/index.ts';
import type { ChatDetail, ChatFilter, ChatPage, ChatRange, GroupedCounts, StatsGrouping, SurveyCount, SurveyRange } from '../../domain/types.ts';
import type { PgTransaction } from './PgUnits.ts';

export interface PgQueries {
  /** StoreTx.listChatDetails */
  listChatDetails(sql: PgTransaction, filter: ChatFilter, page?: ChatPage): Promise<ChatDetail[]>;
  /** StoreTx.getChatDetail */
  chatDetail(sql: PgTransaction, chatId: string): Promise<ChatDetail | null>;
  /** StoreTx.groupChats */
  groupChats(sql: PgTransaction, channelId: string, grouping: StatsGrouping, range: ChatRange, limit: number): Promise<GroupedCounts>;
  /** StoreTx.countSurveys */
  countSurveys(sql: PgTransaction, channelId: string, range: SurveyRange): Promise<SurveyCount[]>;
  /** StoreTx.listAnswerScales */
  listAnswerScales(sql: PgTransaction, channelId: string): Promise<{ chatId: string; scale: Scale }[]>;
}
