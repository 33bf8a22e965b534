import { roleGrant } from '../role-grant';
import { BadRequestError } from '@socialmakers/service-kit';

const ORGANISATION = '0b7c6a0e-3f5e-4c1d-9a52-6f7e8d9c0b1a';

describe('role grants', () => {
  it('keeps every account a member, whatever else it is given', () => {
    expect(roleGrant(['admin'], undefined)).toEqual({ roles: ['member', 'admin'], organisationId: null });
    expect(roleGrant([], undefined)).toEqual({ roles: ['member'], organisationId: null });
  });

  it('does not repeat roles', () => {
    expect(roleGrant(['member', 'analyst', 'analyst'], undefined).roles).toEqual(['member', 'analyst']);
  });

  it('gives an organiser their organisation', () => {
    expect(roleGrant(['organiser'], ORGANISATION)).toEqual({ roles: ['member', 'organiser'], organisationId: ORGANISATION });
  });

  it('refuses the organiser role without an organisation', () => {
    expect(() => roleGrant(['organiser'], undefined)).toThrow(BadRequestError);
    expect(() => roleGrant(['organiser'], null)).toThrow(/organisationId/);
  });

  it('drops the organisation of someone who is no organiser', () => {
    expect(roleGrant(['analyst'], ORGANISATION).organisationId).toBeNull();
  });

  it('ignores strings that are no role', () => {
    expect(roleGrant(['superuser', 'admin'], undefined).roles).toEqual(['member', 'admin']);
  });
});
