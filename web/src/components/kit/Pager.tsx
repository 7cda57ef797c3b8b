/**
 * The "load more" control under a paged list (the one pager semantics, see
 * paging.ts): a busy button while the next page loads; gone on the last page.
 */
import { BusyButton } from './BusyButton.tsx';

interface Props {
  done: boolean;
  label: string;
  busyLabel: string;
  /** Reads the next page; reports its own failures. */
  onMore: () => Promise<unknown>;
}

export function Pager({ done, label, busyLabel, onMore }: Props) {
  if (done) return null;
  return (
    <BusyButton class="secondary pager" busyLabel={busyLabel} onClick={onMore}>
      {label}
    </BusyButton>
  );
}
