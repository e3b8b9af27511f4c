import { describe, expect, it } from 'vitest';
import { toLoginPolicy, toPolicies, toTokenPolicy } from './routes.ts';

describe('policy route builders', () => {
  it('encode ids so that no id can change the path', () => {
    expect(toLoginPolicy({ policyId: 'p 1' })).toBe('/policies/login/p%201');
    expect(toTokenPolicy({ policyId: '../x' })).toBe('/policies/token/..%2Fx');
  });

  it('name the tab in the query string', () => {
    expect(toPolicies('token')).toBe('/policies?tab=token');
    expect(toPolicies()).toBe('/policies');
  });
});
