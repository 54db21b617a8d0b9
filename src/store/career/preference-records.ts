import type { PromptSettings } from '../../core';
import { DEFAULT_PROMPT_SETTINGS } from '../../core';
import type { DocumentStore } from '../../ports/document-store';
import type { SyncState } from './career-records';
import { COLLECTIONS, SETTINGS_KEY, SYNC_STATE_KEY } from './collections';
import { valueOf } from './index-reads';

/** Per-person settings and calendar sync state: one small document each, in the person's partition. */
export class PreferenceRecords {
  constructor(private readonly documents: DocumentStore) {}

  /** The person's settings; the defaults when never saved (and defaults fill any field added since). */
  async getSettings(personId: string): Promise<PromptSettings> {
    const stored = await this.getStoredSettings(personId);
    return { ...DEFAULT_PROMPT_SETTINGS, ...stored };
  }

  getStoredSettings(personId: string): Promise<PromptSettings | null> {
    if (personId.length === 0) return Promise.resolve(null);
    return valueOf<PromptSettings>(this.documents, COLLECTIONS.settings, personId, SETTINGS_KEY);
  }

  async saveSettings(personId: string, settings: PromptSettings): Promise<void> {
    if (personId.length === 0) throw new RangeError('Settings need the person they belong to.');
    await this.documents.put(COLLECTIONS.settings, personId, SETTINGS_KEY, settings);
  }

  getSyncState(personId: string): Promise<SyncState | null> {
    if (personId.length === 0) return Promise.resolve(null);
    return valueOf<SyncState>(this.documents, COLLECTIONS.syncStates, personId, SYNC_STATE_KEY);
  }

  async saveSyncState(personId: string, state: SyncState): Promise<void> {
    if (personId.length === 0)
      throw new RangeError('A sync state needs the person whose calendar it tracks.');
    await this.documents.put(COLLECTIONS.syncStates, personId, SYNC_STATE_KEY, state);
  }

  async deleteFor(personId: string): Promise<{ settings: number; syncState: number }> {
    const settings = (await this.getStoredSettings(personId)) ? 1 : 0;
    const syncState = (await this.getSyncState(personId)) ? 1 : 0;
    await this.documents.delete(COLLECTIONS.settings, personId, SETTINGS_KEY);
    await this.documents.delete(COLLECTIONS.syncStates, personId, SYNC_STATE_KEY);
    return { settings, syncState };
  }
}
