import { monotonicFactory } from 'ulid';

export interface IdGenerator {
  next(): string;
}

const monotonic = monotonicFactory();

/** ULIDs: sortable by creation time, unique across processes. */
export const ulidGenerator: IdGenerator = { next: () => monotonic() };
