// Reads a program file from disk (Node only; the app itself takes the parsed object).
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { checkProgramFile } from './program-check.js';
import type { ProgramFile } from './program.js';

/** The demo program shipped with the server. */
export const demoProgramPath = fileURLToPath(new URL('./programs/demo.json', import.meta.url));
export const spendTiersProgramPath = fileURLToPath(new URL('./programs/spend-tiers.json', import.meta.url));

export async function loadProgramFile(path: string): Promise<ProgramFile> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw new Error(`Cannot read the program file ${path}: ${(error as Error).message}`, { cause: error });
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new Error(`The program file ${path} is not valid JSON: ${(error as Error).message}`, { cause: error });
  }
  return checkProgramFile(json, path);
}
