import { makeStyles, tokens } from '@fluentui/react-components';

export const useViewAsPickerStyles = makeStyles({
  list: {
    listStyleType: 'none',
    margin: '0',
    padding: '0',
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fill, minmax(260px, 1fr))',
    gap: tokens.spacingHorizontalM,
  },
  person: {
    width: '100%',
    height: '100%',
    justifyContent: 'flex-start',
    textAlign: 'left',
    padding: tokens.spacingVerticalM,
  },
  details: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXXS,
  },
  meta: {
    color: tokens.colorNeutralForeground3,
  },
});
