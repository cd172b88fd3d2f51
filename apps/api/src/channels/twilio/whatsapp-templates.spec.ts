import { contentVariables, parseWhatsappTemplates, templateSummary } from './whatsapp-templates.js';

const SID = `HX${'a1'.repeat(16)}`;

describe('parseWhatsappTemplates', () => {
  it('reads name=HX…(variables), one per line or separated by ";"', () => {
    expect(parseWhatsappTemplates(`order_update=${SID}(name, order)\n\n reopen = ${SID} ;hello=${SID}()`)).toEqual({
      templates: [
        { name: 'order_update', contentSid: SID, variables: ['name', 'order'] },
        { name: 'reopen', contentSid: SID, variables: [] },
        { name: 'hello', contentSid: SID, variables: [] },
      ],
    });
    expect(parseWhatsappTemplates(null)).toEqual({ templates: [] });
  });

  it('names the first line that is not a template, and a name used twice', () => {
    expect(parseWhatsappTemplates(`ok=${SID}\nbroken=HX12`)).toEqual({ error: '"broken=HX12" is not name=HX…(variables)' });
    expect(parseWhatsappTemplates(`a=${SID}\na=${SID}`)).toEqual({ error: 'the template name "a" is used twice' });
  });
});

it('numbers the values for Twilio and summarises them for the timeline', () => {
  const template = { name: 'order_update', contentSid: SID, variables: ['name', 'order'] };
  expect(contentVariables(template, { order: '#42', name: 'Marta' })).toBe('{"1":"Marta","2":"#42"}');
  expect(templateSummary(template, { order: '#42', name: 'Marta' })).toBe('WhatsApp template “order_update”\nname: Marta\norder: #42');
});
