import { UsageError } from '../errors.js';

/** What an errno means to someone choosing an output folder. */
const REASONS: Readonly<Record<string, string>> = {
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  EROFS: 'read-only file system',
  ENOTDIR: 'a part of the path is a file, not a folder',
  EEXIST: 'something else already exists there',
  EISDIR: 'it is a folder, not a file',
  ENOSPC: 'no space left on the device',
  EDQUOT: 'disk quota exceeded',
  ENAMETOOLONG: 'the path is too long',
  ELOOP: 'too many symbolic links in the path',
  EBUSY: 'the path is busy (a mount point?)',
  EXDEV: 'the path crosses file systems',
  ENOTEMPTY: 'the folder is not empty',
  ENOENT: 'it does not exist',
  EINVAL: 'invalid path',
};

/**
 * Runs one file-system operation of the writer; an environment problem (permissions, a file where a
 * folder should be, a full disk) becomes a usage error naming the path, not "internal error: EACCES".
 */
export function fsDo<T>(action: string, path: string, f: () => T): T {
  try {
    return f();
  } catch (err) {
    throw asUsageError(err, action, path);
  }
}

export function asUsageError(err: unknown, action: string, path: string): unknown {
  const code = (err as NodeJS.ErrnoException | undefined)?.code;
  if (err instanceof UsageError || code === undefined || !(code in REASONS)) return err;
  return new UsageError(
    `Unexpected ${code} (${REASONS[code]}) while ${action} ${path}, expected a folder monspec can write to: fix its permissions or choose another --out / --ops-docs`,
  );
}
