import { ProgressPoll } from '../progress-poll';

/** A poll of 50 ms to 1 s whose first read, at 0 ms, found nothing done of a million. */
function pollFromStart(): ProgressPoll {
  const poll = new ProgressPoll(50, 1000);
  poll.next(0, 1_000_000, 0);
  return poll;
}

describe('ProgressPoll (when the rebuild reads the replay offsets next)', () => {
  it('reads again soon until a rate is seen', () => {
    const poll = new ProgressPoll(50);
    expect(poll.next(0, 1_000_000, 0)).toBe(50);
    // The first commit has not come yet: still nothing done.
    expect(poll.next(0, 1_000_000, 50)).toBe(50);
  });

  it('waits a quarter of the time the replay still needs at the rate seen, at most a second', () => {
    const poll = pollFromStart();
    // 10,000 events per second: 990,000 left is 99 s, far beyond the longest wait.
    expect(poll.next(10_000, 1_000_000, 1000)).toBe(1000);
    // 2 s left: half a second.
    expect(poll.next(980_000, 1_000_000, 98_000)).toBe(500);
    // 0.4 s left: a tenth of a second.
    expect(poll.next(996_000, 1_000_000, 99_600)).toBe(100);
  });

  it('reads at the shortest wait as the end nears, so the end is seen soon after it comes', () => {
    const poll = pollFromStart();
    expect(poll.next(999_990, 1_000_000, 100_000)).toBe(50);
  });
});
