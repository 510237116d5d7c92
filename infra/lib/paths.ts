import { resolve } from 'node:path';

/** The repository root (infra/lib → ../..). */
export const REPO_ROOT = resolve(import.meta.dirname, '../..');
export const LOCK_FILE = resolve(REPO_ROOT, 'package-lock.json');
