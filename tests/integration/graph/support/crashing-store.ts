import type { CareerStore } from '../../../../src/store/career-store';

export type Write = 'saveOneOnOne' | 'saveSyncState' | 'deleteOneOnOne' | 'savePerson';

/** The real store with a switch that makes chosen writes fail, as if the process died at that point. */
export interface CrashingStore extends CareerStore {
  crashOn: ((write: Write, partition: string) => boolean) | null;
}

export function crashingStore(store: CareerStore): CrashingStore {
  const wrapped = Object.create(null) as CrashingStore;
  wrapped.crashOn = null;
  const guard =
    <A extends unknown[]>(
      write: Write,
      partitionOf: (...args: A) => string,
      call: (...args: A) => Promise<void>,
    ) =>
    (...args: A): Promise<void> =>
      wrapped.crashOn?.(write, partitionOf(...args))
        ? Promise.reject(new Error('store crashed'))
        : call(...args);
  Object.assign(wrapped, store, {
    saveOneOnOne: guard(
      'saveOneOnOne',
      (o: Parameters<CareerStore['saveOneOnOne']>[0]) => o.ownerId,
      store.saveOneOnOne,
    ),
    saveOneOnOnes: guard(
      'saveOneOnOne',
      (owner: string, _list: Parameters<CareerStore['saveOneOnOnes']>[1]) => owner,
      store.saveOneOnOnes,
    ),
    deleteOneOnOne: guard('deleteOneOnOne', (owner: string, _event: string) => owner, store.deleteOneOnOne),
    saveSyncState: guard(
      'saveSyncState',
      (id: string, _state: Parameters<CareerStore['saveSyncState']>[1]) => id,
      store.saveSyncState,
    ),
    savePerson: guard('savePerson', (p: Parameters<CareerStore['savePerson']>[0]) => p.id, store.savePerson),
  });
  return wrapped;
}
