/** A team's strategy or members changed: its waiting tickets may now be routable. */
export class TeamChangedEvent {
  constructor(readonly teamId: number) {}
}
