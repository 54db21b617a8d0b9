import { FluentProvider, webDarkTheme, webLightTheme } from '@fluentui/react-components';
import type { ReactNode } from 'react';
import type { ThemeKind } from './office/office-theme';
import { MeetingPane } from './pane/MeetingPane';
import type { MeetingPaneProps } from './pane/MeetingPane.types';
import { useAddinAppStyles } from './useAddinAppStyles.styles';

export interface AddinAppProps extends MeetingPaneProps {
  /** From the Office theme (see `followOfficeTheme`); light when not given. */
  theme?: ThemeKind;
}

export function AddinApp({ theme = 'light', ...props }: AddinAppProps): ReactNode {
  const styles = useAddinAppStyles();
  return (
    <FluentProvider
      theme={theme === 'dark' ? webDarkTheme : webLightTheme}
      className={styles.provider}
      data-theme={theme}
    >
      <MeetingPane {...props} />
    </FluentProvider>
  );
}
