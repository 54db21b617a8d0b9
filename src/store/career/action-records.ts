import type { ActionItem } from '../../core';
import type { DocumentStore } from '../../ports/document-store';
import { MAX_BATCH_DOCUMENTS } from '../../ports/document-store';
import { COLLECTIONS } from './collections';
import { followIndex, mapLimited } from './index-reads';
import { partitionOfId } from './record-ids';

interface ActionPointer {
  actionId: string;
}

/** Action items: partition employee id, key action id (`${employeeId}~…`), indexed by owner and counterpart. */
export class ActionRecords {
  constructor(private readonly documents: DocumentStore) {}

  /**
   * Writes the actions, one batch per employee (atomic per employee and per 100 actions), then the owner and
   * counterpart index entries, dropping entries an action no longer belongs under.
   */
  async save(actions: readonly ActionItem[]): Promise<void> {
    for (const action of actions) {
      if (partitionOfId(action.id) !== action.employeeId) {
        throw new RangeError(
          `An action id must be "${action.employeeId}~…" (see newActionId), got "${action.id}".`,
        );
      }
      if (action.ownerId.length === 0 || action.counterpartId.length === 0) {
        throw new RangeError(`Action ${action.id} needs its owner and its counterpart.`);
      }
    }
    const unique = [...new Map(actions.map((a) => [a.id, a])).values()];
    const previous = await mapLimited(unique, (a) => this.get(a.id));

    for (const [employeeId, group] of groupBy(unique, (a) => a.employeeId)) {
      for (const chunk of chunks(group, MAX_BATCH_DOCUMENTS)) {
        await this.documents.putBatch(
          COLLECTIONS.actions,
          employeeId,
          chunk.map((a) => ({ key: a.id, value: a })),
        );
      }
    }
    await this.writeIndex(COLLECTIONS.actionsByOwner, unique, (a) => a.ownerId);
    await this.writeIndex(COLLECTIONS.actionsByCounterpart, unique, (a) => a.counterpartId);

    const moved = unique.map((action, i) => ({ action, before: previous[i] ?? null }));
    await mapLimited(moved, async ({ action, before }) => {
      if (!before) return;
      if (before.ownerId !== action.ownerId) {
        await this.documents.delete(COLLECTIONS.actionsByOwner, before.ownerId, action.id);
      }
      if (before.counterpartId !== action.counterpartId) {
        await this.documents.delete(COLLECTIONS.actionsByCounterpart, before.counterpartId, action.id);
      }
    });
  }

  async get(actionId: string): Promise<ActionItem | null> {
    const employeeId = partitionOfId(actionId);
    if (employeeId === null) return null;
    return (await this.documents.get<ActionItem>(COLLECTIONS.actions, employeeId, actionId))?.value ?? null;
  }

  /** Actions from the employee's recaps, earliest due first. */
  async listForEmployee(employeeId: string): Promise<ActionItem[]> {
    if (employeeId.length === 0) return [];
    const docs = await this.documents.list<ActionItem>(COLLECTIONS.actions, employeeId);
    return docs.map((doc) => doc.value).sort(byDueDate);
  }

  async listOwnedBy(ownerId: string): Promise<ActionItem[]> {
    return this.listIndexed(COLLECTIONS.actionsByOwner, ownerId, (a) => a.ownerId === ownerId);
  }

  async listWithCounterpart(counterpartId: string): Promise<ActionItem[]> {
    return this.listIndexed(
      COLLECTIONS.actionsByCounterpart,
      counterpartId,
      (a) => a.counterpartId === counterpartId,
    );
  }

  async delete(actionId: string): Promise<void> {
    const action = await this.get(actionId);
    if (!action) return;
    await this.documents.delete(COLLECTIONS.actions, action.employeeId, actionId);
    await this.documents.delete(COLLECTIONS.actionsByOwner, action.ownerId, actionId);
    await this.documents.delete(COLLECTIONS.actionsByCounterpart, action.counterpartId, actionId);
  }

  /** Removes the employee's actions and their index entries; returns how many actions went. */
  async deleteForEmployee(employeeId: string): Promise<number> {
    const docs = await this.documents.list<ActionItem>(COLLECTIONS.actions, employeeId);
    await mapLimited(docs, (doc) => this.delete(doc.key));
    return docs.length;
  }

  private async listIndexed(
    collection: string,
    partition: string,
    belongs: (action: ActionItem) => boolean,
  ): Promise<ActionItem[]> {
    if (partition.length === 0) return [];
    const entries = await this.documents.list<ActionPointer>(collection, partition);
    const actions = await followIndex(entries, (entry) => this.get(entry.value.actionId), belongs);
    return actions.sort(byDueDate);
  }

  private async writeIndex(
    collection: string,
    actions: readonly ActionItem[],
    partitionOf: (action: ActionItem) => string,
  ): Promise<void> {
    for (const [partition, group] of groupBy(actions, partitionOf)) {
      for (const chunk of chunks(group, MAX_BATCH_DOCUMENTS)) {
        const pointers = chunk.map((a) => ({ key: a.id, value: { actionId: a.id } satisfies ActionPointer }));
        await this.documents.putBatch(collection, partition, pointers);
      }
    }
  }
}

function byDueDate(a: ActionItem, b: ActionItem): number {
  return a.dueOn.localeCompare(b.dueOn) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

function groupBy<T>(items: readonly T[], keyOf: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    const group = groups.get(key);
    if (group) group.push(item);
    else groups.set(key, [item]);
  }
  return groups;
}

function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
