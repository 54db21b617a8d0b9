import { Body1, Button, Caption1, Spinner } from '@fluentui/react-components';
import type { ReactNode } from 'react';
import { ErrorState } from '../../../web/components/StatusViews';
import { useDownloadMyData } from './useDownloadMyData';
import { useDownloadMyDataStyles } from './useDownloadMyDataStyles.styles';

function sizeOf(bytes: number): string {
  return bytes < 1024 ? `${bytes} bytes` : `${Math.ceil(bytes / 1024)} KB`;
}

/** A copy of everything the app keeps about me, as a JSON file. */
export function DownloadMyData(): ReactNode {
  const { download, start, linkRef } = useDownloadMyData();
  const styles = useDownloadMyDataStyles();
  const preparing = download.kind === 'preparing';
  return (
    <div className={styles.root}>
      <Body1 as="p" className={styles.text}>
        One JSON file with everything Career Conversations keeps about you: your profile and these settings,
        your 1:1s, your agendas with your private notes, the recaps you wrote and received, and the actions
        agreed in them.
      </Body1>
      <Caption1 as="p" className={styles.note}>
        It includes your private notes, so keep the file somewhere only you can open.
      </Caption1>
      <div className={styles.actions}>
        <Button appearance="primary" disabled={preparing} onClick={start}>
          Download my data
        </Button>
        <div role="status" className={styles.status}>
          {preparing ? <Spinner size="extra-tiny" label="Preparing your file…" /> : null}
          {download.kind === 'ready' ? (
            <>
              <Body1>
                Your file is ready ({sizeOf(download.bytes)}). If it did not download, save it here:
              </Body1>
              {/* A Button drawn as a link costs the first view nothing; Fluent's Link would add to it. */}
              <Button
                as="a"
                ref={linkRef}
                href={download.url}
                download={download.fileName}
                appearance="secondary"
                size="small"
              >
                {download.fileName}
              </Button>
            </>
          ) : null}
        </div>
      </div>
      {download.kind === 'failed' ? (
        <ErrorState title="Your data could not be prepared." error={download.error} onRetry={start} />
      ) : null}
    </div>
  );
}
