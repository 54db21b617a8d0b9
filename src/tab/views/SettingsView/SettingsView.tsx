import { Body1, Subtitle1, Subtitle2 } from '@fluentui/react-components';
import type { ReactNode } from 'react';
import { useApi } from '../../../web/api/api-context';
import { ErrorState, LoadingState } from '../../../web/components/StatusViews';
import { useResource } from '../../../web/hooks/use-resource';
import { DownloadMyData } from '../../components/DownloadMyData';
import { OutlookWorkingHours } from '../../components/OutlookWorkingHours';
import { PromptSettingsForm } from '../../components/PromptSettingsForm';
import type { ViewProps } from '../view-props';
import { useSettingsViewStyles } from './useSettingsViewStyles.styles';

/** What I control about prompts, what the app knows of my calendar, and a copy of my data. */
export function SettingsView({ me }: ViewProps): ReactNode {
  const api = useApi();
  const settings = useResource(() => api.settings(), 'settings');
  const styles = useSettingsViewStyles();
  const timeZone = me.person.timeZone;
  return (
    <div className={styles.root}>
      <Subtitle1 as="h2">Settings</Subtitle1>

      <section className={styles.panel} aria-labelledby="settings-prompts">
        <Subtitle2 as="h3" id="settings-prompts">
          Prompts and reminders
        </Subtitle2>
        <Body1 as="p" className={styles.intro}>
          Career Conversations writes to you in Teams chat: before a 1:1 to prepare an agenda, after it to
          write a recap, and to remind you of actions and recaps waiting for you. Choose when.
        </Body1>
        {settings.status === 'error' ? (
          <ErrorState
            title="Your settings could not be loaded."
            error={settings.error}
            onRetry={settings.reload}
          />
        ) : settings.data === null ? (
          <LoadingState label="Loading your settings…" />
        ) : (
          <PromptSettingsForm initial={settings.data.settings} timeZone={timeZone} />
        )}
      </section>

      <section className={styles.panel} aria-labelledby="settings-calendar">
        <Subtitle2 as="h3" id="settings-calendar">
          Time zone and working hours
        </Subtitle2>
        <OutlookWorkingHours timeZone={timeZone} workingHours={me.person.workingHours} />
      </section>

      <section className={styles.panel} aria-labelledby="settings-data">
        <Subtitle2 as="h3" id="settings-data">
          Your data
        </Subtitle2>
        <DownloadMyData />
      </section>
    </div>
  );
}
