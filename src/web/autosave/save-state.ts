import type { ApiProblem } from '../../api/contract/api-types';

/** Where an autosaved draft stands, as the save indicator says it. */
export type SaveState =
  | { kind: 'idle' }
  /** Blank: nothing to save (the server would refuse it). */
  | { kind: 'empty' }
  | { kind: 'pending' }
  | { kind: 'saving' }
  | { kind: 'saved'; at: string }
  | { kind: 'invalid'; message: string; problems: ApiProblem[] }
  | { kind: 'conflict' }
  | { kind: 'error'; message: string };
