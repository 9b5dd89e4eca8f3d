import { describe, expect, it } from 'vitest';
import { adminConsoleUrl, parseServerUrl, socketUrl } from '../../../lib/sync/server-url';

describe('server URL', () => {
  it('normalizes what the purchaser typed', () => {
    expect(parseServerUrl(' http://127.0.0.1:8787/ ')).toEqual({ ok: true, url: 'http://127.0.0.1:8787' });
    expect(parseServerUrl('https://sync.example.com//')).toEqual({ ok: true, url: 'https://sync.example.com' });
    expect(parseServerUrl('HTTPS://Sync.Example.com/seatkeeper/')).toEqual({ ok: true, url: 'https://sync.example.com/seatkeeper' });
  });

  it('refuses what is not a plain http(s) address', () => {
    for (const input of ['', 'sync.example.com', 'ftp://sync.example.com', 'http://host/?a=1', 'https://user:pw@host']) {
      expect(parseServerUrl(input).ok, input).toBe(false);
    }
  });

  it('derives the WebSocket and admin console addresses', () => {
    expect(socketUrl('http://127.0.0.1:8787')).toBe('ws://127.0.0.1:8787');
    expect(socketUrl('https://sync.example.com')).toBe('wss://sync.example.com');
    expect(adminConsoleUrl('https://sync.example.com')).toBe('https://sync.example.com/admin');
  });
});
