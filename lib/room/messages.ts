import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';

/**
 * The sync server speaks the y-websocket protocol (0 sync, 1 awareness, 3 query awareness) plus two
 * messages of its own, which a WebsocketProvider handles once they are put in its `messageHandlers`.
 */
export const MESSAGE_SYNC = 0;
export const MESSAGE_AWARENESS = 1;
export const MESSAGE_QUERY_AWARENESS = 3;
/** The server did not apply an update: varString code, varString message. The connection stays open. */
export const MESSAGE_REFUSED = 100;
/** The server stored what the client sent: varUint8Array, the room's snapshot (state vector and delete set) after storing. */
export const MESSAGE_STORED = 101;

/**
 * The query parameter (`acks=1`) by which a client asks for MESSAGE_STORED and MESSAGE_REFUSED.
 * Without it the server speaks plain y-websocket, so a stock client has no message it cannot read.
 */
export const ACKS_PARAM = 'acks';

export const REFUSAL_CODES = ['read-only', 'invalid', 'too-large', 'storage'] as const;
export type RefusalCode = (typeof REFUSAL_CODES)[number];

export interface Refusal {
  code: RefusalCode;
  message: string;
}

export function encodeRefused(refusal: Refusal): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MESSAGE_REFUSED);
  encoding.writeVarString(encoder, refusal.code);
  encoding.writeVarString(encoder, refusal.message);
  return encoding.toUint8Array(encoder);
}

/** Reads a refusal after its message type. An unknown code reads as 'invalid', so newer servers stay readable. */
export function readRefused(decoder: decoding.Decoder): Refusal {
  const code = decoding.readVarString(decoder);
  const message = decoding.readVarString(decoder);
  return { code: (REFUSAL_CODES as readonly string[]).includes(code) ? (code as RefusalCode) : 'invalid', message };
}

export function encodeStored(snapshot: Y.Snapshot): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MESSAGE_STORED);
  encoding.writeVarUint8Array(encoder, Y.encodeSnapshot(snapshot));
  return encoding.toUint8Array(encoder);
}

/** Reads a stored acknowledgement after its message type. */
export function readStored(decoder: decoding.Decoder): Y.Snapshot {
  return Y.decodeSnapshot(decoding.readVarUint8Array(decoder));
}

export function encodeSyncStep1(doc: Y.Doc): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MESSAGE_SYNC);
  syncProtocol.writeSyncStep1(encoder, doc);
  return encoding.toUint8Array(encoder);
}

/** Sync step 2: what of `doc` a peer whose state vector is `stateVector` lacks. */
export function encodeSyncStep2(doc: Y.Doc, stateVector: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MESSAGE_SYNC);
  syncProtocol.writeSyncStep2(encoder, doc, stateVector);
  return encoding.toUint8Array(encoder);
}

export function encodeSyncUpdate(update: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MESSAGE_SYNC);
  syncProtocol.writeUpdate(encoder, update);
  return encoding.toUint8Array(encoder);
}

export function encodeAwareness(awareness: awarenessProtocol.Awareness, clients: number[]): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MESSAGE_AWARENESS);
  encoding.writeVarUint8Array(encoder, awarenessProtocol.encodeAwarenessUpdate(awareness, clients));
  return encoding.toUint8Array(encoder);
}
