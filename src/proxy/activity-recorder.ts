// What the proxy reports for the access log. The server decides where it goes and who the person was: the proxy
// knows neither the store nor the sign-in.
export type ProxyActivity =
  | {
      kind: 'connection';
      /** The request that made it, for the server to tell who and from where. */
      request: Request;
      /** `identityDomain/customerId`: the tenant, never the secret. */
      tenant: string;
      clientId: string;
    }
  | {
      /** A risk accepted, or an acceptance revoked, in the dashboard. */
      kind: 'risk-accepted' | 'risk-revoked';
      request: Request;
      tenant: string;
      /** One sentence: the rule and the subject (never a secret: findings carry none). */
      detail: string;
    };

export type ActivityRecorder = (activity: ProxyActivity) => void;
