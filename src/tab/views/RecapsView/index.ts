export { RecapsView } from './RecapsView';
