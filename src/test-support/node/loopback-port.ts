// A loopback port for a test to name before anything uses it.
import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';

/**
 * A loopback port that nothing listens on (bound, then released): free for a server the test starts later, and
 * refused to whoever connects to it meanwhile.
 */
export async function unusedLoopbackPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}
