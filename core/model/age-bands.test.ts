import { describe, expect, it } from 'vitest';
import { OPEN_AGE_END, ageBandYears } from './age-bands.ts';

describe('ageBandYears', () => {
  it('reads a band from its id or its label', () => {
    expect(ageBandYears({ id: '25-49', label: '25-49' })).toEqual([25, 49]);
    expect(ageBandYears({ id: 'middle', label: '50 to 64' })).toEqual([50, 64]);
    expect(ageBandYears({ id: '80-plus', label: '80 and over' })).toEqual([80, OPEN_AGE_END]);
    expect(ageBandYears({ id: 'older', label: '65+' })).toEqual([65, OPEN_AGE_END]);
    expect(ageBandYears({ id: 'under-18', label: 'Under 18' })).toEqual([0, 17]);
  });

  it('guesses nothing from answers that are not ranges of ages', () => {
    expect(ageBandYears({ id: 'young', label: 'Young adult' })).toBeNull();
    expect(ageBandYears({ id: 'backwards', label: '64-50' })).toBeNull();
    expect(ageBandYears({ id: 'none', label: 'Under 0' })).toBeNull();
  });
});
