/**
 * Server texts for issue 5 (offers, teams planning, matching, associations, bridge-building,
 * recruitment), merged into src/shared/messages.*.ts.
 */
export const planningDa = {
  'rule.offer.public_name_labels': 'Feltet "{path}": det offentlige navn må ikke sætte mærkat på målgruppen (fx "for ledige"); beskriv aktiviteten i stedet.',
  'rule.offer.variant': 'Feltet "{path}": en variant skal både pege på det tilbud, den varierer, og sige om den er lettere eller med mere støtte.',
  'rule.team.language': 'Feltet "{path}": holdets sprog skal være et af tilbuddets sprog ({allowed}).',
  'rule.session.not_movable': 'Feltet "{path}": mødegangen er holdt, aflyst eller har registreret fremmøde og kan ikke flyttes.',
  'rule.waiting_list.closed': 'Feltet "{path}": pladsen på ventelisten er allerede afsluttet (optaget, takket nej eller udmeldt).',
  'rule.waiting_list.no_intervention': 'Feltet "{path}": borgeren har ingen åben indsats, der kan sættes på holdet. Opret forløbet med indsatsen først.',
} as const;

export const planningEn: Record<keyof typeof planningDa, string> = {
  'rule.offer.public_name_labels': 'Field "{path}": the public name must not label the target group (e.g. "for the unemployed"); describe the activity instead.',
  'rule.offer.variant': 'Field "{path}": a variant must both name the offer it varies and say whether it is easier or gives more support.',
  'rule.team.language': 'Field "{path}": the team\'s language must be one of the offer\'s languages ({allowed}).',
  'rule.session.not_movable': 'Field "{path}": the session has been held, cancelled or has attendance recorded, and cannot be moved.',
  'rule.waiting_list.closed': 'Field "{path}": the waiting-list place is already settled (enrolled, declined or withdrawn).',
  'rule.waiting_list.no_intervention': 'Field "{path}": the citizen has no open intervention that can join the team. Grant the pathway with the intervention first.',
};
