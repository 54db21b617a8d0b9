import type { TeamRecapDto } from '../../../api/contract/api-types';

export interface RecapAnswerProps {
  recap: TeamRecapDto;
  /** Who wrote the recap (the report). */
  authorName: string;
  timeZone: string;
  onAnswered?: (answer: 'acknowledged' | 'changeRequested') => void;
}

export type RecapAnswerState =
  | { kind: 'waiting' }
  | { kind: 'suggesting'; comment: string; problem: string | null }
  | { kind: 'busy' }
  | { kind: 'answered'; answer: 'acknowledged' | 'changeRequested'; at: string }
  | { kind: 'failed'; message: string };
