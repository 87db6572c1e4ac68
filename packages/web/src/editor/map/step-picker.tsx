import { orderedSteps } from '@pathlight/core';
import { useMemo } from 'react';
import { createPortal } from 'react-dom';
import { ActivityPicker } from '../evidence/activity-picker';
import type { MapEvidence } from '../evidence/types';
import { useEditor, useEditorState } from '../hooks';
import * as cmd from '../store/commands/index';

/** The "Evidence from data" picker for one step, saving through the undoable `setStepActivities` command. */
export function StepPicker({
  stepId,
  evidence,
  onClose,
}: {
  stepId: string;
  evidence: MapEvidence | undefined;
  onClose: () => void;
}) {
  const { store } = useEditor();
  const stages = useEditorState((s) => s.doc.stages);
  const steps = orderedSteps({ stages });
  const step = steps.find((s) => s.id === stepId);
  const usedBy = useMemo(() => {
    const m = new Map<string, string>();
    for (const s of orderedSteps({ stages }))
      if (s.id !== stepId) for (const a of s.activities) m.set(a, s.name);
    return m;
  }, [stages, stepId]);
  if (!step) return null;
  // A portal: the map's CSS zoom must not scale the dialog.
  return createPortal(
    <ActivityPicker
      step={step}
      activities={evidence?.hasData ? (evidence.activities ?? []) : null}
      usedBy={usedBy}
      onClose={onClose}
      onSave={(activities) => {
        store.dispatch(cmd.setStepActivities, { stepId, activities });
        onClose();
      }}
    />,
    document.body,
  );
}
