import { ForbiddenException } from '@nestjs/common';
import { assertActsFor, Role, type Principal } from '@socialmakers/auth';

describe('assertActsFor', () => {
  const member: Principal = { personId: 'person-1', roles: [Role.Member] };
  const organiser: Principal = { personId: 'person-2', roles: [Role.Organiser] };

  it('passes when the principal is the person', () => {
    expect(() => assertActsFor(member, 'person-1', Role.Admin)).not.toThrow();
  });

  it('passes for someone else when the principal holds a privileged role', () => {
    expect(() => assertActsFor(organiser, 'person-1', Role.Admin, Role.Organiser)).not.toThrow();
  });

  it('throws 403 for someone else without a privileged role, naming the role needed', () => {
    const attempt = (): void => assertActsFor(member, 'person-3', Role.Admin);
    expect(attempt).toThrow(ForbiddenException);
    expect(attempt).toThrow('You may only do this for yourself; doing it for someone else needs the role admin.');
  });

  it('throws 403 for someone else when no role is privileged', () => {
    expect(() => assertActsFor(organiser, 'person-1')).toThrow('You may only do this for yourself.');
  });
});
