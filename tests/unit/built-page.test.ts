import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../electron/core/security/csp';

// Reads the build (npm test builds before the unit tests).
describe('the built page', () => {
  it('carries the same CSP as the hosts send (minus frame-ancestors, which meta tags ignore)', () => {
    const html = readFileSync(join(import.meta.dirname, '../../out/renderer/index.html'), 'utf8');
    const meta = /http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html)?.[1];
    expect(meta).toBe(CONTENT_SECURITY_POLICY.replace("; frame-ancestors 'none'", ''));
    expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/); // no inline script
    expect(html).not.toMatch(/\sstyle=/);
  });
});
