/**
 * The community area's function (routes.ts): themed groups (groups.ts),
 * online pedagogical encounters with seats and a waiting list promoted in
 * the same transaction as a cancellation (encounters.ts), and the resource
 * library (resources.ts).
 */
import { areaHandler } from '../area.ts';
import { cancelEncounterRegistration, createEncounter, listEncounters, registerForEncounter } from './encounters.ts';
import { addGroupMember, createGroup, listGroupMembers, listGroups, removeGroupMember } from './groups.ts';
import { createResource, listResources } from './resources.ts';
import { communityRoutes } from './routes.ts';

export const handler = areaHandler(communityRoutes, {
  listGroups,
  createGroup,
  listGroupMembers,
  addGroupMember,
  removeGroupMember,
  listEncounters,
  createEncounter,
  registerForEncounter,
  cancelEncounterRegistration,
  listResources,
  createResource,
});
