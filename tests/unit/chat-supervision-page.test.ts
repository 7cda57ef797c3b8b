/**
 * Chat supervision's rules on the page (web/src/scripts/twinspace/chat/chat-supervision-page.ts),
 * pure: what each TwinSpace type sees on whose message, which room controls
 * it gets, the mute's body (the reader's time zone with "the rest of the
 * day"), the pupils' chat button, and the words, in both dictionaries.
 */
import { describe, expect, it } from 'vitest';
import type { ChatMessageBody } from '../../events/chat-frames.ts';
import { twinspaceTypes, type TwinspaceType } from '../../functions/domain/twinspace-types.ts';
import { en } from '../../web/src/i18n/en.ts';
import { es } from '../../web/src/i18n/es.ts';
import {
  anyAction,
  chatControlsFor,
  chatSupervisionStrings,
  messageActionsFor,
  muteBody,
  muteChoices,
  pupilsChatToggle,
} from '../../web/src/scripts/twinspace/chat/chat-supervision-page.ts';

const by = (authorId: string, authorType: TwinspaceType): Pick<ChatMessageBody, 'authorId' | 'authorType'> => ({ authorId, authorType });
const pupilsMessage = by('pupil-1', 'pupil-member');
const teachersMessage = by('teacher-1', 'member-teacher');

describe('what each type sees on a message', () => {
  it('a teacher (administrator or member): delete, report and mute on a pupil’s message', () => {
    for (const type of ['teacher-admin', 'member-teacher'] as const) {
      expect(messageActionsFor(pupilsMessage, 'me', type, true), type).toEqual({ delete: true, report: true, mute: true });
    }
  });

  it('a teacher on another teacher’s message: delete and report, never mute', () => {
    expect(messageActionsFor(teachersMessage, 'me', 'teacher-admin', true)).toEqual({ delete: true, report: true, mute: false });
    expect(messageActionsFor(by('admin-2', 'teacher-admin'), 'me', 'member-teacher', true)).toEqual({ delete: true, report: true, mute: false });
  });

  it('a teacher on their own message: delete only', () => {
    expect(messageActionsFor(by('me', 'teacher-admin'), 'me', 'teacher-admin', true)).toEqual({ delete: true, report: false, mute: false });
  });

  it('a pupil on their own message: delete only', () => {
    for (const type of ['pupil-admin', 'pupil-member'] as const) {
      expect(messageActionsFor(by('me', type), 'me', type, true), type).toEqual({ delete: true, report: false, mute: false });
    }
  });

  it('a pupil on someone else’s message (pupil or teacher): report only', () => {
    for (const type of ['pupil-admin', 'pupil-member'] as const) {
      expect(messageActionsFor(pupilsMessage, 'me', type, true), type).toEqual({ delete: false, report: true, mute: false });
      expect(messageActionsFor(teachersMessage, 'me', type, true), type).toEqual({ delete: false, report: true, mute: false });
    }
  });

  it('a visitor sees nothing, and nobody sees anything while the TwinSpace is not writable', () => {
    expect(anyAction(messageActionsFor(pupilsMessage, 'me', 'visitor', true))).toBe(false);
    for (const type of twinspaceTypes) expect(anyAction(messageActionsFor(pupilsMessage, 'me', type, false)), type).toBe(false);
  });

  it('a pupil administrator’s message can be muted too', () => {
    expect(messageActionsFor(by('pupil-2', 'pupil-admin'), 'me', 'member-teacher', true).mute).toBe(true);
  });
});

describe('the room controls each type gets', () => {
  it('teacher administrators: close / reopen and the muted pupils; member teachers: the muted pupils; others: none', () => {
    expect(chatControlsFor('teacher-admin', true)).toEqual({ pupilsChat: true, mutes: true });
    expect(chatControlsFor('member-teacher', true)).toEqual({ pupilsChat: false, mutes: true });
    for (const type of ['pupil-admin', 'pupil-member', 'visitor'] as const) expect(chatControlsFor(type, true), type).toEqual({ pupilsChat: false, mutes: false });
  });

  it('none while the TwinSpace is not writable', () => {
    expect(chatControlsFor('teacher-admin', false)).toEqual({ pupilsChat: false, mutes: false });
  });

  it('the pupils’ chat button does the opposite of the state, and says the state', () => {
    expect(pupilsChatToggle(true)).toMatchObject({ open: false, label: 'chatSupervision.closePupils', state: 'chatSupervision.pupilsOpen' });
    expect(pupilsChatToggle(false)).toMatchObject({ open: true, label: 'chatSupervision.reopenPupils', state: 'chatSupervision.pupilsClosed' });
  });
});

describe('a mute’s body', () => {
  it('sends the reader’s time zone with "the rest of the day" only', () => {
    expect(muteBody('day', 'Europe/Madrid')).toEqual({ duration: 'day', timeZone: 'Europe/Madrid' });
    expect(muteBody('10m', 'Europe/Madrid')).toEqual({ duration: '10m' });
    expect(muteBody('1h', 'Europe/Madrid')).toEqual({ duration: '1h' });
    expect(muteBody('day', undefined)).toEqual({ duration: 'day' });
  });

  it('offers 10 minutes, an hour and the rest of the day, in that order', () => {
    expect(muteChoices.map((choice) => choice.value)).toEqual(['10m', '1h', 'day']);
  });
});

describe('the words', () => {
  it('every key the components read is in both dictionaries, with text', () => {
    for (const key of chatSupervisionStrings) {
      expect(en[key], key).toBeTruthy();
      expect(es[key], key).toBeTruthy();
    }
    for (const choice of muteChoices) expect(chatSupervisionStrings).toContain(choice.label);
  });
});
