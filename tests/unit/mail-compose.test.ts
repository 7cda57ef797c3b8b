/**
 * Desktop mail's rules (web/src/scripts/desktop/mail-page.ts), pure: the address
 * picks the view; a reply's subject starts with "Re: " once; the compose form
 * says each missing field and sends nothing, else a body the API accepts, to
 * the chosen recipient's id or to the typed username, values trimmed.
 */
import { describe, expect, it } from 'vitest';
import { mailSendBody } from '../../functions/http/desktop/schemas.ts';
import { emptyCompose, mailBody, mailViewOf, replySubject } from '../../web/src/scripts/desktop/mail-page.ts';

const view = (query: string) => mailViewOf(new URLSearchParams(query));

describe('mailViewOf', () => {
  it('opens the inbox unless the sent folder is asked for', () => {
    expect(view('')).toEqual({ view: 'folder', folder: 'inbox' });
    expect(view('?folder=sent')).toEqual({ view: 'folder', folder: 'sent' });
    expect(view('?folder=trash')).toEqual({ view: 'folder', folder: 'inbox' });
  });
  it('opens one mail by its id', () => {
    expect(view('?id=01J0MAIL')).toEqual({ view: 'read', mailId: '01J0MAIL' });
  });
  it('opens the compose form, addressed to a chosen partner (named by their id when no name is given) with a subject', () => {
    expect(view('?compose=1')).toEqual({ view: 'compose', subject: '' });
    expect(view('?compose=1&to=u-1&name=Luc+Moreau&subject=Re%3A+Rivers')).toEqual({
      view: 'compose',
      subject: 'Re: Rivers',
      recipient: { userId: 'u-1', name: 'Luc Moreau' },
    });
    expect(view('?compose=1&to=u-1')).toEqual({ view: 'compose', subject: '', recipient: { userId: 'u-1', name: 'u-1' } });
  });
});

describe('replySubject', () => {
  it('adds "Re: " once', () => {
    expect(replySubject('Rivers')).toBe('Re: Rivers');
    expect(replySubject('Re: Rivers')).toBe('Re: Rivers');
    expect(replySubject('RE: Rivers')).toBe('RE: Rivers');
  });
});

describe('mailBody', () => {
  it('marks every missing field, the username only when no recipient was chosen', () => {
    expect(mailBody(emptyCompose)).toEqual({ problems: { toUsername: 'desk.required', subject: 'desk.required', body: 'desk.required' } });
    expect(mailBody({ ...emptyCompose, subject: '  ' }, { userId: 'u-1', name: 'Luc' })).toEqual({ problems: { subject: 'desk.required', body: 'desk.required' } });
  });
  it('sends to the typed username, trimmed', () => {
    const sent = mailBody({ toUsername: ' luc@demo.twinspace ', subject: ' Rivers ', body: ' Shall we? \n' });
    expect(sent).toEqual({ body: { toUsername: 'luc@demo.twinspace', subject: 'Rivers', body: 'Shall we?' } });
    expect(mailSendBody.safeParse('body' in sent ? sent.body : undefined).success).toBe(true);
  });
  it('sends to the chosen recipient by id, whatever is typed as a username', () => {
    const sent = mailBody({ toUsername: 'ignored', subject: 'Rivers', body: 'Shall we?' }, { userId: 'u-1', name: 'Luc Moreau' });
    expect(sent).toEqual({ body: { toUserId: 'u-1', subject: 'Rivers', body: 'Shall we?' } });
    expect(mailSendBody.safeParse('body' in sent ? sent.body : undefined).success).toBe(true);
  });
});
