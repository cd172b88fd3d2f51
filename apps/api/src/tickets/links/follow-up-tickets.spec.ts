import { closedBeyondWindow } from './follow-up-tickets.js';

describe('closedBeyondWindow', () => {
  const now = Date.UTC(2026, 10, 29, 12);
  const daysAgo = (d: number) => new Date(now - d * 86_400_000);

  it('keeps a ticket closed within the window reopenable and sends older ones to a follow-up', () => {
    expect(closedBeyondWindow(daysAgo(1), 7, now)).toBe(false);
    expect(closedBeyondWindow(daysAgo(6.99), 7, now)).toBe(false);
    expect(closedBeyondWindow(daysAgo(7.01), 7, now)).toBe(true);
    expect(closedBeyondWindow(daysAgo(30), 7, now)).toBe(true);
  });

  it('with a window of 0 every reply to a closed ticket opens a follow-up', () => {
    expect(closedBeyondWindow(new Date(now - 1000), 0, now)).toBe(true);
  });
});
