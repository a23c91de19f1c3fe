import { useI18n } from '../i18n.tsx';
import type { MessageKey } from '../messages.ts';

const path = ['received', 'contacted', 'clarified', 'planned', 'active', 'ended', 'followed_up'] as const;

/** The course's stages as a DKFDS step indicator: done, current, and those ahead. */
export function CourseSteps({ stage }: { stage: string }) {
  const { t } = useI18n();
  const current = path.indexOf(stage as (typeof path)[number]);
  return (
    <nav aria-label={t('stage.progress')}>
      <ol className="step-indicator course-steps">
        {path.map((s, i) => {
          const done = current >= 0 && i < current;
          const isCurrent = i === current;
          return (
            <li key={s} className={isCurrent ? 'current' : done ? '' : 'disabled'}>
              <div className="step" aria-current={isCurrent ? 'step' : undefined}>
                <span className={done ? 'step-icon' : 'step-number'}>
                  {done ? <svg className="icon-svg" focusable="false" aria-hidden="true" viewBox="0 -960 960 960"><path d="M382-240 154-468l57-57 171 171 367-367 57 57-424 424Z" /></svg> : <span>{i + 1}</span>}
                </span>
                <div>
                  <span className="step-title">{t(`stage.${s}` as MessageKey)}</span>
                  {(done || isCurrent) && <span className="sr-only"> ({t(done ? 'stage.done' : 'stage.current')})</span>}
                </div>
              </div>
            </li>
          );
        })}
      </ol>
    </nav>
  );
}
