import type { SaveState } from '../AgendaEditor/AgendaEditor.types';

export interface SaveIndicatorProps {
  state: SaveState;
  timeZone: string;
  onRetry: () => void;
}
