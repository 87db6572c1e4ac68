import type { AppDeps } from '../env';

/** What an operation that touches event data needs: storage and the server's `Evidence`. */
export type OperationDeps = Pick<AppDeps, 'db' | 'evidence'>;
