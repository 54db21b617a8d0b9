export { AgendaEditor } from './AgendaEditor';
export type { AgendaDraft, AgendaEditorProps, SaveState } from './AgendaEditor.types';
