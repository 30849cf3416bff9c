import { describe, expect, it } from 'vitest';
import { ParseSlots } from './gate.ts';

describe('ParseSlots', () => {
  it('runs at most `size` tasks at once, queues a few, refuses the rest with 429 and Retry-After', async () => {
    const slots = new ParseSlots(2, 1);
    let running = 0;
    let most = 0;
    const releases: (() => void)[] = [];
    const task = () =>
      new Promise<string>((resolve) => {
        running += 1;
        most = Math.max(most, running);
        releases.push(() => {
          running -= 1;
          resolve('done');
        });
      });
    const first = slots.run(task);
    const second = slots.run(task);
    const queued = slots.run(task);
    expect(slots.stats).toEqual({ active: 2, waiting: 1 });
    const refused = await slots.run(task).catch((e: unknown) => e);
    expect(refused).toMatchObject({ status: 429, extensions: { retryAfterSeconds: 5 } });
    releases.shift()?.();
    await first;
    // The waiting task took the freed slot.
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(slots.stats).toEqual({ active: 2, waiting: 0 });
    releases.shift()?.();
    releases.shift()?.();
    await expect(Promise.all([second, queued])).resolves.toEqual(['done', 'done']);
    expect(most).toBe(2);
    expect(slots.stats).toEqual({ active: 0, waiting: 0 });
  });

  it('frees the slot of a task that fails', async () => {
    const slots = new ParseSlots(1, 0);
    await expect(slots.run(() => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    await expect(slots.run(async () => 'next')).resolves.toBe('next');
  });
});
