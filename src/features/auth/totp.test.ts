import { generate } from 'otplib';
import { describe, expect, it } from 'vitest';
import { checkTotp, newTotpSecret, totpEnrolment } from './totp.js';

const now = new Date('2026-04-01T09:00:10Z');
const seconds = (date: Date) => Math.floor(date.getTime() / 1000);
const stepOf = (date: Date) => Math.floor(seconds(date) / 30);
const codeAt = (secret: string, date: Date) => generate({ secret, epoch: seconds(date) });

describe('checkTotp (RFC 6238, 30 s steps)', () => {
  it('accepts the current code and returns its time step', async () => {
    const secret = newTotpSecret();
    expect(await checkTotp(secret, await codeAt(secret, now), now, null)).toBe(stepOf(now));
  });

  it('refuses a wrong code, and anything that is not six digits', async () => {
    const secret = newTotpSecret();
    const right = await codeAt(secret, now);
    const wrong = String((Number(right) + 1) % 1_000_000).padStart(6, '0');
    expect(await checkTotp(secret, wrong, now, null)).toBeNull();
    for (const bad of ['', '12345', '1234567', 'abcdef', ` ${right}`, `${right}\n`]) {
      expect(await checkTotp(secret, bad, now, null)).toBeNull();
    }
  });

  it('refuses the code of another secret', async () => {
    const secret = newTotpSecret();
    const other = newTotpSecret();
    expect(secret).not.toBe(other);
    expect(await checkTotp(secret, await codeAt(other, now), now, null)).toBeNull();
  });

  it('accepts one step of clock drift either way, but not two', async () => {
    const secret = newTotpSecret();
    const at = (offsetSeconds: number) => new Date(now.getTime() + offsetSeconds * 1000);
    expect(await checkTotp(secret, await codeAt(secret, at(-30)), now, null)).toBe(stepOf(now) - 1);
    expect(await checkTotp(secret, await codeAt(secret, at(30)), now, null)).toBe(stepOf(now) + 1);
    expect(await checkTotp(secret, await codeAt(secret, at(-90)), now, null)).toBeNull();
    expect(await checkTotp(secret, await codeAt(secret, at(90)), now, null)).toBeNull();
  });

  it('refuses a replay: a code whose step is at or before afterStep', async () => {
    const secret = newTotpSecret();
    const code = await codeAt(secret, now);
    const step = await checkTotp(secret, code, now, null);
    expect(step).toBe(stepOf(now));
    // The same code again, a few seconds later within the same step: refused.
    expect(await checkTotp(secret, code, new Date(now.getTime() + 5000), step)).toBeNull();
    // The previous step's code (still within drift) is refused too once a later step was used.
    expect(await checkTotp(secret, await codeAt(secret, new Date(now.getTime() - 30_000)), now, step)).toBeNull();
    // The next step's code is fresh and accepted.
    const later = new Date(now.getTime() + 30_000);
    expect(await checkTotp(secret, await codeAt(secret, later), later, step)).toBe(stepOf(now) + 1);
  });

  it('accepts a code after an older step was used', async () => {
    const secret = newTotpSecret();
    expect(await checkTotp(secret, await codeAt(secret, now), now, stepOf(now) - 1)).toBe(stepOf(now));
  });
});

describe('totpEnrolment', () => {
  it('gives an otpauth URI with the secret, issuer and label, and an SVG QR code', async () => {
    const secret = newTotpSecret();
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    const { otpauthUri, qrSvg } = await totpEnrolment(secret, 'tanaka', 'Bansho 新宿区');
    const uri = new URL(otpauthUri);
    expect(uri.protocol).toBe('otpauth:');
    expect(uri.searchParams.get('secret')).toBe(secret);
    expect(uri.searchParams.get('issuer')).toBe('Bansho 新宿区');
    expect(decodeURIComponent(uri.pathname)).toContain('tanaka');
    expect(qrSvg.startsWith('<svg')).toBe(true);
  });
});
