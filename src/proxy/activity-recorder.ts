// What the proxy reports for the access log. The server decides where it goes and who the person was: the proxy
// knows neither the store nor the sign-in.
export interface ProxyActivity {
  /**
   * A connection made through the form, an inventory kept in the history, a file the browser saved, or a risk
   * accepted or an acceptance revoked in the dashboard.
   */
  kind: 'connection' | 'snapshot' | 'export' | 'risk-accepted' | 'risk-revoked';
  /** The request that made it, for the server to tell who and from where. */
  request: Request;
  /** `identityDomain/customerId`: the tenant, never the secret. */
  tenant: string;
  /** One short sentence of non-secret facts (the configuration client's id, the snapshot's id, the file's kind). */
  detail: string;
}

export type ActivityRecorder = (activity: ProxyActivity) => void;
