// Finding programs the way a shell would: on PATH, executable by us.
import { accessSync, constants } from 'node:fs';
import path from 'node:path';

export const isExecutable = (file: string) => {
  try {
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
};

/** The first executable called `command` in the PATH's folders, if any. */
export const findOnPath = (command: string, envPath = process.env.PATH ?? '') =>
  envPath
    .split(path.delimiter)
    .filter(Boolean)
    .map((dir) => path.join(dir, command))
    .find(isExecutable);
