// Draws only some widgets, for a frame that changed the content of a few panes and moved nothing:
// blessed's screen.render draws every widget into its cell buffer again (the charts' braille, the
// log's lines), though the cells of unchanged ones are already there from the last render. The
// screen still renders as usual (its events, then only the changed lines to the terminal); the
// widgets left out just keep their cells for this once.

import type blessed from 'blessed';

/** screen.render, with the screen's other top-level widgets keeping the cells they drew last time. */
export function renderWidgets(screen: blessed.Widgets.Screen, changed: readonly blessed.Widgets.BlessedElement[]): void {
  const left = screen.children.filter((child) => !changed.includes(child as blessed.Widgets.BlessedElement)) as blessed.Widgets.BlessedElement[];
  const own = left.map((widget) => Object.getOwnPropertyDescriptor(widget, 'render'));
  // blessed's render returns the drawn coordinates; screen.render ignores them.
  for (const widget of left) (widget as { render: () => unknown }).render = () => undefined;
  try {
    screen.render();
  } finally {
    left.forEach((widget, i) => {
      const descriptor = own[i];
      if (descriptor) Object.defineProperty(widget, 'render', descriptor);
      else delete (widget as { render?: unknown }).render;
    });
  }
}
