import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json; charset=utf-8',
};

/** Host headers that can go into a CSP source unescaped; anything else gets 'self' only. */
const PLAIN_HOST = /^[a-z0-9.-]+(:\d{1,5})?$|^\[[0-9a-f:.]+\](:\d{1,5})?$/i;

/**
 * The page may load only its own files and open WebSockets back to the host it came from (the
 * summary room). `'self'` covers ws: only in newer browsers, so the socket origin is named too.
 */
function securityHeaders(host: string | undefined): Record<string, string> {
  const socket = host && PLAIN_HOST.test(host) ? ` ws://${host} wss://${host}` : '';
  return {
    'Content-Security-Policy': `default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'${socket}; base-uri 'none'; form-action 'none'; frame-ancestors 'none'`,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
  };
}

/**
 * Serves the built admin console (`npm run build:admin` → .output/admin) under /admin. Files in
 * assets/ have content hashes in their names and are cached for good; the page itself is
 * revalidated so a rebuild shows at the next load.
 */
export async function serveAdminFiles(req: IncomingMessage, res: ServerResponse, dir: string, path: string): Promise<void> {
  const headers = securityHeaders(req.headers.host);
  const missing = (status: number, text: string) => {
    res.writeHead(status, { ...headers, 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' });
    res.end(text);
  };
  const relative = path === '/admin' || path === '/admin/' ? 'index.html' : decodedOrUndefined(path.slice('/admin/'.length));
  const file = relative === undefined ? undefined : normalize(join(dir, relative));
  if (relative === undefined || !file?.startsWith(dir + sep)) return missing(404, 'Not found');
  const info = await stat(file).catch(() => undefined);
  if (!info?.isFile()) {
    if (relative === 'index.html') return missing(503, 'The admin console is not built yet: run npm run build:admin, then reload.');
    return missing(404, 'Not found');
  }
  res.writeHead(200, {
    ...headers,
    'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream',
    'Content-Length': info.size,
    'Cache-Control': relative.startsWith('assets/') ? 'public, max-age=31536000, immutable' : 'no-cache',
  });
  if (req.method === 'HEAD') return void res.end();
  createReadStream(file).pipe(res);
}

function decodedOrUndefined(part: string): string | undefined {
  try {
    return decodeURIComponent(part);
  } catch {
    return undefined;
  }
}
