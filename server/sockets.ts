import type { IncomingMessage, Server } from 'node:http';
import { WebSocketServer, type RawData, type WebSocket } from 'ws';
import { ACKS_PARAM } from '../lib/room/messages';
import { parseRoom } from '../lib/room/room-name';
import type { TokenService } from './auth';
import { CLOSE, Connection } from './connection';
import { deviceLabel } from './device-label';
import type { Members } from './members';
import type { Rooms } from './rooms';

/**
 * Room for the message header around a document-sized update: a client that was offline for long
 * sends all its changes in one sync step 2, and any diff a valid document can hold must fit in one
 * frame, or that client could never sync again.
 */
export const FRAME_OVERHEAD_BYTES = 64 * 1024;
const PING_EVERY_MS = 30_000;

export interface SocketDeps {
  tokens: TokenService;
  members: Members;
  rooms: Rooms;
  now: () => number;
  /** Frames larger than this close the connection (1009). */
  maxFrameBytes: number;
}

/**
 * WebSocket connections on the HTTP server's port. The handshake is always completed, because only
 * an open WebSocket can be closed with a code and reason the client sees; then the token and the
 * room are checked, and frames that arrived meanwhile are handled in order.
 */
export function attachSockets(server: Server, deps: SocketDeps): WebSocketServer {
  const wss = new WebSocketServer({ noServer: true, maxPayload: deps.maxFrameBytes });
  server.on('upgrade', (req, socket, head) => {
    socket.on('error', () => socket.destroy());
    wss.handleUpgrade(req, socket, head, (ws) => wss.emit('connection', ws, req));
  });

  const connections = new Set<Connection>();
  const stopWatchingRoles = deps.members.onChange(() => {
    for (const connection of connections) connection.checkRole();
  });
  wss.on('connection', (ws: WebSocket, req: IncomingMessage) => {
    // One timer per connection, as y-websocket's server does: one timer for all of them pinged
    // thousands of sockets in one turn of the event loop.
    let alive = true;
    ws.on('pong', () => (alive = true));
    const pinger = setInterval(() => {
      if (!alive) return ws.terminate();
      alive = false;
      ws.ping();
    }, PING_EVERY_MS);
    ws.on('close', () => clearInterval(pinger));
    void accept(ws, req, deps, connections);
  });
  wss.on('close', stopWatchingRoles);
  return wss;
}

async function accept(ws: WebSocket, req: IncomingMessage, deps: SocketDeps, connections: Set<Connection>): Promise<void> {
  const early: [Uint8Array, boolean][] = [];
  let connection: Connection | undefined;
  ws.on('error', () => ws.terminate());
  ws.on('message', (data: RawData, isBinary: boolean) => {
    const bytes = toBytes(data);
    if (connection) connection.receive(bytes, isBinary);
    else early.push([bytes, isBinary]);
  });

  const url = new URL(req.url ?? '/', 'http://localhost');
  const token = url.searchParams.get('token');
  if (!token) return ws.close(CLOSE.unauthorized, 'Missing access token');
  const verified = await deps.tokens.verifyAccess(token);
  if (!verified.ok) return ws.close(CLOSE.unauthorized, verified.reason === 'expired' ? 'Access token expired' : 'Invalid access token');
  const { claims } = verified;
  deps.members.refresh();
  if (deps.members.roleOf(claims.orgId, claims.personId) !== claims.role) return ws.close(CLOSE.forbidden, 'Not a member of this organization with this role');
  const ref = parseRoom(decodeURIComponent(url.pathname.slice(1)));
  if (!ref) return ws.close(CLOSE.noSuchRoom, 'No such room');
  if (!deps.rooms.extensions.authorize(claims, ref).read) return ws.close(CLOSE.forbidden, 'Room not allowed');
  if (ws.readyState !== ws.OPEN) return;

  connection = new Connection(ws, claims, ref, deps.rooms.open(ref), deps.rooms, deps.members, deps.now, url.searchParams.get(ACKS_PARAM) === '1', deviceLabel(req.headers['user-agent']));
  connections.add(connection);
  ws.on('close', () => connections.delete(connection!));
  connection.start();
  for (const [bytes, isBinary] of early.splice(0)) connection.receive(bytes, isBinary);
}

function toBytes(data: RawData): Uint8Array {
  if (Array.isArray(data)) return new Uint8Array(Buffer.concat(data));
  return data instanceof ArrayBuffer ? new Uint8Array(data) : new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
}
