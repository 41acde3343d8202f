// The privacy module is the spine every other module classifies its columns with (and, later,
// records consents and disclosures in). It imports no other module.
export { classifyTable, notPersonal } from './inventory.ts'
export type { ColumnClass, ColumnInventory, DataCategory, ErasureRule, TableInventory } from './inventory.ts'
export { purposes } from './purposes.ts'
export type { Purpose, PurposeDefinition } from './purposes.ts'
