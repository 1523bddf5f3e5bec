// Kept free of app imports so that light tools (backup, restore) start fast.

export class UsageError extends Error {}

/**
 * Runs a command-line tool's main function with the exit codes every tool here shares:
 * its own code on success, 2 for a usage error (printed with the usage line), 1 otherwise.
 * `explain` turns a known failure into a one-line message instead of a stack trace.
 */
export function runCli(main: () => Promise<number>, usage: string, explain: (e: unknown) => string | null = () => null): void {
  main().then(
    (code) => process.exit(code),
    (e: unknown) => {
      if (e instanceof UsageError) {
        console.error(`${e.message}\n${usage}`);
        process.exit(2);
      }
      console.error(explain(e) ?? e);
      process.exit(1);
    },
  );
}
