/** The Moderation tab follows the tab's live socket: a notification about this project's held texts reads the list again. */
import { useEffect, useRef } from 'preact/hooks';
import { live } from '../../common/live.ts';

/** Reads again when a notification about this project's held texts arrives live. */
export function useHeldNotifications(projectId: string, topic: 'pupil-text-held' | 'pupil-text-decided', reload: () => void) {
  const latest = useRef(reload);
  latest.current = reload;
  useEffect(
    () =>
      live().on('notification', ({ notification }) => {
        if (notification.topic === topic && notification.projectId === projectId) latest.current();
      }),
    [],
  );
}
