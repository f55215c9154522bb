import { describe, expect, it } from 'vitest';
import { newId } from '../src/domain/crypto.ts';
import { neutralize } from '../src/domain/exportTable.ts';

describe('record ids', () => {
  it('are 16 letters and digits, so the export never has to alter one', () => {
    const ids = Array.from({ length: 5000 }, newId);
    for (const id of ids) {
      expect(id).toMatch(/^[A-Za-z0-9]{16}$/);
      expect(neutralize(id)).toBe(id);
    }
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('use every character of the alphabet in the first position', () => {
    const first = new Set(Array.from({ length: 5000 }, () => newId()[0]));
    expect(first.size).toBe(62);
  });
});
