import type { JourneyTemplate } from '@pathlight/core';
import styles from './template-picker.module.css';

/** Summary, stages with their steps, and a small read-only mini map (cards per stage and lane). */
export function TemplatePreview({ template }: { template: JourneyTemplate }) {
  const j = template.journey;
  const stageOfStep = new Map<string, string>();
  for (const stage of j.stages) for (const step of stage.steps) stageOfStep.set(step.id, stage.id);
  const counts = new Map<string, number>();
  for (const card of j.cards) {
    const key = `${card.laneId}|${stageOfStep.get(card.stepId)}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  const lanes = j.lanes.filter((l) => !l.hidden);
  const stepCount = j.stages.reduce((n, s) => n + s.steps.length, 0);

  return (
    <div className={styles.previewBody}>
      <h3>{template.name}</h3>
      <p>{template.summary}</p>
      <p className="muted">
        {j.stages.length} stages · {stepCount} steps · {j.cards.length} example cards (marked as assumed) ·{' '}
        {j.kpis.length} suggested KPIs
        {template.personas.length > 0
          ? ` · personas: ${template.personas.map((p) => p.name).join(', ')}`
          : ''}
      </p>
      <h4 className={styles.subhead}>Stages</h4>
      <ol className={styles.stages}>
        {j.stages.map((stage) => (
          <li key={stage.id}>
            <strong>{stage.name}</strong>
            <span className="muted"> — {stage.steps.map((s) => s.name).join(', ')}</span>
          </li>
        ))}
      </ol>
      <h4 className={styles.subhead}>Map preview</h4>
      <div className={styles.miniWrap}>
        <table className={styles.mini}>
          <caption className="visually-hidden">Number of example cards per lane and stage</caption>
          <thead>
            <tr>
              <th scope="col">
                <span className="visually-hidden">Lane</span>
              </th>
              {j.stages.map((s) => (
                <th key={s.id} scope="col">
                  {s.name}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {lanes.map((lane) => (
              <tr key={lane.id}>
                <th scope="row">{lane.name}</th>
                {j.stages.map((s) => {
                  const n = counts.get(`${lane.id}|${s.id}`) ?? 0;
                  return (
                    <td key={s.id} data-kind={lane.kind}>
                      {n > 0 ? (
                        <span className={styles.miniCards} title={`${n} card${n === 1 ? '' : 's'}`}>
                          {Array.from({ length: Math.min(n, 4) }, (_, i) => (
                            // biome-ignore lint/suspicious/noArrayIndexKey: decorative squares, no identity
                            <span key={i} className={styles.miniCard} aria-hidden="true" />
                          ))}
                          <span className="visually-hidden">{n} cards</span>
                        </span>
                      ) : null}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
