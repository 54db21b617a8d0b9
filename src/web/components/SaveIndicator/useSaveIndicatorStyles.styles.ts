import { makeStyles, tokens } from '@fluentui/react-components';

export const useSaveIndicatorStyles = makeStyles({
  root: {
    display: 'inline-flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalS,
    minHeight: '32px',
    color: tokens.colorNeutralForeground2,
  },
  problem: {
    color: tokens.colorPaletteRedForeground1,
  },
  saved: {
    color: tokens.colorPaletteGreenForeground1,
  },
});
