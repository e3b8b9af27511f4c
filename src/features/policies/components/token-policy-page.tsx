import { useQuery } from '@tanstack/react-query';
import { useParams } from 'react-router';
import { TokenPolicyFields } from '../../../lib/policies/components/policy-fields.tsx';
import { tokenPolicyQueryOptions } from '../../../lib/policies/token-policy-query.ts';
import { PolicyPage } from './policy-page.tsx';

export function TokenPolicyPage() {
  const { policyId = '' } = useParams();
  const policy = useQuery(tokenPolicyQueryOptions(policyId));
  return (
    <PolicyPage
      kind="token"
      policyId={policyId}
      policy={policy}
      renderFields={(data) => <TokenPolicyFields policy={data} />}
    />
  );
}
