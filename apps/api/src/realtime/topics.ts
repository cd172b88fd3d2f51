/** The live topics. Ticket and queue topics are stored streams; presence is signals only. */
export const topics = {
  ticket: (ticketId: number) => `ticket:${ticketId}`,
  queue: () => 'queue',
  user: (userId: number) => `user:${userId}`,
  presence: (ticketId: number) => `presence:${ticketId}`,
};
