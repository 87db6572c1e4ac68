import { type Journey, Name } from '@pathlight/core';
import { type FormEvent, useState } from 'react';
import { api } from '../../api';
import { apiFieldErrors, type FieldErrors } from '../../lib/field-errors';
import { Dialog } from '../../ui/dialog/dialog';
import { Field } from '../../ui/field';

/** Asks for a name and creates an empty journey with the usual lanes. */
export function CreateBlankDialog({
  workspaceId,
  onClose,
  onCreated,
}: {
  workspaceId: string;
  onClose: () => void;
  onCreated: (journey: Journey) => void;
}) {
  const [name, setName] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [busy, setBusy] = useState(false);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const parsed = Name.safeParse(name);
    if (!parsed.success) {
      setErrors({ name: parsed.error.issues[0]?.message ?? 'is not valid' });
      return;
    }
    setBusy(true);
    try {
      onCreated(await api.journeys.create(workspaceId, { name: parsed.data }));
    } catch (err) {
      setErrors(apiFieldErrors(err));
      setBusy(false);
    }
  };
  return (
    <Dialog
      title="New blank journey"
      onClose={onClose}
      actions={
        <>
          <button type="button" className="btn" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" form="create-blank" className="btn btn-primary" disabled={busy}>
            Create and open
          </button>
        </>
      }
    >
      <p className="muted">
        The map starts empty with the usual lanes (touchpoints, emotions, pain points…). You add stages and
        steps on the map.
      </p>
      <form id="create-blank" onSubmit={submit} noValidate>
        <Field id="blank-name" label="Journey name" error={errors.name || undefined}>
          {(a11y) => (
            <input
              {...a11y}
              className="input"
              value={name}
              onChange={(e) => setName(e.target.value)}
              placeholder="e.g. New patient booking by phone"
            />
          )}
        </Field>
      </form>
      {errors[''] ? (
        <div className="banner banner-error" role="alert">
          {errors['']}
        </div>
      ) : null}
    </Dialog>
  );
}
