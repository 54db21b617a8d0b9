export { ConversationList } from './ConversationList';
export type { ConversationListItem, ConversationListProps } from './ConversationList.types';
