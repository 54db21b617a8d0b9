export { createMemoryCareerStore } from '../../src/store/memory/memory-career-store';
