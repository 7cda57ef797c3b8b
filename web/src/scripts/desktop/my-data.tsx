/**
 * "Download my data" (issue 11, GDPR): GET /me/export answers my profile, my projects and everything I wrote as one
 * JSON document; the browser saves it as a file (a Blob behind a link with `download`). Every kind of account has it,
 * pupils too. Its strings are in profile-page.ts's profileStrings (the profile page picks them).
 */
import { useState } from 'preact/hooks';
import { BusyButton, StatusMessage, type Status } from '../../components/kit/index.ts';
import { apiGetText } from '../common/api.ts';
import { t } from '../common/page.ts';
import { failed } from '../common/problems.ts';

/** The file's name: the API's own (content-disposition), which a cross-origin reader cannot read, so made the same way. */
export const exportFileName = (now = new Date()) => `twinspace-export-${now.toISOString().slice(0, 10)}.json`;

export function MyData() {
  const [status, setStatus] = useState<Status>();

  const download = async () => {
    setStatus(undefined);
    try {
      const text = await apiGetText('/me/export');
      const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
      const link = document.createElement('a');
      link.href = url;
      link.download = exportFileName();
      document.body.append(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
      setStatus({ tone: 'success', text: t('privacy.exportDone') });
    } catch (error) {
      failed(error, setStatus);
    }
  };

  return (
    <section class="card" aria-labelledby="my-data-heading">
      <h2 id="my-data-heading">{t('privacy.exportTitle')}</h2>
      <p>{t('privacy.exportIntro')}</p>
      <BusyButton class="secondary" busyLabel={t('common.busy')} onClick={download}>
        {t('privacy.exportButton')}
      </BusyButton>
      <StatusMessage status={status} />
    </section>
  );
}
