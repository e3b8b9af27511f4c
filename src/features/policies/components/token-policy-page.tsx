import { TokenPolicyFields } from '../../../lib/policies/components/policy-fields.tsx';
import { tokenPolicyQueryOptions } from '../../../lib/policies/token-policy-query.ts';
import { PolicyPage } from './policy-page.tsx';

export function TokenPolicyPage() {
  return (
    <PolicyPage
      kind="token"
      queryOptionsFor={tokenPolicyQueryOptions}
      renderFields={(data) => <TokenPolicyFields policy={data} />}
    />
  );
}
