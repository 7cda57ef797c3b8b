/** The site's component kit: every page builds its interactive parts from these (see web/README.md). */
export { Badge, type BadgeVariant } from './Badge.tsx';
export { Breadcrumb, type Crumb } from './Breadcrumb.tsx';
export { BusyButton } from './BusyButton.tsx';
export { ConfirmDialog } from './ConfirmDialog.tsx';
export { AbsoluteDate, RelativeDate } from './Dates.tsx';
export { EmptyState } from './EmptyState.tsx';
export { FieldError, FormField, controlProps, errorId, hintId, type ControlProps } from './FormField.tsx';
export { formatAbsolute, formatRange, formatRelative, readerLocale } from './format.ts';
export { Pager } from './Pager.tsx';
// Rich text: types here; the components by their own path (RichText.tsx, RichField.tsx). Re-exported here, the bundler would put
// them in the chunk every page shares (~2 KB more on pages that show no text); RichEditor.tsx is fetched by RichField with import().
export type { DocumentMedia, MediaUrls, RichTextLabels } from './RichText.tsx';
export type { ImageSource, PickerAlbum, PickerImage, RichEditorLabels } from './rich-editor-types.ts';
export { cursorPages, type CursorPage } from './paging.ts';
export { StatusMessage, type Status } from './StatusMessage.tsx';
export { usePagedList } from './usePagedList.ts';
