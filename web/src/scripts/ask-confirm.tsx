/**
 * The kit's ConfirmDialog for a hand-built page's script: renders it into the
 * page's main, open, and resolves to the answer (Confirm → true; Cancel or
 * Escape → false), then takes it away. Focus returns to the opener (the kit).
 */
import { render } from 'preact';
import { ConfirmDialog } from '../components/kit/ConfirmDialog.tsx';

export function askConfirm(question: string, confirmLabel: string, cancelLabel: string): Promise<boolean> {
  const host = document.createElement('div');
  (document.getElementById('main') ?? document.body).append(host);
  return new Promise((resolve) => {
    const answer = (yes: boolean) => {
      // Closing first (open=false) lets the dialog hand focus back before it leaves the page.
      render(<ConfirmDialog open={false} question={question} confirmLabel={confirmLabel} cancelLabel={cancelLabel} onConfirm={() => undefined} onCancel={() => undefined} />, host);
      setTimeout(() => {
        render(null, host);
        host.remove();
      });
      resolve(yes);
    };
    render(<ConfirmDialog open question={question} confirmLabel={confirmLabel} cancelLabel={cancelLabel} onConfirm={() => answer(true)} onCancel={() => answer(false)} />, host);
  });
}
