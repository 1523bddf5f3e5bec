import { loadConfig } from './config.js';
import { bootstrap } from './bootstrap.js';
import { BankError } from './domain/bank/error.js';
import { createApp } from './web/app.js';
import { runRetention } from './services/privacy.js';

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
    throw e;
  }
  const { db, bank, demoUsers, sessionSecret } = booted;
  const app = createApp({ db, config, sessionSecret });
  // Retention: once at start, then daily; the timer never keeps a stopping process alive.
  const retention = () => {
    const r = runRetention(db, config.dataDir);
    if (r.anonymized.length) console.log(`Retention: ${r.anonymized.length} candidate(s) anonymized (${r.months} months after rejection)`);
  };
  retention();
  setInterval(retention, 24 * 3600 * 1000).unref();
  const server = app.listen(config.port, () => {
    const address = server.address();
    const port = typeof address === 'object' && address ? address.port : config.port;
    // One write, so whoever reads the output sees the URL and the login help together.
    const lines = [
      `KAM Hire is running at http://localhost:${port}`,
      `Database: ${config.dbFile}`,
      `Files and backups: ${config.dataDir}/files, ${config.dataDir}/backups (npm run backup)`,
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
  });

  const shutdown = (signal: string) => {
    console.log(`${signal}: finishing requests and closing the database`);
    server.close(() => {
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

await main();
