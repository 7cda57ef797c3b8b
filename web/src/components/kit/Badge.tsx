/**
 * A short label on an item (a state, a type, a tag). The words carry the
 * meaning; the colour only repeats it (each variant passes WCAG AA contrast).
 */
import type { ComponentChildren } from 'preact';

export type BadgeVariant = 'success' | 'danger' | 'neutral' | 'info';

export function Badge({ variant = 'neutral', children }: { variant?: BadgeVariant; children: ComponentChildren }) {
  return <span class={`badge badge-${variant}`}>{children}</span>;
}
