import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { webDist } from '../webapp/serve.ts';

/** The JavaScript a page loads before it can show anything: the entry script and its preloads. */
export function initialJavaScript(dist = webDist, page = 'index.html'): { files: string[]; bytes: number; gzipBytes: number } {
  const html = readFileSync(`${dist}/${page}`, 'utf8');
  const files = [...html.matchAll(/<(?:script[^>]+src|link[^>]+rel="modulepreload"[^>]+href)="\/([^"]+\.js)"/g)].map((m) => m[1]!);
  let bytes = 0;
  let gzipBytes = 0;
  for (const f of files) {
    const content = readFileSync(`${dist}/${f}`);
    bytes += content.length;
    gzipBytes += gzipSync(content, { level: 9 }).length;
  }
  return { files, bytes, gzipBytes };
}

describe('the web app bundle', () => {
  it('loads at most 300 KB of gzipped JavaScript before a staff page shows', () => {
    assert.ok(existsSync(`${webDist}/index.html`), 'web/dist is built by npm test\'s pretest (npm run build:web)');
    const js = initialJavaScript();
    assert.ok(js.files.length >= 1, 'index.html names its entry script');
    assert.ok(js.gzipBytes <= 300 * 1024, `initial JS is ${(js.gzipBytes / 1024).toFixed(1)} KB gzipped`);
  });
});
