import { loadConfig } from './config.js';
import { bootstrap } from './bootstrap.js';
import { BankError } from './domain/bank/error.js';
import { createApp } from './web/app.js';
import { DataDirError } from './storage/private.js';
import { jobScheduler } from './services/jobs.js';
import { startMailDelivery, transportFor } from './services/mail-sender.js';
import { createRepos } from './db/repos.js';

/** The periodic jobs first run this long after the server starts listening. */
const JOBS_AFTER_START_MS = 5_000;

async function main() {
  const config = loadConfig();
  let booted: Awaited<ReturnType<typeof bootstrap>>;
  try {
    booted = await bootstrap(config);
  } catch (e) {
    if (e instanceof BankError) {
      console.error(`Cannot start: question bank error in ${e.message}`);
      process.exit(1);
    }
    if (e instanceof DataDirError) {
      console.error(e.message);
      process.exit(1);
    }
    throw e;
  }
  const { db, bank, demoUsers, sessionSecret } = booted;
  // One set of prepared statements for the pages, the jobs and the mail loop.
  const repos = createRepos(db);
  const app = createApp({ db, config, sessionSecret, repos });
  // Periodic jobs (retention, consent erasure, reminders): at start, then on their schedule; with
  // two processes on one database each run happens once (services/scheduler.ts).
  // Started after the server listens, so a first run with much to do (years of history to erase) never delays it.
  const scheduler = jobScheduler(db, config, (line) => console.log(line), {}, repos);
  // Outgoing mail: a delivery pass every few seconds (SMTP, or .eml files under DATA_DIR/outbox without SMTP_URL).
  const transport = transportFor(config);
  const mail = startMailDelivery(repos, transport, {
    from: config.mailFrom,
    onError: (e) => console.error('Mail delivery pass failed:', e),
  });
  const server = app.listen(config.port, (error?: Error) => {
    // Express 5 hands a failed listen (the port taken, say) to this callback: say so and stop, rather than claim to run.
    if (error) {
      console.error(`Cannot listen on port ${config.port}: ${error.message}`);
      process.exit(1);
    }
    const address = server.address();
    const port = typeof address === 'object' && address ? address.port : config.port;
    // One write, so whoever reads the output sees the URL and the login help together.
    const lines = [
      `KAM Hire is running at http://localhost:${port}`,
      `Database: ${config.dbFile}`,
      `Files and backups: ${config.dataDir}/files, ${config.dataDir}/backups (npm run backup)`,
      `Mail: ${config.smtpUrl ? `SMTP ${transport.describe}` : `no SMTP_URL, messages kept in the outbox and written to ${config.dataDir}/outbox`}`,
      `Question banks: ${bank.added} added, ${bank.updated} updated, ${bank.retired} retired, ${bank.unchanged} unchanged`,
    ];
    if (demoUsers) {
      lines.push(`Demo users: ${demoUsers.usernames.join(', ')}`);
      lines.push(
        demoUsers.generated
          ? `Their password (shown only this once): ${demoUsers.password}`
          : 'Their password is the value of DEMO_PASSWORD.',
      );
    } else {
      lines.push('Log in with your account (the demo users admin, hr, interviewer and head were created on the first start).');
    }
    console.log(lines.join('\n'));
    // A few seconds later: the first requests after a start (a deploy, a restart) are not kept waiting for them.
    setTimeout(() => scheduler.start(), JOBS_AFTER_START_MS).unref();
  });

  const shutdown = (signal: string) => {
    console.log(`${signal}: finishing requests and closing the database`);
    void scheduler.stop();
    // A delivery pass under way records its outcome before the database closes (else its rows wait out the lease).
    const mailStopped = mail.stop();
    server.close(async () => {
      await mailStopped;
      app.close();
      db.close();
      process.exit(0);
    });
    // Keep-alive connections could hold the process open forever.
    setTimeout(() => process.exit(0), 5000).unref();
    server.closeIdleConnections();
  };
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  process.on('SIGINT', () => shutdown('SIGINT'));
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
