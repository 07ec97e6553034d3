import { describe, expect, it } from 'vitest';
import { safeRedirect } from './safe-redirect.js';

describe('safeRedirect', () => {
  it('keeps local paths with their query', () => {
    expect(safeRedirect('/organisation/users?page=2')).toBe('/organisation/users?page=2');
  });

  it('refuses other sites and loops back to sign-in', () => {
    expect(safeRedirect('//evil.example/')).toBe('/');
    expect(safeRedirect('/\\evil.example')).toBe('/');
    expect(safeRedirect('https://evil.example/')).toBe('/');
    expect(safeRedirect('/sign-in')).toBe('/');
    expect(safeRedirect(undefined)).toBe('/');
  });
});
