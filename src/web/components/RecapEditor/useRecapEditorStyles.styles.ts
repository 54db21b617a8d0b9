import { makeStyles, tokens } from '@fluentui/react-components';

export const useRecapEditorStyles = makeStyles({
  root: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalL,
    maxWidth: '760px',
  },
  header: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'baseline',
    justifyContent: 'space-between',
    gap: tokens.spacingHorizontalM,
  },
  headingBlock: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
  },
  meta: {
    color: tokens.colorNeutralForeground3,
  },
  group: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    margin: '0',
    padding: '0',
    border: 'none',
    minWidth: '0',
  },
  legend: {
    padding: '0',
    marginBottom: tokens.spacingVerticalXS,
  },
  topicRow: {
    display: 'grid',
    gridTemplateColumns: 'minmax(0, 1fr) auto',
    alignItems: 'end',
    gap: tokens.spacingHorizontalS,
  },
  actionRow: {
    display: 'grid',
    gridTemplateColumns: 'minmax(0, 2fr) minmax(8rem, 1fr) minmax(9rem, 1fr) auto',
    alignItems: 'start',
    gap: tokens.spacingHorizontalS,
    '@media (max-width: 640px)': {
      gridTemplateColumns: 'minmax(0, 1fr)',
    },
  },
  removeButton: {
    marginTop: tokens.spacingVerticalXXL,
  },
  addButton: {
    alignSelf: 'flex-start',
  },
  buttons: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    gap: tokens.spacingHorizontalM,
    paddingTop: tokens.spacingVerticalM,
    borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  note: {
    color: tokens.colorNeutralForeground2,
  },
  list: {
    margin: '0',
    paddingLeft: tokens.spacingHorizontalXL,
  },
});
