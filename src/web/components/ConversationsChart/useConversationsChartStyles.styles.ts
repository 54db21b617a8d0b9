import { makeStyles, tokens } from '@fluentui/react-components';

export const useConversationsChartStyles = makeStyles({
  figure: {
    margin: '0',
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
  },
  chart: {
    display: 'grid',
    gridAutoFlow: 'column',
    gridAutoColumns: 'minmax(2.5rem, 1fr)',
    alignItems: 'end',
    gap: tokens.spacingHorizontalM,
    height: '160px',
    maxWidth: '480px',
    boxSizing: 'border-box',
    padding: `${tokens.spacingVerticalS} 0`,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStrokeAccessible}`,
  },
  column: {
    display: 'flex',
    flexDirection: 'column',
    justifyContent: 'flex-end',
    alignItems: 'stretch',
    height: '100%',
  },
  count: {
    textAlign: 'center',
    color: tokens.colorNeutralForeground2,
  },
  manager: {
    backgroundColor: tokens.colorBrandBackground,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStrokeAccessible}`,
    borderRadius: `${tokens.borderRadiusSmall} ${tokens.borderRadiusSmall} 0 0`,
  },
  curiosity: {
    backgroundColor: tokens.colorPaletteLightTealBackground2,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStrokeAccessible}`,
    borderRadius: `${tokens.borderRadiusSmall} ${tokens.borderRadiusSmall} 0 0`,
  },
  labels: {
    display: 'grid',
    gridAutoFlow: 'column',
    gridAutoColumns: 'minmax(2.5rem, 1fr)',
    gap: tokens.spacingHorizontalM,
    maxWidth: '480px',
    color: tokens.colorNeutralForeground2,
  },
  monthLabel: {
    textAlign: 'center',
  },
  legend: {
    display: 'flex',
    gap: tokens.spacingHorizontalL,
    color: tokens.colorNeutralForeground2,
  },
  legendItem: {
    display: 'inline-flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalXS,
  },
  swatch: {
    display: 'inline-block',
    width: tokens.spacingHorizontalM,
    height: tokens.spacingVerticalM,
  },
  visuallyHidden: {
    position: 'absolute',
    width: '1px',
    height: '1px',
    margin: '-1px',
    padding: '0',
    overflow: 'hidden',
    clipPath: 'inset(50%)',
    whiteSpace: 'nowrap',
    border: '0',
  },
});
