import type { ReactNode } from 'react';

export interface ConversationListItem {
  id: string;
  title: string;
  subtitle: string;
  badge: ReactNode;
}

export interface ConversationListProps {
  /** The list's accessible name, e.g. "Upcoming 1:1s". */
  label: string;
  items: ConversationListItem[];
  selectedId: string | null;
  onSelect: (id: string) => void;
}
