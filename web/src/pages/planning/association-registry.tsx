import { useState } from 'react';
import { api } from '../../api.ts';
import type { Association } from '../../api-planning.ts';
import { useI18n } from '../../i18n.tsx';
import { Link } from '../../router.tsx';
import { TableScroll, useSubmit } from '../../ui/form.tsx';
import { FormSection, useFields } from '../../ui/form-section.tsx';
import { Loaded, useLoad, usePageTitle } from '../../ui/load.tsx';
import { AssociationFieldset, AssociationOfferFieldset } from './association-form.tsx';
import {
  associationBody, associationFieldOf, associationOfferBody, associationOfferFieldOf, emptyAssociation, emptyAssociationOffer, validateAssociation, validateAssociationOffer,
} from './association-fields.ts';

/** The bridge-builder's registry of associations and their offers; the public page shows what is public. */
export function AssociationRegistryPage() {
  const { t } = useI18n();
  usePageTitle(t('registry.title'));
  const state = useLoad(() => api.get<{ associations: Association[] }>('/api/associations'), []);
  return (
    <>
      <h1 tabIndex={-1}>{t('registry.title')}</h1>
      <p>{t('registry.intro')} <Link href="/foreninger">{t('registry.public')}</Link></p>
      <Loaded state={state}>{({ associations }) => (
        <>
          {associations.length > 0 && (
            <TableScroll label={t('registry.title')}>
              <table className="table table--compact">
                <thead><tr><th scope="col">{t('registry.association')}</th><th scope="col">{t('registry.contactName')}</th><th scope="col">{t('registry.offers')}</th><th scope="col">{t('col.action')}</th></tr></thead>
                <tbody>{associations.map((a) => (
                  <tr key={a.id}><th scope="row">{a.name}</th><td>{[a.contactName, a.contactPhone].filter(Boolean).join(', ') || '–'}</td>
                    <td>{a.offers.length === 0 ? '–' : <ul className="nobullet-list">{a.offers.map((o) => (
                      <li key={o.id}>{o.activity} ({o.placeName}) <Link href={`/foreningsregister/tilbud/${o.id}`}>{t('registry.editOffer')}<span className="sr-only"> – {o.activity}</span></Link></li>
                    ))}</ul>}</td>
                    <td><Link href={`/foreningsregister/${a.id}`}>{t('registry.edit')}<span className="sr-only"> – {a.name}</span></Link></td></tr>
                ))}</tbody>
              </table>
            </TableScroll>
          )}
          <NewAssociation onSaved={() => void state.reload()} />
          {associations.length > 0 && <NewAssociationOffer associations={associations} onSaved={() => void state.reload()} />}
        </>
      )}</Loaded>
    </>
  );
}

function NewAssociation({ onSaved }: { onSaved(): void }) {
  const { t } = useI18n();
  const { values: f, set, reset } = useFields(emptyAssociation);
  const [done, setDone] = useState<string | null>(null);
  const submit = useSubmit(associationFieldOf);
  const save = (ev: React.FormEvent) => submit.run(ev, () => validateAssociation(t, f), async (key) => {
    await api.post('/api/associations', associationBody(f), key);
    reset();
    setDone(t('registry.saved'));
    onSaved();
  });
  return (
    <FormSection id="new-association" heading={t('registry.newAssociation')} done={done} submit={submit} onSubmit={save} submitLabel={t('registry.createAssociation')}>
      <AssociationFieldset f={f} set={set} errors={submit.errors} />
    </FormSection>
  );
}

function NewAssociationOffer({ associations, onSaved }: { associations: Association[]; onSaved(): void }) {
  const { t } = useI18n();
  const blank = { ...emptyAssociationOffer, associationId: associations[0]!.id };
  const { values: f, set, reset } = useFields(blank);
  const [done, setDone] = useState<string | null>(null);
  const submit = useSubmit(associationOfferFieldOf);
  const save = (ev: React.FormEvent) => submit.run(ev, () => validateAssociationOffer(t, f), async (key) => {
    await api.post('/api/association-offers', { associationId: f.associationId, ...associationOfferBody(t, f) }, key);
    reset();
    setDone(t('registry.saved'));
    onSaved();
  });
  return (
    <FormSection id="new-association-offer" heading={t('registry.newOffer')} done={done} submit={submit} onSubmit={save} submitLabel={t('registry.createOffer')}>
      <AssociationOfferFieldset f={f} set={set} errors={submit.errors} associations={associations} />
    </FormSection>
  );
}
