/** The ticket's issue type and the values of its fields, as the customer gave them. */
export function TicketTypeFacts({ typeName, fields }: { typeName: string | null; fields: { key: string; label: string; value: string }[] }) {
  if (!typeName && fields.length === 0) return null;
  return (
    <dl className="ticket__facts ticket__facts--custom" data-testid="ticket-custom-fields">
      {typeName ? (
        <div>
          <dt>Type</dt>
          <dd data-testid="ticket-issue-type">{typeName}</dd>
        </div>
      ) : null}
      {fields.map((f) => (
        <div key={f.key} data-testid={`ticket-field-${f.key}`}>
          <dt>{f.label}</dt>
          <dd>{f.value}</dd>
        </div>
      ))}
    </dl>
  );
}
