// Who did something, for the audit log: an organizer (`user:3`), a staff link, the CLI (`cli`) or the system.
// Every area that changes data names its actor, so this belongs to the shared vocabulary, not to one area.
export interface Actor {
  readonly label: string;
  readonly userId: number | null;
}
