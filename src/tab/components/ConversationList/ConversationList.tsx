import { Body1, Caption1, mergeClasses } from '@fluentui/react-components';
import type { ReactNode } from 'react';
import type { ConversationListProps } from './ConversationList.types';
import { useConversationListStyles } from './useConversationListStyles.styles';

/** A list of 1:1s to pick from; the chosen one is marked `aria-current`. */
export function ConversationList({ label, items, selectedId, onSelect }: ConversationListProps): ReactNode {
  const styles = useConversationListStyles();
  return (
    <ul className={styles.list} aria-label={label}>
      {items.map((item) => {
        const selected = item.id === selectedId;
        return (
          <li key={item.id}>
            <button
              type="button"
              className={mergeClasses(styles.item, selected && styles.selected)}
              aria-current={selected ? 'true' : undefined}
              onClick={() => {
                onSelect(item.id);
              }}
            >
              <Body1>
                <strong>{item.title}</strong>
              </Body1>
              <Caption1 className={mergeClasses(styles.subtitle, selected && styles.subtitleOnHighlight)}>
                {item.subtitle}
              </Caption1>
              {item.badge}
            </button>
          </li>
        );
      })}
    </ul>
  );
}
