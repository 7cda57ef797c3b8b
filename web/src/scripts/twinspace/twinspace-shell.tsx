/**
 * The TwinSpace shell's island: the TwinSpace's name (its own once set, the
 * project's title until then; it follows a rename) and the tabs the member's
 * type may use (twinspace-tabs.ts, from the policy table), the current one
 * marked aria-current="page". Its words come as props from TwinspaceShell.astro,
 * so it needs nothing from the page's own dictionary entries.
 */
import { useEffect, useState } from 'preact/hooks';
import type { ProjectDetailResponse } from '../../../../functions/http/projects/schemas.ts';
import { currentSession } from '../common/session.ts';
import { tabPath, tabsFor, type Tab } from './twinspace-tabs.ts';
import { currentProject, onProjectChange, projectIdOfPage, twinspaceName } from './twinspace-project.ts';

interface Props {
  lang: string;
  current: Tab;
  labels: Record<Tab, string>;
  navLabel: string;
}

export default function TwinspaceTabs({ lang, current, labels, navLabel }: Props) {
  const [project, setProject] = useState<ProjectDetailResponse>();
  const projectId = projectIdOfPage();

  useEffect(() => {
    if (!projectId || !currentSession()) return;
    // The page says why it cannot open the project; the shell then shows no tabs.
    currentProject().then(setProject, () => undefined);
    return onProjectChange(setProject);
  }, []);

  if (!projectId || !project) return null;
  return (
    <div class="twinspace-shell">
      <p class="shell-project">{twinspaceName(project)}</p>
      <nav class="shell-tabs" aria-label={navLabel}>
        <ul>
          {tabsFor(project.myType, project.state).map((tab) => (
            <li key={tab}>
              <a href={tabPath(lang, tab, projectId)} aria-current={tab === current ? 'page' : undefined}>
                {labels[tab]}
              </a>
            </li>
          ))}
        </ul>
      </nav>
    </div>
  );
}
