import type { Session } from '../../src/domain/session.js';
import type { TableModel } from './table-rows.js';

/** Pure: the sessions of the table's rows in their order; a folded replica group gives all its members (an unfolded one lists them as rows). */
export function tableSessions(table: TableModel): Session[] {
  return table.rows.flatMap((row) => (row.type === 'group' ? (row.expanded ? [] : row.members) : row.ghost ? [] : [row.session]));
}
