// Types of scripts/contract-docs.mjs, for the test that imports it.
export const TABLE_START: string;
export const TABLE_END: string;
export function errorKindsTable(problemsTs: string, outputProblemsTs: string): string;
export function withErrorKinds(page: string, table: string): string;
export function schemaText(schema: unknown): string;
export function writeContract(root: string): Promise<void>;
