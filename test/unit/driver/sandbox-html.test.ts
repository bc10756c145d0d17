import * as assert from 'node:assert/strict';
import { buildContentSecurityPolicy, renderSandboxPage, WEBCONTAINER_FRAME_ORIGIN } from '../../../src/extension/sandbox/sandbox-html';

function directives(policy: string): Map<string, string> {
  return new Map(policy.split(';').map((part) => {
    const [name, ...values] = part.trim().split(/\s+/);
    return [name, values.join(' ')] as [string, string];
  }));
}

describe('sandbox page CSP', () => {
  it('allows only the nonce script and the StackBlitz frame in the webview', () => {
    const policy = directives(buildContentSecurityPolicy({ nonce: 'abc123', resourceSource: 'https://webview.example', transport: 'webview' }));

    assert.equal(policy.get('default-src'), "'none'");
    assert.equal(policy.get('script-src'), "'nonce-abc123'");
    assert.equal(policy.get('frame-src'), 'https://stackblitz.com');
    assert.equal(policy.get('connect-src'), "'none'");
    assert.equal(policy.get('base-uri'), "'none'");
    assert.equal(policy.get('style-src'), "https://webview.example 'unsafe-inline'");
  });

  it('lets the browser page connect to its own server only', () => {
    const policy = directives(buildContentSecurityPolicy({ nonce: 'n', resourceSource: "'self'", transport: 'browser' }));

    assert.equal(policy.get('connect-src'), "'self'");
    assert.equal(policy.get('frame-src'), WEBCONTAINER_FRAME_ORIGIN);
  });

  it('puts the nonce on the one script tag and escapes attributes', () => {
    const { html, contentSecurityPolicy } = renderSandboxPage({ nonce: 'n0nce', scriptUrl: 'sandbox.js?a="b"', styleUrl: 'sandbox.css', resourceSource: "'self'", transport: 'browser' });

    assert.equal((html.match(/<script/g) ?? []).length, 1);
    assert.match(html, /<script nonce="n0nce" src="sandbox\.js\?a=&quot;b&quot;"><\/script>/);
    assert.ok(html.includes(`content="${contentSecurityPolicy}"`));
    assert.match(html, /data-transport="browser"/);
  });
});
