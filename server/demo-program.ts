// The demo program, imported (not read from disk) so bundlers such as Vite's config loader and
// the test runner get it without path juggling.
import demoJson from './programs/demo.json' with { type: 'json' };
import { checkProgramFile } from './program-check.js';
import type { ProgramFile } from './program.js';

export const demoProgram: ProgramFile = checkProgramFile(demoJson, 'server/programs/demo.json');
