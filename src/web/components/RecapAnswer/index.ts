export { RecapAnswer } from './RecapAnswer';
export type { RecapAnswerProps } from './RecapAnswer.types';
