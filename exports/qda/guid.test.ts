import { describe, expect, it } from 'vitest';
import { stableGuid } from './guid.ts';

describe('stableGuid', () => {
  it('is a version-5-shaped GUID, the same for the same name and different otherwise', () => {
    const g = stableGuid('prog1', 'theme', 't1');
    expect(g).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(stableGuid('prog1', 'theme', 't1')).toBe(g);
    expect(stableGuid('prog1', 'note', 't1')).not.toBe(g);
    expect(stableGuid('prog2', 'theme', 't1')).not.toBe(g);
  });
});
