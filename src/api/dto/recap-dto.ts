import type { Recap } from '../../core/recap';
import type { RecapDto, RecapSummaryDto } from '../contract/api-types';
import type { NameBook } from '../queries/name-book';

export async function recapSummaryDto(recap: Recap, names: NameBook): Promise<RecapSummaryDto> {
  const change = recap.changeRequest;
  return {
    id: recap.id,
    state: recap.state,
    version: recap.version,
    requiresAcknowledgement: recap.requiresAcknowledgement,
    sentAt: recap.sentAt,
    acknowledgedAt: recap.acknowledgedAt,
    acknowledgedBy: recap.acknowledgedBy ? await names.ref(recap.acknowledgedBy) : null,
    changeRequest: change
      ? { comment: change.comment, by: await names.ref(change.byId), at: change.at, version: change.version }
      : null,
  };
}

export async function recapDto(recap: Recap, names: NameBook): Promise<RecapDto> {
  const [summary, author, recipient, history] = await Promise.all([
    recapSummaryDto(recap, names),
    names.ref(recap.authorId),
    names.ref(recap.recipientId),
    Promise.all(
      recap.history.map(async (entry) => ({
        kind: entry.kind,
        by: await names.ref(entry.byId),
        at: entry.at,
        version: entry.version,
      })),
    ),
  ]);
  return {
    ...summary,
    oneOnOneId: recap.oneOnOneId,
    author,
    recipient,
    topics: recap.topics,
    actions: recap.actions,
    history,
    createdAt: recap.createdAt,
    updatedAt: recap.updatedAt,
  };
}
