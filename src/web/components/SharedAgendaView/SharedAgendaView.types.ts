import type { SharedAgendaDto } from '../../../api/contract/api-types';

export interface SharedAgendaViewProps {
  agenda: SharedAgendaDto;
  /** Who wrote it, e.g. "Sam Lee". */
  authorName: string;
  timeZone: string;
  /** Heading level for the title, so it fits the page's outline. */
  headingLevel?: 'h3' | 'h4';
}
