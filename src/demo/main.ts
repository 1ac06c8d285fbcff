/** `npm run demo` (through start.js): see run-demo.ts. */
import { runDemo } from './run-demo';

runDemo(process.env, (text) => console.log(text)).catch((error: Error) => {
  console.error(`demo failed: ${error.name}: ${error.message}`);
  process.exitCode = 1;
});
