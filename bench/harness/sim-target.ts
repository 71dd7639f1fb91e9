/** A simulator to point at: its service root and the first user's token. */
export interface SimTarget {
  baseUrl: string;
  token: string;
}
