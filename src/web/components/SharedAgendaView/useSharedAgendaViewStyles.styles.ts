import { makeStyles, tokens } from '@fluentui/react-components';

export const useSharedAgendaViewStyles = makeStyles({
  root: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    padding: tokens.spacingVerticalM,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground2,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  label: {
    color: tokens.colorNeutralForeground3,
  },
  list: {
    margin: '0',
    paddingLeft: tokens.spacingHorizontalXL,
  },
});
