/**
 * A project's states (DOMAIN.md, "Projects"): proposed → pending-approval →
 * approved ⇄ closed, and rejected (resubmitted → pending-approval).
 */
export const projectStates = ['proposed', 'pending-approval', 'approved', 'closed', 'rejected'] as const;
export type ProjectState = (typeof projectStates)[number];

export type ProjectEvent = 'partner-accepts' | 'last-approval' | 'rejection' | 'resubmission' | 'close' | 'reopen';

const transitions: Record<ProjectEvent, { from: readonly ProjectState[]; to: ProjectState }> = {
  'partner-accepts': { from: ['proposed'], to: 'pending-approval' },
  'last-approval': { from: ['pending-approval'], to: 'approved' },
  rejection: { from: ['pending-approval'], to: 'rejected' },
  resubmission: { from: ['rejected'], to: 'pending-approval' },
  close: { from: ['approved'], to: 'closed' },
  reopen: { from: ['closed'], to: 'approved' },
};

/** The state after `event`, or undefined when the state does not allow it (a 409). */
export function nextState(state: ProjectState, event: ProjectEvent): ProjectState | undefined {
  const transition = transitions[event];
  return transition.from.includes(state) ? transition.to : undefined;
}

/** The TwinSpace exists once the project is approved (and stays, read-only, when closed). */
export function hasTwinspace(state: ProjectState): boolean {
  return state === 'approved' || state === 'closed';
}

/** Only an approved project's TwinSpace takes writes: a closed one is read-only for everyone. */
export function isWritable(state: ProjectState): boolean {
  return state === 'approved';
}
