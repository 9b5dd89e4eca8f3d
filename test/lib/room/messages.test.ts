import * as decoding from 'lib0/decoding';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { MESSAGE_REFUSED, MESSAGE_STORED, encodeRefused, encodeStored, readRefused, readStored } from '../../../lib/room/messages';

describe('server messages', () => {
  it('round-trips a refusal', () => {
    const decoder = decoding.createDecoder(encodeRefused({ code: 'read-only', message: 'Admins cannot change this room' }));
    expect(decoding.readVarUint(decoder)).toBe(MESSAGE_REFUSED);
    expect(readRefused(decoder)).toEqual({ code: 'read-only', message: 'Admins cannot change this room' });
  });

  it('round-trips a stored acknowledgement', () => {
    const doc = new Y.Doc();
    doc.getMap('m').set('a', 1);
    doc.getMap('m').delete('a');
    const decoder = decoding.createDecoder(encodeStored(Y.snapshot(doc)));
    expect(decoding.readVarUint(decoder)).toBe(MESSAGE_STORED);
    expect(Y.equalSnapshots(readStored(decoder), Y.snapshot(doc))).toBe(true);
  });
});
