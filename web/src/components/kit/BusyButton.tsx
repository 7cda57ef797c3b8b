/**
 * A button that says what it is doing while its work runs: disabled,
 * aria-busy="true" and the busy label instead of its own. The work is either
 * the promise its onClick returns, or the caller's `busy` (a form's submit).
 */
import type { ComponentChildren, JSX, Ref } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';

type ButtonAttributes = Omit<JSX.ButtonHTMLAttributes<HTMLButtonElement>, 'onClick' | 'disabled' | 'children'>;

interface Props extends ButtonAttributes {
  /** Shown while busy, e.g. "Working…". */
  busyLabel: string;
  /** Busy because of work the caller runs (a form's submit). */
  busy?: boolean;
  /** Work to run; the button is busy until its promise settles. The work reports its own failures. */
  onClick?: (event: JSX.TargetedMouseEvent<HTMLButtonElement>) => Promise<unknown> | void;
  children: ComponentChildren;
  /** The <button> itself (to move focus to it). */
  buttonRef?: Ref<HTMLButtonElement>;
}

export function BusyButton({ busyLabel, busy = false, onClick, children, type = 'button', buttonRef, ...attributes }: Props) {
  const [running, setRunning] = useState(false);
  const mounted = useRef(true);
  useEffect(() => () => void (mounted.current = false), []);
  const working = busy || running;

  const click = (event: JSX.TargetedMouseEvent<HTMLButtonElement>) => {
    const work = onClick?.(event);
    if (!work) return;
    setRunning(true);
    void Promise.resolve(work)
      .catch(() => undefined)
      .finally(() => mounted.current && setRunning(false));
  };

  return (
    <button {...attributes} ref={buttonRef} type={type} disabled={working} aria-busy={working ? 'true' : undefined} onClick={click}>
      {working ? busyLabel : children}
    </button>
  );
}
