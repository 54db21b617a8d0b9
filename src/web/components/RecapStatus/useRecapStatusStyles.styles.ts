import { makeStyles, tokens } from '@fluentui/react-components';

export const useRecapStatusStyles = makeStyles({
  root: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    gap: tokens.spacingHorizontalS,
  },
  sentence: {
    color: tokens.colorNeutralForeground2,
  },
});
