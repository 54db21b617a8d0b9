export { PeoplePicker } from './PeoplePicker';
export type { PeoplePickerProps } from './PeoplePicker.types';
