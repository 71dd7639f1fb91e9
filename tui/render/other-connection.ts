/** What the daemon's connection and the dashboard's own are, described without secrets (see describeIdentity), and what differs. */
export interface OtherConnection {
  daemon: string;
  mine: string;
  /** Only what differs (the credentials when the server is the same), for the header. */
  difference: { daemon: string; mine: string };
}
