export { SharedAgendaView } from './SharedAgendaView';
export type { SharedAgendaViewProps } from './SharedAgendaView.types';
