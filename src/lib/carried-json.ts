// Data the server wrote into the page's HTML as an inert `<script type="application/json">` element (never run), for
// the app's first render to draw what the server's picture of the page drew.

interface Schema<Output> {
  safeParse: (value: unknown) => { success: true; data: Output } | { success: false };
}

/** The element's data as the schema reads it; null when there is none, or it was cut short or is not that shape. */
export function readCarriedJson<Output>(element: Element | null, schema: Schema<Output>): Output | null {
  const text = element?.textContent ?? null;
  let parsed: unknown = null;
  try {
    parsed = text === null ? null : JSON.parse(text);
  } catch {
    // A page cut short in transit: the data comes from its own request, as without it.
  }
  const result = schema.safeParse(parsed);
  return result.success ? result.data : null;
}
