// Pure: what the export (x) writes: the table's sessions in its order, and the formats it offers.

import type { Session } from '../src/domain/session.js';
import type { TableModel } from './render/table-rows.js';

/** The formats the export offers, in the dialog's order. */
export const EXPORT_FORMATS = ['csv', 'json', 'md'] as const;

/** One export format. */
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** The export dialog: the highlighted format and the folder the file goes to. */
export interface ExportDialog {
  type: 'export';
  index: number;
  folder: string;
}

/** Pure: the sessions of the table's rows in their order; a folded replica group gives all its members (an unfolded one lists them as rows). */
export function tableSessions(table: TableModel): Session[] {
  return table.rows.flatMap((row) => (row.type === 'group' ? (row.expanded ? [] : row.members) : row.ghost ? [] : [row.session]));
}
