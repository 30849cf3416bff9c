/**
 * Who may upload now: one upload at a time per user (a second one meanwhile is a 429 with
 * Retry-After), and at most `maxConcurrentParses` workbook parses across the server, the others
 * waiting in a short queue (beyond it, 429). In memory: one process serves the app.
 */
import { createMiddleware } from 'hono/factory';
import type { TAppEnv } from '../context.ts';
import { tooManyRequests } from '../http/problem.ts';
import { UPLOAD_LIMITS } from './limits.ts';

const uploading = new Set<string>();

/**
 * Route middleware for upload routes: holds the user's slot for the whole request, body
 * included. Anonymous requests pass through (the app refuses them with 401 anyway).
 * @example middleware: [uploadGate, bodyLimit(…)] as const
 */
export const uploadGate = createMiddleware<TAppEnv>(async (c, next) => {
  const userId = c.get('actor')?.userId;
  if (!userId) return next();
  if (uploading.has(userId))
    throw tooManyRequests(
      'Another upload of yours is still being read: wait for it to finish, then try again.',
      UPLOAD_LIMITS.retryAfterSeconds,
    );
  uploading.add(userId);
  try {
    await next();
  } finally {
    uploading.delete(userId);
  }
});

/** A counting semaphore with a bounded queue. */
export class ParseSlots {
  private active = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(
    private readonly size: number,
    private readonly maxQueued: number,
  ) {}

  /**
   * Runs `task` when a slot is free.
   * @throws 429 when every slot is taken and the queue is full.
   */
  async run<T>(task: () => Promise<T>): Promise<T> {
    if (this.active >= this.size) {
      if (this.waiting.length >= this.maxQueued)
        throw tooManyRequests(
          'The server is reading other files right now: try again in a few seconds.',
          UPLOAD_LIMITS.retryAfterSeconds,
        );
      await new Promise<void>((resolve) => this.waiting.push(resolve));
    } else {
      this.active += 1;
    }
    try {
      return await task();
    } finally {
      const next = this.waiting.shift();
      // The slot passes to the next waiter as is; only without one does the count go down.
      if (next) next();
      else this.active -= 1;
    }
  }

  get stats(): { active: number; waiting: number } {
    return { active: this.active, waiting: this.waiting.length };
  }
}

/** The server's workbook parses. */
export const parseSlots = new ParseSlots(UPLOAD_LIMITS.maxConcurrentParses, UPLOAD_LIMITS.maxQueuedParses);
