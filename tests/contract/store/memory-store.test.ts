import { MemoryData, openMemoryStore } from '../../../src/store/memory/memory-document-store';
import { describeCareerStoreContract } from './career-store.contract';
import { describeDocumentStoreContract } from './document-store.contract';

describeDocumentStoreContract(
  'memory',
  () => {
    const data = new MemoryData();
    return Promise.resolve({
      store: openMemoryStore(data),
      openTwin: () => Promise.resolve(openMemoryStore(data)),
    });
  },
  { twins: true },
);

describeCareerStoreContract('memory', () => Promise.resolve(openMemoryStore()));
