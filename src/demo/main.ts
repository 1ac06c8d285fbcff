/** `npm run demo [-- --email alice@contoso.com]` (through start.js): see run-demo.ts. */
import { runDemo } from './run-demo';

const emailFlag = process.argv.indexOf('--email');
const env = emailFlag >= 0 ? { ...process.env, DEMO_EMAIL: process.argv[emailFlag + 1] ?? '' } : process.env;

runDemo(env, (text) => console.log(text)).catch((error: Error) => {
  console.error(`demo failed: ${error.name}: ${error.message}`);
  process.exitCode = 1;
});
