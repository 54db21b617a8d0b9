export { ViewAsPicker } from './ViewAsPicker';
export type { ViewAsPickerProps } from './ViewAsPicker.types';
