/** The logger's second line of defence: what names people is blanked, e-mail addresses inside any text too. */
import { describe, expect, it } from 'vitest';
import { redactPersonalData } from '../../functions/lib/logger.ts';

const logged = (attributes: Record<string, unknown>) => JSON.stringify(attributes, redactPersonalData);

describe('redactPersonalData', () => {
  it('blanks the attributes that name a person', () => {
    const line = logged({ displayName: 'Lucía Romero', authorName: 'Lucía', username: 'lucia.romero', email: 'ana@demo.twinspace', userId: '01J8' });
    expect(line).not.toMatch(/Lucía|lucia|ana@/);
    expect(JSON.parse(line).userId).toBe('01J8');
  });

  it('replaces an e-mail address inside an error message', () => {
    const line = logged({ error: { name: 'UsernameExistsException', message: 'User luc@demo.twinspace already exists' } });
    expect(line).not.toContain('luc@demo.twinspace');
    expect(JSON.parse(line).error).toEqual({ name: 'UsernameExistsException', message: 'User [e-mail] already exists' });
  });
});
