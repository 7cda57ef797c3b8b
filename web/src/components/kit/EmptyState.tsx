/** What an empty list says instead of nothing ("No upcoming events."), with an optional way forward. */
import type { ComponentChildren } from 'preact';

export function EmptyState({ children, action }: { children: ComponentChildren; action?: ComponentChildren }) {
  return (
    <div class="empty-state">
      <p>{children}</p>
      {action}
    </div>
  );
}
