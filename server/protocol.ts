import * as decoding from 'lib0/decoding';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as syncProtocol from 'y-protocols/sync';
import { MESSAGE_AWARENESS, MESSAGE_QUERY_AWARENESS, MESSAGE_SYNC, encodeAwareness, encodeRefused, encodeSyncStep1 } from '../lib/room/messages';
import type { Peer, Room, Rooms } from './rooms';

/** A frame that is not a message of the protocol: the connection that sent it is closed. */
export class MalformedMessage extends Error {}

/** What a connection says when it joins: the room's state vector, so the client sends what the room lacks, and who is present. */
export function greeting(room: Room): Uint8Array[] {
  const messages = [encodeSyncStep1(room.doc)];
  const present = [...room.awareness.getStates().keys()];
  if (present.length) messages.push(encodeAwareness(room.awareness, present));
  return messages;
}

/** What the connection's checks decided about its peer. */
export interface PeerRights {
  writable: boolean;
  /** Whether the peer asked for MESSAGE_STORED and MESSAGE_REFUSED (`acks=1`). */
  acks: boolean;
}

/**
 * Handles one frame from a peer whose rights were just checked. Sync step 1 is answered with what
 * the client lacks of what is stored (`Rooms.answerSync`); sync step 2 and update messages go
 * through `Rooms.receive` and, for a peer that asked, are answered with MESSAGE_STORED (after the
 * group commit that stored them) or MESSAGE_REFUSED; awareness is relayed. Throws
 * MalformedMessage for anything else.
 */
export function handleMessage(data: Uint8Array, rooms: Rooms, room: Room, peer: Peer, { writable, acks }: PeerRights): void {
  try {
    const decoder = decoding.createDecoder(data);
    const type = decoding.readVarUint(decoder);
    switch (type) {
      case MESSAGE_SYNC: {
        const syncType = decoding.readVarUint(decoder);
        if (syncType === syncProtocol.messageYjsSyncStep1) {
          rooms.answerSync(room, peer, decoding.readVarUint8Array(decoder));
          return;
        }
        if (syncType !== syncProtocol.messageYjsSyncStep2 && syncType !== syncProtocol.messageYjsUpdate) throw new MalformedMessage(`unknown sync message ${syncType}`);
        const received = rooms.receive(room, decoding.readVarUint8Array(decoder), peer, writable);
        if (acks) void received.then((result) => peer.send(result.ok ? room.storedMessage() : encodeRefused(result.refusal)));
        return;
      }
      case MESSAGE_AWARENESS:
        awarenessProtocol.applyAwarenessUpdate(room.awareness, decoding.readVarUint8Array(decoder), peer);
        return;
      case MESSAGE_QUERY_AWARENESS:
        peer.send(encodeAwareness(room.awareness, [...room.awareness.getStates().keys()]));
        return;
      default:
        throw new MalformedMessage(`unknown message type ${type}`);
    }
  } catch (error) {
    throw error instanceof MalformedMessage ? error : new MalformedMessage(error instanceof Error ? error.message : String(error));
  }
}
