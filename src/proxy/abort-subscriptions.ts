// Many waiters on one signal: an inventory's queued and in-flight requests (hundreds at once) all listen on the
// run's signal. Node's EventTarget walks every listener already registered on each add (to drop duplicates) and on
// each remove, so a listener per request costs time in proportion to the others waiting: it showed in the
// inventory's profile as one of the proxy's largest costs per item. One listener per signal instead, calling a set.

type Subscribers = Set<() => void>;

const subscribersBySignal = new WeakMap<AbortSignal, Subscribers>();

/**
 * Calls `callback` once when `signal` aborts (not when it is already aborted: check first). Returns the
 * unsubscription, which is cheap and may be called more than once.
 */
export function onAbort(signal: AbortSignal, callback: () => void): () => void {
  let subscribers = subscribersBySignal.get(signal);
  if (subscribers === undefined) {
    const created: Subscribers = new Set();
    subscribers = created;
    subscribersBySignal.set(signal, created);
    signal.addEventListener(
      'abort',
      () => {
        subscribersBySignal.delete(signal);
        for (const subscriber of [...created]) {
          try {
            subscriber();
          } catch (error) {
            // As an event listener's would: reported, without keeping the others from running.
            queueMicrotask(() => {
              throw error;
            });
          }
        }
        created.clear();
      },
      { once: true },
    );
  }
  // A wrapper per subscription: the same function subscribed twice is called twice and unsubscribed apart.
  const subscription = () => {
    callback();
  };
  subscribers.add(subscription);
  const registered = subscribers;
  return () => {
    registered.delete(subscription);
  };
}
