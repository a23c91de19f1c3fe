import { useState } from 'react';
import { api, ApiError } from '../api.ts';
import { useI18n } from '../i18n.tsx';
import { Alert, ErrorSummary, TextField, type Errors } from '../ui/form.tsx';
import { usePageTitle } from '../ui/load.tsx';
import { SsoLink } from './security/sso-link.tsx';
import { useSecurityText } from './security/text.ts';

export function LoginPage({ onLogin }: { onLogin(): void }) {
  const { t } = useI18n();
  usePageTitle(t('login.title'));
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [errors, setErrors] = useState<Errors>({});
  const [failed, setFailed] = useState(false);
  const [busy, setBusy] = useState(false);
  const s = useSecurityText();
  // Two-factor: the server asks for the code (field "code") after a correct password.
  const [code, setCode] = useState('');
  const [needCode, setNeedCode] = useState(false);
  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    const problems: Errors = {};
    if (!username.trim()) problems.username = t('rule.required', { label: t('login.username') });
    if (!password) problems.password = t('rule.required', { label: t('login.password') });
    setErrors(problems);
    setFailed(false);
    if (Object.keys(problems).length) return;
    setBusy(true);
    try {
      await api.post('/api/auth/login', { username: username.trim(), password, ...(needCode ? { code: code.trim() } : {}) });
      onLogin();
    } catch (err) {
      if (!(err instanceof ApiError)) throw err;
      const codeProblem = err.fields.find((f) => f.path === 'code');
      if (codeProblem) {
        setNeedCode(true);
        if (needCode) setErrors({ code: codeProblem.rule === 'totp.invalid' ? s('login.codeWrong') : s('login.codeNeeded') });
        return;
      }
      setFailed(true);
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="narrow">
      <h1 tabIndex={-1}>{t('login.title')}</h1>
      <p>{t('login.intro')}</p>
      <ErrorSummary errors={errors} />
      {failed && <Alert variant="error" focus>{t('login.failed')}</Alert>}
      <form onSubmit={(e) => void submit(e)} noValidate>
        <TextField id="username" label={t('login.username')} value={username} onChange={setUsername} errors={errors} autoComplete="username" />
        <TextField id="password" label={t('login.password')} value={password} onChange={setPassword} errors={errors} type="password" autoComplete="current-password" />
        {needCode && <TextField id="code" label={s('login.code')} value={code} onChange={setCode} errors={errors} inputMode="numeric" autoComplete="one-time-code" />}
        <button type="submit" className="button button-primary" disabled={busy}>{t('login.submit')}</button>
      </form>
      <SsoLink />
    </div>
  );
}
