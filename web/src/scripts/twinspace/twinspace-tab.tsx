/**
 * The frame of a TwinSpace tab island (agenda, mailbox, pages): the project
 * in ?id= read once with the shell (openProject names it in the page's
 * title), "Loading…" until then, why it cannot be opened when it cannot, and
 * the way back to the TwinSpace's Home. The tab itself is `children`.
 */
import type { ComponentChildren } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { StatusMessage } from '../../components/kit/StatusMessage.tsx';
import type { MessageKey } from '../../i18n/index.ts';
import { openProject, type OpenedProject } from './agenda-mailbox.ts';
import { pageUrl, t } from '../common/page.ts';
import { failed } from '../common/problems.ts';

export type OpenProject = Extract<OpenedProject, { project: unknown }>;

export function TwinspaceTab({ titleKey, backKey, children }: { titleKey: MessageKey; backKey: MessageKey; children: (opened: OpenProject) => ComponentChildren }) {
  const [opened, setOpened] = useState<OpenedProject>();
  const [loading, setLoading] = useState(true);
  useEffect(() => {
    openProject(titleKey)
      .then(setOpened)
      .catch((error: unknown) => failed(error, (status) => setOpened({ failure: status.text })))
      .finally(() => setLoading(false));
  }, []);

  const project = opened && 'project' in opened ? opened : undefined;
  return (
    <>
      {loading && <p class="muted">{t('common.loading')}</p>}
      <StatusMessage status={opened && 'failure' in opened ? { tone: 'error', text: opened.failure } : undefined} />
      <p>
        <a href={project ? pageUrl('twinspace', { id: project.projectId }) : pageUrl('desktop')}>{t(backKey)}</a>
      </p>
      {project && children(project)}
    </>
  );
}
