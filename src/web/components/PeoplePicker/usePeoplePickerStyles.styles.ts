import { makeStyles, tokens } from '@fluentui/react-components';

export const usePeoplePickerStyles = makeStyles({
  combobox: {
    minWidth: '0',
    width: '100%',
  },
  optionTitle: {
    color: tokens.colorNeutralForeground3,
    marginLeft: tokens.spacingHorizontalS,
  },
});
