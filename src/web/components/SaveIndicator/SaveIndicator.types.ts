import type { SaveState } from '../../autosave/save-state';

export interface SaveIndicatorProps {
  state: SaveState;
  timeZone: string;
  onRetry: () => void;
  /** Before any change; the agenda's wording by default. */
  idleMessage?: string;
  /** What a blank draft means here; the agenda's wording by default. */
  emptyMessage?: string;
}
