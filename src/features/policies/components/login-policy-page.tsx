import { LoginPolicyFields } from '../../../lib/policies/components/policy-fields.tsx';
import { loginPolicyQueryOptions } from '../../../lib/policies/login-policy-query.ts';
import { PolicyPage } from './policy-page.tsx';

export function LoginPolicyPage() {
  return (
    <PolicyPage
      kind="login"
      queryOptionsFor={loginPolicyQueryOptions}
      renderFields={(data) => <LoginPolicyFields policy={data} />}
    />
  );
}
