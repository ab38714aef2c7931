// Reads a JSON input file for a CLI command; every failure becomes one message that names the file (and, for bad
// JSON, the line and column), so the command can print it and exit with code 2.
import { readFile } from 'node:fs/promises';
import type { Translator } from '../i18n/index.js';

export class InputFileError extends Error {
  override name = 'InputFileError';
}

export async function readJsonFile(file: string, t: Translator): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new InputFileError(t('check.file.missing', { file }));
    throw new InputFileError(t('check.file.unreadable', { file, reason: code ?? String(error) }));
  }
  // Editors on Windows may save UTF-8 with a byte-order mark, which JSON.parse rejects.
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    const position = /at position (\d+)/.exec(reason);
    if (!position) throw new InputFileError(t('check.file.badJson', { file, reason }));
    const before = text.slice(0, Number(position[1]));
    const line = before.split('\n').length;
    const column = before.length - before.lastIndexOf('\n');
    throw new InputFileError(t('check.file.badJsonAt', { file, line, column, reason }));
  }
}
