export { ActionsView } from './ActionsView';
