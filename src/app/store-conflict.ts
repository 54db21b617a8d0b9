/** Whether a store write was refused because someone else wrote first (any adapter). */
export function isStoreConflict(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const code = (error as { code?: unknown }).code;
  return error.name === 'RevisionConflictError' || error.name === 'StoreConflictError' || code === 'conflict';
}
