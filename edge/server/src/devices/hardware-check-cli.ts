/** The command line of {@link hardwareCheck} (`npm run hardware:check`). */
import { hardwareCheck } from './hardware-check.js';

const out = hardwareCheck(process.argv.slice(2), process.env);
for (const line of out.lines) (out.status === 0 ? console.log : console.error)(line);
process.exitCode = out.status;
