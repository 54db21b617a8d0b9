import { useEffect, useRef, useState } from 'react';
import type { PromptSettings } from '../../../api/contract/api-types';
import { ApiError, isApiError } from '../../../web/api/api-error';
import { useApi } from '../../../web/api/api-context';
import { DraftSaver } from '../../../web/autosave/draft-saver';
import type { SaveState } from '../../../web/autosave/save-state';
import { useSaveBeforeLeaving } from '../../../web/hooks/use-save-before-leaving';
import type { PromptSettingsFormProps } from './PromptSettingsForm.types';
import type { NumberSetting, SettingsDraft, SwitchSetting } from './settings-draft';
import { changeFrom, hasEmptyNumber, numberIn, oneByOne, settingsDraftOf } from './settings-draft';

export interface PromptSettingsFormState {
  draft: SettingsDraft;
  save: SaveState;
  /** The server's message for a refused setting, or ours for an empty box. */
  problemFor: (setting: keyof PromptSettings) => string | undefined;
  typeNumber: (setting: NumberSetting, text: string) => void;
  switchTo: (setting: SwitchSetting, on: boolean) => void;
  /** Saves now: a number box was left or Enter pressed, or "Retry saving". */
  flush: () => void;
}

/**
 * The prompt settings, saved through `PATCH /api/settings` as they change: switches at once, numbers once
 * typing pauses or the box is left, one setting per request. The server checks the ranges and its messages
 * show on the fields.
 */
export function usePromptSettingsForm({
  initial,
  saveDelayMs = 800,
}: PromptSettingsFormProps): PromptSettingsFormState {
  const api = useApi();
  const [draft, setDraft] = useState<SettingsDraft>(() => settingsDraftOf(initial));
  const [save, setSave] = useState<SaveState>({ kind: 'idle' });
  const savedRef = useRef<PromptSettings>(initial);
  const [saver] = useState(
    () =>
      new DraftSaver<SettingsDraft, PromptSettings>({
        draft,
        isBlank: hasEmptyNumber,
        savedAt: () => new Date().toISOString(),
        delayMs: saveDelayMs,
        send: async (snapshot, how) => {
          const change = changeFrom(savedRef.current, snapshot);
          // Set back to what is saved already: there is nothing to send.
          if (change === null) return savedRef.current;
          // Closing: everything in one request, sent at once; there is no time to wait for answers.
          if (how.keepalive) return (await api.updateSettings(change, { keepalive: true })).settings;
          return saveOneByOne(change);
        },
        onSaved: (settings) => {
          savedRef.current = settings;
        },
        onState: setSave,
      }),
  );

  /** Each setting on its own; refusals are gathered and reported together once the rest is saved. */
  async function saveOneByOne(change: Partial<PromptSettings>): Promise<PromptSettings> {
    const refused: ApiError[] = [];
    for (const part of oneByOne(change)) {
      try {
        savedRef.current = (await api.updateSettings(part)).settings;
      } catch (error) {
        if (!isApiError(error) || error.status !== 400) throw error;
        refused.push(error);
      }
    }
    const [first, ...more] = refused;
    if (!first) return savedRef.current;
    if (more.length === 0) throw first;
    throw new ApiError(
      400,
      first.code,
      refused.map((e) => e.message).join(' '),
      refused.flatMap((e) => e.problems),
    );
  }

  useEffect(
    () => () => {
      saver.dispose();
    },
    [saver],
  );
  useSaveBeforeLeaving(() => {
    saver.saveBeforeLeaving();
  });

  const change = (next: Partial<SettingsDraft>): void => {
    const changed = { ...saver.currentDraft, ...next };
    setDraft(changed);
    saver.edit(changed);
  };

  return {
    draft,
    save,
    problemFor: (setting) => {
      if ((setting === 'leadTimeHours' || setting === 'nudgeAfterWeeks') && numberIn(draft[setting]) === null)
        return setting === 'leadTimeHours' ? 'Enter a number of hours.' : 'Enter a number of weeks.';
      return save.kind === 'invalid' ? save.problems.find((p) => p.field === setting)?.message : undefined;
    },
    typeNumber: (setting, text) => {
      change({ [setting]: text });
    },
    switchTo: (setting, on) => {
      change({ [setting]: on });
      void saver.saveNow();
    },
    flush: () => {
      void saver.saveNow();
    },
  };
}
