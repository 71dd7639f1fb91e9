// The app picker: a list dialog to launch an app (a desktop-app image) on a desktop, or delete one of its apps.

/** One choice in the picker: what is shown, and the value acted on (an image id, or an app id). */
export interface PickerItem {
  label: string;
  value: string;
}

/** The app picker dialog's state; `items` is null while loading. */
export interface AppPicker {
  type: 'apps';
  mode: 'launch' | 'delete';
  sessionId: string;
  items: readonly PickerItem[] | null;
  index: number;
}

/** Pure: a new picker for a desktop, loading. */
export function openPicker(mode: AppPicker['mode'], sessionId: string): AppPicker {
  return { type: 'apps', mode, sessionId, items: null, index: 0 };
}

/** Pure: the picker moved by `delta` (clamped to its items). */
export function movePicker(picker: AppPicker, delta: number): AppPicker {
  const last = Math.max(0, (picker.items?.length ?? 0) - 1);
  return { ...picker, index: Math.max(0, Math.min(last, picker.index + delta)) };
}

/** The chosen item, if any. */
export function pickedItem(picker: AppPicker): PickerItem | null {
  return picker.items?.[picker.index] ?? null;
}
