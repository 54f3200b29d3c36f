// Ink frames without colour codes, for assertions on what a person reads.
export const plain = (frame: string | undefined): string => (frame ?? '').replace(/\x1b\[[0-9;]*m/g, '');
