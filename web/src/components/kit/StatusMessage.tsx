/**
 * What just happened, said next to the control that caused it: a success in a
 * polite status region (role=status), a failure in an alert (role=alert).
 * Both regions are always in the page, empty while there is nothing to say,
 * so screen readers announce the text the moment it is set.
 */

export interface Status {
  tone: 'success' | 'error';
  text: string;
}

export function StatusMessage({ status }: { status?: Status }) {
  return (
    <div class="status-message">
      <p role="status" class="status-message-success">
        {status?.tone === 'success' ? status.text : ''}
      </p>
      <p role="alert" class="status-message-error">
        {status?.tone === 'error' ? status.text : ''}
      </p>
    </div>
  );
}
