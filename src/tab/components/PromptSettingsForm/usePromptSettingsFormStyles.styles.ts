import { makeStyles, tokens } from '@fluentui/react-components';

export const usePromptSettingsFormStyles = makeStyles({
  root: {
    display: 'flex',
    flexDirection: 'column',
    alignItems: 'stretch',
    gap: tokens.spacingVerticalL,
  },
  setting: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXXS,
  },
  hint: {
    color: tokens.colorNeutralForeground3,
    // Lines up with the switch's label rather than the track.
    paddingLeft: tokens.spacingHorizontalS,
  },
  number: {
    maxWidth: '12rem',
  },
  unit: {
    color: tokens.colorNeutralForeground3,
  },
});
