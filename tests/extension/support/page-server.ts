/**
 * A tiny static server on 127.0.0.1 for the editor pages: the pages themselves, the editors'
 * files from node_modules (no CDN), and esbuild bundles for editors that ship bare imports.
 * It records every form submission so tests can check what was sent, byte for byte.
 */
import { build } from 'esbuild';
import { createServer, type Server } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';
import type { AddressInfo } from 'node:net';

const ROOT = resolve(import.meta.dirname, '../../..');
const PAGES = join(ROOT, 'tests/extension/pages');
const MODULES = join(ROOT, 'node_modules');
const SERVED_PACKAGES = ['tinymce', 'ckeditor5', 'quill', 'prosemirror-view'];

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.woff2': 'font/woff2',
};

export interface PageServer {
  origin: string;
  /** Bodies of POST /submit, decoded form fields. */
  submissions: Record<string, string>[];
  close(): Promise<void>;
}

export async function startPageServer(): Promise<PageServer> {
  const bundles = new Map<string, Promise<string>>();
  const submissions: Record<string, string>[] = [];
  const server: Server = createServer((req, res) => {
    void (async () => {
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      const path = decodeURIComponent(url.pathname);
      if (req.method === 'POST' && path === '/submit') {
        const chunks: Buffer[] = [];
        for await (const chunk of req) chunks.push(chunk as Buffer);
        submissions.push(Object.fromEntries(new URLSearchParams(Buffer.concat(chunks).toString('utf8'))));
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end('<!doctype html><title>Sent</title><p id="sent">Sent</p>');
        return;
      }
      let file: string | null = null;
      if (path.startsWith('/pages/')) file = join(PAGES, normalize(path.slice('/pages/'.length)));
      else if (path.startsWith('/node_modules/')) {
        const rest = normalize(path.slice('/node_modules/'.length));
        if (SERVED_PACKAGES.some((p) => rest.startsWith(`${p}/`))) file = join(MODULES, rest);
      } else if (path.startsWith('/bundles/') && path.endsWith('.js')) {
        const name = path.slice('/bundles/'.length, -'.js'.length);
        if (/^[a-z-]+$/.test(name)) {
          if (!bundles.has(name)) bundles.set(name, bundle(join(PAGES, `${name}.ts`)));
          res.writeHead(200, { 'content-type': TYPES['.js']! }).end(await bundles.get(name));
          return;
        }
      }
      if (!file || !(file.startsWith(PAGES) || file.startsWith(MODULES))) {
        res.writeHead(404).end();
        return;
      }
      try {
        const body = await readFile(file);
        res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' }).end(body);
      } catch {
        res.writeHead(404).end();
      }
    })().catch((error: unknown) => {
      res.writeHead(500).end(String(error));
    });
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    submissions,
    close: () =>
      new Promise((done) => {
        server.closeAllConnections();
        server.close(() => done());
      }),
  };
}

async function bundle(entry: string): Promise<string> {
  const result = await build({ entryPoints: [entry], bundle: true, write: false, format: 'iife', target: 'es2022', logLevel: 'silent', define: { 'process.env.NODE_ENV': '"development"' } });
  return result.outputFiles[0]!.text;
}
