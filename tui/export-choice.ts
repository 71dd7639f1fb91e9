// What the export (x) offers: its formats, and its dialog.

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
