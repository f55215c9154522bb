/**
 * Statistics by product, source page, tag or custom field (`GET /stats`): for the chats created
 * in a range, per value, how many chats, their surveys (sent, answered, response rate, average)
 * and their goals. Surveys count with the chat they were posted into, whenever posted.
 */
import type { DimensionStats, GoalFigures, StatsDimension, StatsFigures } from '../../../src/shared/managerApi.ts';
import type { Store, StoreTx } from '../store/Store.ts';
import { csatSummary } from './csatStats.ts';
import { DomainError } from './errors.ts';
import { settleExpiredGoals } from './goals.ts';
import type { ChatRange, StatsCount, StatsGrouping } from './types.ts';

/**
 * @example await readDimensionStats(store, channelId, 'field:profile.plan', { from, to }, 20)
 */
export async function readDimensionStats(
  store: Store,
  channelId: string,
  by: StatsDimension,
  range: ChatRange,
  limit: number,
): Promise<DimensionStats> {
  return store.transaction(async (tx) => {
    const grouping = await groupingOf(tx, channelId, by);
    // Goals past their window read as not achieved, as the chat list and the export show them.
    await settleExpiredGoals(tx);
    const { groups, unset, valued } = await tx.groupChats(channelId, grouping, range, limit);
    const rows = groups.filter((group) => group.value !== null).map((group) => ({ value: group.value!, ...figures(group) }));
    const rest = groups.find((group) => group.value === null);
    return {
      by,
      rows,
      other: rest ? { ...figures(rest), values: rest.values } : null,
      unset: figures(unset),
      total: figures(add(unset, valued)),
    };
  });
}

/** The grouping of a `by` the edge has read; a field must exist and be String or List. */
async function groupingOf(tx: StoreTx, channelId: string, by: StatsDimension): Promise<StatsGrouping> {
  if (by === 'product' || by === 'page' || by === 'tag' || by === 'assignee') return { kind: by };
  const key = by.slice('field:'.length);
  const field = (await tx.listProfileFields(channelId)).find((f) => f.key === key);
  if (!field) throw new DomainError('invalid', 'invalid_request', `by: ${by} is not a custom field of this channel`);
  if (field.type !== 'String' && field.type !== 'List') {
    throw new DomainError('invalid', 'invalid_request', `by: ${by} is a ${field.type} field; only String and List fields can be grouped`);
  }
  return { kind: 'field', key };
}

function goal({ achieved, notAchieved, pending }: StatsCount): GoalFigures {
  const settled = achieved + notAchieved;
  return { achieved, notAchieved, pending, rate: settled === 0 ? null : achieved / settled };
}

const figures = (count: StatsCount): StatsFigures => ({
  chats: count.chats,
  ...csatSummary(count.sent, count.answered, count.scoreTotal, count.declined),
  goal: goal(count),
});

const add = (a: StatsCount, b: StatsCount): StatsCount => ({
  chats: a.chats + b.chats,
  sent: a.sent + b.sent,
  answered: a.answered + b.answered,
  declined: a.declined + b.declined,
  scoreTotal: a.scoreTotal + b.scoreTotal,
  achieved: a.achieved + b.achieved,
  notAchieved: a.notAchieved + b.notAchieved,
  pending: a.pending + b.pending,
});
