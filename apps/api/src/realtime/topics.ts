/** The live topics. Ticket, queue and chats topics are stored streams; presence is signals only. */
export const topics = {
  ticket: (ticketId: number) => `ticket:${ticketId}`,
  queue: () => 'queue',
  user: (userId: number) => `user:${userId}`,
  presence: (ticketId: number) => `presence:${ticketId}`,
  /** Any chat's session or ticket changed: agents' chat lists (live.chats) are read again. */
  chats: () => 'chats',
};
