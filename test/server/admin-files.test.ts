import { mkdirSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { serveAdminFiles } from '../../server/admin-files';
import { tempDataDir } from './harness';

let data: ReturnType<typeof tempDataDir>;
let server: Server;
let base: string;

async function serve(dir: string): Promise<void> {
  server = createServer((req, res) => void serveAdminFiles(req, res, dir, new URL(req.url!, 'http://x').pathname));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

beforeEach(() => {
  data = tempDataDir();
});
afterEach(async () => {
  await new Promise((resolve) => server.close(resolve));
  data.remove();
});

describe('serveAdminFiles', () => {
  it('serves the page revalidated and hashed assets for good, with the security headers', async () => {
    mkdirSync(join(data.dir, 'assets'));
    writeFileSync(join(data.dir, 'index.html'), '<!doctype html>');
    writeFileSync(join(data.dir, 'assets', 'index-abc.js'), 'export {};');
    await serve(data.dir);

    for (const path of ['/admin', '/admin/']) {
      const page = await fetch(base + path);
      expect(page.status).toBe(200);
      expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
      expect(page.headers.get('cache-control')).toBe('no-cache');
      expect(page.headers.get('x-content-type-options')).toBe('nosniff');
      expect(page.headers.get('content-security-policy')).toMatch(/default-src 'none'; script-src 'self'.*connect-src 'self' ws:\/\/127\.0\.0\.1:\d+ wss:\/\/127\.0\.0\.1:\d+.*frame-ancestors 'none'/);
      expect(await page.text()).toBe('<!doctype html>');
    }
    const script = await fetch(`${base}/admin/assets/index-abc.js`);
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(script.headers.get('cache-control')).toContain('immutable');
    expect((await fetch(`${base}/admin/assets/index-abc.js`, { method: 'HEAD' })).headers.get('content-length')).toBe('10');
  });

  it('refuses paths outside the build, missing files and broken escapes', async () => {
    const built = join(data.dir, 'admin');
    mkdirSync(join(built, 'assets'), { recursive: true });
    writeFileSync(join(built, 'index.html'), '<!doctype html>');
    writeFileSync(join(data.dir, 'secret'), 'no');
    await serve(built);
    for (const path of ['/admin/..%2fsecret', '/admin/..%5csecret', '/admin/assets', '/admin/nope.js', '/admin/%E0%A4%A']) {
      expect((await fetch(base + path)).status, path).toBe(404);
    }
  });

  it('says how to build the console when it is not built', async () => {
    await serve(join(data.dir, 'admin'));
    const page = await fetch(`${base}/admin/`);
    expect(page.status).toBe(503);
    expect(await page.text()).toContain('npm run build:admin');
  });
});
