import { useState } from 'react';
import { api, ApiError } from '../api.ts';
import { useI18n } from '../i18n.tsx';
import { Alert, ErrorSummary, TextField, type Errors } from '../ui/form.tsx';
import { usePageTitle } from '../ui/load.tsx';

export function LoginPage({ onLogin }: { onLogin(): void }) {
  const { t } = useI18n();
  usePageTitle(t('login.title'));
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [errors, setErrors] = useState<Errors>({});
  const [failed, setFailed] = useState(false);
  const [busy, setBusy] = useState(false);
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
      await api.post('/api/auth/login', { username: username.trim(), password });
      onLogin();
    } catch (err) {
      if (!(err instanceof ApiError)) throw err;
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
        <button type="submit" className="button button-primary" disabled={busy}>{t('login.submit')}</button>
      </form>
    </div>
  );
}
