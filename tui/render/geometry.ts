// Pure: where each pane goes for a terminal size (normal split, full-screen logs, centred dialog).

/** A rectangle in terminal cells. */
export interface Rect {
  top: number;
  left: number;
  width: number;
  height: number;
}

/** Where everything goes; a pane with height 0 is hidden. */
export interface Geometry {
  header: Rect;
  table: Rect;
  resources: Rect;
  details: Rect;
  logs: Rect;
  footer: Rect;
}

const hidden = (top: number): Rect => ({ top, left: 0, width: 0, height: 0 });

/** How many more lines the resources/details strip may take from rows the table does not need (the logs get the rest). */
const MIDDLE_GROWTH = 6;

/**
 * Pure: the layout for `cols`×`rows` with a header of `headerHeight` lines. The table takes the body
 * rows it asks for (`tableRows`, its column header and borders aside) up to its share; what it leaves
 * goes to the charts and details, then the logs. Without `tableRows` it takes its whole share.
 */
export function computeGeometry(cols: number, rows: number, headerHeight: number, logsFull: boolean, tableRows: number | null = null): Geometry {
  const header: Rect = { top: 0, left: 0, width: cols, height: Math.min(headerHeight, Math.max(0, rows - 1)) };
  const footer: Rect = { top: Math.max(0, rows - 1), left: 0, width: cols, height: rows > 1 ? 1 : 0 };
  const bodyTop = header.height;
  const body = Math.max(0, rows - header.height - footer.height);
  if (logsFull) {
    return {
      header,
      footer,
      table: hidden(bodyTop),
      resources: hidden(bodyTop),
      details: hidden(bodyTop),
      logs: { top: bodyTop, left: 0, width: cols, height: body },
    };
  }
  // The table's share is ~60 % of what the resources/details strip (what its charts or gauges need) leaves; the logs get the rest.
  let middle = body >= 30 ? 10 : body >= 22 ? 8 : body >= 14 ? 6 : 0;
  let logs = body >= 20 ? Math.max(5, Math.floor((body - middle) * 0.4)) : body >= 14 ? Math.max(3, body - middle - 8) : 0;
  const share = Math.max(0, body - middle - logs);
  // With no logs pane below there is nobody to give rows to: the table keeps its share.
  const table = tableRows === null || logs === 0 ? share : Math.min(share, tableRows + 3);
  const spare = share - table;
  const grow = middle > 0 ? Math.min(MIDDLE_GROWTH, Math.floor(spare / 2)) : 0;
  middle += grow;
  logs += spare - grow;
  const half = Math.floor(cols / 2);
  return {
    header,
    footer,
    table: { top: bodyTop, left: 0, width: cols, height: table },
    resources: middle ? { top: bodyTop + table, left: 0, width: half, height: middle } : hidden(bodyTop + table),
    details: middle ? { top: bodyTop + table, left: half, width: cols - half, height: middle } : hidden(bodyTop + table),
    logs: logs ? { top: bodyTop + table + middle, left: 0, width: cols, height: logs } : hidden(bodyTop + table + middle),
  };
}

/** Pure: a dialog centred in the screen, as big as its content allows. */
export function dialogRect(cols: number, rows: number, contentLines: number, wantWidth: number): Rect {
  const width = Math.max(20, Math.min(cols - 4, wantWidth));
  const height = Math.max(5, Math.min(rows - 2, contentLines + 2));
  return { top: Math.max(0, Math.floor((rows - height) / 2)), left: Math.max(0, Math.floor((cols - width) / 2)), width, height };
}

/** The lines inside a bordered pane. */
export function innerHeight(rect: Rect): number {
  return Math.max(0, rect.height - 2);
}

/** The columns inside a bordered pane (1 cell of padding on the left). */
export function innerWidth(rect: Rect): number {
  return Math.max(0, rect.width - 3);
}
