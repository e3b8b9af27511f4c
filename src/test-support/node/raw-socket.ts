// Bytes to a server exactly as a test wrote them, over a plain socket: no client library normalises the target, the
// Host header or the framing.
import { connect } from 'node:net';

/**
 * Writes `text` to `origin`'s host and port and resolves with all the server sent once it closed the socket (within
 * 5 s). `halfClose` ends the sending side after the bytes, which a request without `Connection: close` needs.
 */
export function sendRawBytes(
  origin: string,
  text: string,
  { halfClose }: { halfClose: boolean },
): Promise<string> {
  const { hostname, port } = new URL(origin);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), hostname, () => {
      if (halfClose) socket.end(text);
      else socket.write(text);
    });
    let received = '';
    socket.setEncoding('latin1');
    socket.on('data', (chunk: string) => {
      received += chunk;
    });
    socket.on('close', () => {
      resolve(received);
    });
    socket.on('error', reject);
    socket.setTimeout(5_000, () => socket.destroy(new Error('No answer within 5 s')));
  });
}
