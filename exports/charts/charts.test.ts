import { describe, expect, it } from 'vitest';
import { attendanceBySession, tallyDemographics } from '../../core/analysis/index.ts';
import { makeFixtureSnapshot } from '../../core/analysis/fixture-snapshot.ts';
import { attendanceChart, demographicCharts } from './index.ts';

describe('charts', () => {
  const snapshot = makeFixtureSnapshot();

  it('draws a bar per answer labelled with count and percent, with a title and description', () => {
    const [gender] = demographicCharts(tallyDemographics(snapshot));
    expect(gender?.svg).toContain('<title id="t">Gender (n = 5)</title>');
    expect(gender?.svg.match(/<rect [^>]*fill="#0b5c8a"/g)).toHaveLength(3);
    for (const label of ['3 (60%)', '1 (20%)', 'Prefer not to say'])
      expect(gender?.svg).toContain(label);
    expect(gender?.alt).toContain('Woman 3 (60%)');
  });

  it('draws registered and attended side by side for each session, with a legend', () => {
    const chart = attendanceChart(attendanceBySession(snapshot));
    expect(chart.svg.match(/<rect [^>]*height="22"/g)).toHaveLength(4);
    expect(chart.svg).toContain('>Registered</text>');
    expect(chart.alt).toContain('Focus group 2: parents and carers: 8 registered, 2 attended');
  });
});
