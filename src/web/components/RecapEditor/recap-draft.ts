import type { RecapContent, WriteRecapRequest } from '../../../api/contract/api-types';
import type { RecapDraft } from './RecapEditor.types';

let nextKey = 0;
export function recapRowKey(): string {
  nextKey += 1;
  return `recap-row-${nextKey}`;
}

export function recapDraftOf(content: RecapContent): RecapDraft {
  const topics = content.topics.map((text) => ({ key: recapRowKey(), text }));
  return {
    topics: topics.length > 0 ? topics : [{ key: recapRowKey(), text: '' }],
    actions: content.actions.map((a) => ({
      key: recapRowKey(),
      id: a.id,
      text: a.text,
      owner: a.owner,
      dueOn: a.dueOn,
    })),
  };
}

/** Every row as shown, so problem paths like `actions[1].dueOn` point at the right row. */
export function recapRequestOf(draft: RecapDraft): WriteRecapRequest {
  return {
    topics: draft.topics.map((t) => t.text),
    actions: draft.actions.map((a) => ({
      ...(a.id ? { id: a.id } : {}),
      text: a.text,
      owner: a.owner,
      dueOn: a.dueOn,
    })),
  };
}

/** Nothing a recap could be saved with: blank rows are dropped, and a recap needs a topic or an action. */
export function isBlankRecap(draft: RecapDraft): boolean {
  return draft.topics.every((t) => t.text.trim() === '') && draft.actions.every((a) => a.text.trim() === '');
}
