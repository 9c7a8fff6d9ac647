import type { ImportMapping } from '../../../../shared/import';
import type { PreviewView } from '../preview-view';

/** What every part of the preview that edits the mapping needs: the view, whether input is locked, and the edit. */
export interface MappingEditProps {
  view: PreviewView;
  /** True while the worker re-reads the file or the import is being committed. */
  locked: boolean;
  onMapping(mapping: ImportMapping): void;
}
