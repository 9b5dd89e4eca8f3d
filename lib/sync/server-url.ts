/** The sync server the options page offers first: the one `npm run server` starts. */
export const DEFAULT_SERVER_URL = 'http://127.0.0.1:8787';

export type ParsedServerUrl = { ok: true; url: string } | { ok: false; message: string };

/**
 * A server URL as the purchaser typed it, checked and normalized: http or https, no query or
 * fragment, no trailing slash, so that room and API paths can simply be appended.
 */
export function parseServerUrl(input: string): ParsedServerUrl {
  let url: URL;
  try {
    url = new URL(input.trim());
  } catch {
    return { ok: false, message: 'Enter the server’s address, like http://127.0.0.1:8787' };
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    return { ok: false, message: 'The server’s address starts with http:// or https://' };
  }
  if (url.search || url.hash || url.username || url.password) {
    return { ok: false, message: 'Enter only the server’s address, without ?, # or a user name' };
  }
  return { ok: true, url: `${url.origin}${url.pathname.replace(/\/+$/, '')}` };
}

/** The WebSocket address of a server: rooms are paths under it. */
export function socketUrl(serverUrl: string): string {
  return serverUrl.replace(/^http/, 'ws');
}

export function adminConsoleUrl(serverUrl: string): string {
  return `${serverUrl}/admin`;
}
