import { useState } from 'react';
import { api, ApiError } from '../../api.ts';
import { Alert, ErrorSummary, TextField, type Errors } from '../../ui/form.tsx';
import { usePageTitle } from '../../ui/load.tsx';
import { useSecurityText } from './text.ts';

interface Setup { secret: string; uri: string; qrSvg: string }

/** The server's QR code (SVG) as an image source: a data: URL, allowed by the CSP's img-src, so no inline markup or script. */
const svgSource = (svg: string) => `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;

/** Two-factor enrolment: shown instead of everything else while the session owes it. */
export function TotpEnrolPage({ onDone }: { onDone(): void }) {
  const s = useSecurityText();
  usePageTitle(s('totp.title'));
  const [setup, setSetup] = useState<Setup | null>(null);
  const [code, setCode] = useState('');
  const [errors, setErrors] = useState<Errors>({});
  const [busy, setBusy] = useState(false);
  const start = async () => { setSetup(await api.post<Setup>('/api/auth/totp/setup', {})); };
  const confirm = async (e: React.FormEvent) => {
    e.preventDefault();
    setBusy(true);
    try {
      await api.post('/api/auth/totp/confirm', { code: code.trim() });
      onDone();
    } catch (err) {
      if (!(err instanceof ApiError)) throw err;
      setErrors({ code: s('totp.wrong') });
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="narrow">
      <h1 tabIndex={-1}>{s('totp.title')}</h1>
      <p>{s('totp.intro')}</p>
      {!setup && <button type="button" className="button button-primary" onClick={() => void start()}>{s('totp.start')}</button>}
      {setup && (
        <>
          <figure className="totp-qr">
            <img src={svgSource(setup.qrSvg)} width={200} height={200} alt={s('totp.qrAlt')} />
            <figcaption>{s('totp.qrCaption')}</figcaption>
          </figure>
          <Alert variant="info" heading={s('totp.secret')}>
            <p>{s('totp.manual')}</p>
            <p><code className="totp-secret" aria-describedby="totp-secret-hint">{setup.secret}</code></p>
            <p className="form-hint" id="totp-secret-hint">{s('totp.secretHint')}</p>
            <p><a href={setup.uri}>{s('totp.uri')}</a></p>
          </Alert>
          <ErrorSummary errors={errors} />
          <form onSubmit={(e) => void confirm(e)} noValidate>
            <TextField id="code" label={s('totp.code')} value={code} onChange={setCode} errors={errors} inputMode="numeric" autoComplete="one-time-code" />
            <button type="submit" className="button button-primary" disabled={busy}>{s('totp.confirm')}</button>
          </form>
        </>
      )}
    </div>
  );
}
