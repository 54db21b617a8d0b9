export { RecapEditor } from './RecapEditor';
export type { RecapEditorProps } from './RecapEditor.types';
