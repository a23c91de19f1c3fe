import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { webDist } from '../webapp/serve.ts';
import { initialJavaScript } from './bundle.test.ts';

describe('the citizen questionnaire page bundle', () => {
  it('is its own entry and loads at most 100 KB of gzipped JavaScript (citizens on slow phones)', () => {
    assert.ok(existsSync(`${webDist}/svar.html`), 'web/dist/svar.html is built by npm test\'s pretest (npm run build:web)');
    const js = initialJavaScript(webDist, 'svar.html');
    assert.ok(js.files.length >= 1, 'svar.html names its entry script');
    assert.ok(js.files.every((f) => !/\/main-/.test(f)), `the staff bundle is not loaded: ${js.files.join(', ')}`);
    console.log(`citizen page JavaScript: ${js.files.join(', ')}: ${(js.bytes / 1024).toFixed(1)} KB, ${(js.gzipBytes / 1024).toFixed(1)} KB gzipped`);
    assert.ok(js.gzipBytes <= 100 * 1024, `citizen page JS is ${(js.gzipBytes / 1024).toFixed(1)} KB gzipped`);
  });
});
