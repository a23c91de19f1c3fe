import { useState } from 'react';
import { api } from '../../api.ts';
import { useI18n } from '../../i18n.tsx';
import type { MessageKey } from '../../messages.ts';
import { Alert, Checkbox, ErrorSummary, ProblemAlert, Radios, TableScroll, TextField, useSubmit } from '../../ui/form.tsx';
import type { Link } from './types.ts';

/** Send the citizen a personal questionnaire link (SMS, e-mail or by hand) and see the links' state. */
export function LinksPanel({ referralId, links, onChange }: { referralId: string; links: Link[]; onChange(): Promise<unknown> }) {
  const { t, dateTime, date } = useI18n();
  const [channel, setChannel] = useState('sms');
  const [recipient, setRecipient] = useState('');
  const [requireBirthDate, setRequireBirthDate] = useState(false);
  const [sent, setSent] = useState<{ url: string; channel: string } | null>(null);
  const submit = useSubmit((p) => (p === 'recipient' ? 'link-recipient' : p));
  const send = (e: React.FormEvent) => submit.run(e, () => ({}), async (key) => {
    const body = { timePoint: 'baseline', channel, requireBirthDate, ...(recipient.trim() && channel !== 'none' ? { recipient: recipient.trim() } : {}) };
    const link = await api.post<{ url: string }>(`/api/referrals/${referralId}/questionnaire-links`, body, key);
    setSent({ url: link.url, channel });
    await onChange();
  });
  const revoke = async (l: Link) => {
    await api.post(`/api/questionnaire-links/${l.id}/revoke`, { version: l.version });
    await onChange();
  };
  return (
    <section className="form-section" aria-labelledby="links-heading">
      <h2 id="links-heading">{t('cv.links')}</h2>
      <ErrorSummary errors={submit.errors} />
      <ProblemAlert state={submit} />
      {sent && <Alert variant="success">{sent.channel === 'none' ? t('cv.handOver', { url: sent.url }) : t('cv.sent')}</Alert>}
      <form onSubmit={(e) => void send(e)} noValidate>
        <Radios id="link-channel" legend={t('cv.channel')} value={channel} onChange={setChannel} errors={submit.errors}
          options={['sms', 'email', 'none'].map((c) => ({ value: c, label: t(`linkChannel.${c}` as MessageKey) }))} />
        {channel !== 'none' && <TextField id="link-recipient" label={t('cv.recipient')} hint={t('cv.recipientHint')} value={recipient} onChange={setRecipient} errors={submit.errors} optional={channel === 'sms'} autoComplete="off" />}
        <Checkbox id="link-birth-date" label={t('cv.requireBirthDate')} checked={requireBirthDate} onChange={setRequireBirthDate} />
        <button type="submit" className="button button-secondary" disabled={submit.busy}>{t('cv.send')}</button>
      </form>
      <h3>{t('cv.linkList')}</h3>
      {links.length === 0 ? <p>{t('cv.noLinks')}</p> : (
        <TableScroll label={t('cv.linkList')}>
          <table className="table table--compact">
            <thead><tr><th scope="col">{t('cv.sentOn')}</th><th scope="col">{t('cv.channel')}</th><th scope="col">{t('cv.expires')}</th><th scope="col">{t('cv.state')}</th><th scope="col"><span className="sr-only">{t('cv.revoke')}</span></th></tr></thead>
            <tbody>{links.map((l) => (
              <tr key={l.id}>
                <td>{dateTime(l.createdAt)}</td><td>{t(`linkChannel.${l.channel}` as MessageKey)}</td><td>{date(l.expiresAt)}</td><td>{t(`link.${l.state}` as MessageKey)}</td>
                <td>{l.state === 'open' && <button type="button" className="button button-tertiary" onClick={() => void revoke(l)}>{t('cv.revoke')}<span className="sr-only"> {dateTime(l.createdAt)}</span></button>}</td>
              </tr>
            ))}</tbody>
          </table>
        </TableScroll>
      )}
    </section>
  );
}
