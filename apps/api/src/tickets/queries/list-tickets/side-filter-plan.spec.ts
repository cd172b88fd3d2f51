import { continueProbing, probeThreshold, probeWindow, SideFilterSizes, sideStrategy } from './side-filter-plan.js';

describe('side filter plan', () => {
  it('probes once matches pass sqrt((cap + 1) x tickets)', () => {
    expect(probeThreshold(1_000_000, 1000)).toBe(31_639);
    expect(probeThreshold(10_000, 1000)).toBe(3_164);
    expect(probeThreshold(0, 1000)).toBe(32);
  });

  it('drives from the side table up to the threshold and probes past it', () => {
    expect(sideStrategy(50_000, 31_639)).toBe('probe');
    expect(sideStrategy(31_640, 31_639)).toBe('probe');
    expect(sideStrategy(31_639, 31_639)).toBe('driving');
    expect(sideStrategy(0, 31_639)).toBe('driving');
  });
});

describe('bounded probe', () => {
  const side = (matches: number) => ({ table: 'ticket_tags' as const, match: 'tag_id = 1', matches, strategy: 'probe' as const });

  it('looks at four times the rows the rarest filter needs on average, within 1,000 and 50,000', () => {
    expect(probeWindow([side(31_640)], 1_000_000, 26)).toBe(3_287);
    expect(probeWindow([side(31_640), side(200_000)], 1_000_000, 26)).toBe(3_287);
    expect(probeWindow([side(5_000)], 10_000, 26)).toBe(1_000);
    expect(probeWindow([side(100)], 1_000_000, 101)).toBe(50_000);
  });

  it('keeps walking when the rest looks cheaper than driving, and drives when the window found nothing', () => {
    expect(continueProbing(0, 26, 3_287, [side(31_640)])).toBe(false);
    expect(continueProbing(10, 26, 3_287, [side(31_640)])).toBe(true);
    expect(continueProbing(1, 26, 3_287, [side(31_640)])).toBe(false);
  });
});

describe('side filter sizes', () => {
  it('counts once per key within the minute, and again after it', async () => {
    const sizes = new SideFilterSizes(60_000, 2);
    let counted = 0;
    const count = async () => ++counted;
    expect(await sizes.get('a', count, 0)).toBe(1);
    expect(await sizes.get('a', count, 59_999)).toBe(1);
    expect(await sizes.get('a', count, 60_000)).toBe(2);
    await sizes.get('b', count, 60_000);
    await sizes.get('c', count, 60_000); // over the limit: the oldest key goes
    expect(await sizes.get('a', count, 60_001)).toBe(5);
  });
});
