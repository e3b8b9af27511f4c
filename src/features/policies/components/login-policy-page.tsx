import { useQuery } from '@tanstack/react-query';
import { useParams } from 'react-router';
import { LoginPolicyFields } from '../../../lib/policies/components/policy-fields.tsx';
import { loginPolicyQueryOptions } from '../../../lib/policies/login-policy-query.ts';
import { PolicyPage } from './policy-page.tsx';

export function LoginPolicyPage() {
  const { policyId = '' } = useParams();
  const policy = useQuery(loginPolicyQueryOptions(policyId));
  return (
    <PolicyPage
      kind="login"
      policyId={policyId}
      policy={policy}
      renderFields={(data) => <LoginPolicyFields policy={data} />}
    />
  );
}
