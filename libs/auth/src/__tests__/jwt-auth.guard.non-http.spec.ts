import type { ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { JwtAuthGuard } from '@socialmakers/auth';

describe('JwtAuthGuard outside HTTP', () => {
  it('lets microservice (e.g. Kafka) handlers through, since they are not requests', () => {
    const guard = new JwtAuthGuard(new Reflector(), { secret: 'unused' } as never);
    const context = { getType: () => 'rpc' } as unknown as ExecutionContext;
    expect(guard.canActivate(context)).toBe(true);
  });
});
