import { makeStyles } from '@fluentui/react-components';

export const useAddinAppStyles = makeStyles({
  /** The provider paints the theme's background: it fills the pane, not just the content. */
  provider: {
    minHeight: '100vh',
  },
});
