import type { Command } from 'commander';
import type { TDatabase } from '../server/db/client.ts';

/** `import initiatives` and `export initiatives` (see README, CLI reference). */
export function registerInitiativeIoCommands(
  program: Command,
  withDatabase: <T>(work: (database: TDatabase) => Promise<T>) => Promise<T>,
): void {
  void program;
  void withDatabase;
}
