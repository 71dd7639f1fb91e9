/** Urgency levels shared by notify-send and the dashboard. */
export type Urgency = 'low' | 'normal' | 'critical';

/** One desktop notification. */
export interface DesktopNotification {
  title: string;
  body: string;
  urgency: Urgency;
}

/** Delivers desktop notifications; resolves false when it could not (never rejects). */
export interface Notifier {
  /** Which mechanism delivers: 'notify-send', 'osascript' or 'none'. */
  readonly mechanism: string;
  notify(notification: DesktopNotification): Promise<boolean>;
}
