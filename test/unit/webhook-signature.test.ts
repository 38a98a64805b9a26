// The webhook signature: Stripe's scheme (t=…,v1=HMAC-SHA256 over "<t>.<body>"), checked against an HMAC computed
// here independently, and the receiver's verification refusing a changed body, another secret and an old timestamp.
import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { signWebhook, verifyWebhook } from '../../integrations/webhook-signature.js';

const body = JSON.stringify({ id: 'evt_1', event: 'training.completed', data: { train_id: 7 } });
const secret = 'whsec_abc';

describe('webhook signature', () => {
  it('is t=<timestamp>,v1=<hex HMAC-SHA256 of "<t>.<body>">', () => {
    const expected = createHmac('sha256', secret).update(`1700000000.${body}`).digest('hex');
    expect(signWebhook(secret, body, 1_700_000_000)).toBe(`t=1700000000,v1=${expected}`);
  });

  it('verifies its own signature within the tolerance', () => {
    const header = signWebhook(secret, body, 1_700_000_000);
    expect(verifyWebhook(secret, body, header, 1_700_000_100)).toBe(true);
  });

  it('refuses a changed body, another secret, a stale timestamp and garbage', () => {
    const header = signWebhook(secret, body, 1_700_000_000);
    expect(verifyWebhook(secret, `${body} `, header, 1_700_000_000)).toBe(false);
    expect(verifyWebhook('whsec_other', body, header, 1_700_000_000)).toBe(false);
    expect(verifyWebhook(secret, body, header, 1_700_000_000 + 301)).toBe(false);
    // A timestamp changed without re-signing does not verify either.
    expect(verifyWebhook(secret, body, header.replace('t=1700000000', 't=1700000050'), 1_700_000_050)).toBe(false);
    expect(verifyWebhook(secret, body, 'v1=zz', 1_700_000_000)).toBe(false);
    expect(verifyWebhook(secret, body, '', 1_700_000_000)).toBe(false);
  });
});
