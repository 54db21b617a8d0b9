import type { CareerStore } from '../career-store';
import { createCareerStore } from '../career-store';
import { MemoryData, openMemoryStore } from './memory-document-store';

/** The real career store over in-memory documents: a fast, faithful fake for use-case tests. */
export function createMemoryCareerStore(data: MemoryData = new MemoryData()): CareerStore {
  return createCareerStore(openMemoryStore(data));
}
