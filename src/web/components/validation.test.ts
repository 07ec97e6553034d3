import { describe, expect, it } from 'vitest';
import { commonMessages } from '../i18n/common-messages.js';
import { translateValidation } from './validation.js';

describe('translateValidation', () => {
  it('turns schema message keys into sentences in either language, with their number', () => {
    expect(translateValidation('validationRequired', commonMessages.ja)).toBe('入力してください。');
    expect(translateValidation('validationTooLong:100', commonMessages.ja)).toBe('100文字以内で入力してください。');
    expect(translateValidation('validationTooShort:12', commonMessages.en)).toBe('Use at least 12 characters.');
  });

  it('shows an unknown message as it is rather than hiding it', () => {
    expect(translateValidation('Something the library said', commonMessages.ja)).toBe('Something the library said');
  });
});
