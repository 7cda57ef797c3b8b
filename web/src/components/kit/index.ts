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
export { RichText, type DocumentMedia, type MediaUrls, type RichTextLabels } from './RichText.tsx';
export { cursorPages, type CursorPage } from './paging.ts';
export { StatusMessage, type Status } from './StatusMessage.tsx';
export { usePagedList } from './usePagedList.ts';
