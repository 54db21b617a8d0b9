import { makeStyles, tokens } from '@fluentui/react-components';

export const useOutlookWorkingHoursStyles = makeStyles({
  root: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
  },
  facts: {
    display: 'flex',
    flexWrap: 'wrap',
    gap: tokens.spacingHorizontalXXL,
    margin: '0',
  },
  fact: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXXS,
  },
  label: {
    color: tokens.colorNeutralForeground3,
  },
  value: {
    margin: '0',
  },
  note: {
    margin: '0',
    color: tokens.colorNeutralForeground3,
  },
});
