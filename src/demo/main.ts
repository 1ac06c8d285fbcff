/** `npm run demo [-- --email alice@contoso.com] [-- --auth ntlm]` (through start.js): see run-demo.ts. */
import { demoEnvironment, parseDemoArguments } from './arguments';
import { runDemo } from './run-demo';

try {
  const env = demoEnvironment(parseDemoArguments(process.argv.slice(2)), process.env);
  runDemo(env, (text) => console.log(text)).catch((error: Error) => {
    console.error(`demo failed: ${error.name}: ${error.message}`);
    process.exitCode = 1;
  });
} catch (error) {
  console.error((error as Error).message);
  process.exitCode = 2;
}
