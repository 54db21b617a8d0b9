export { GrowthView } from './GrowthView';
