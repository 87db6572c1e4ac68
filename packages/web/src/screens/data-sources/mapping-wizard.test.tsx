import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { CsvPreview, UploadResult } from '../../api';
import { MappingWizard } from './mapping-wizard';

afterEach(cleanup);

const csv: CsvPreview = {
  delimiter: ',',
  header: true,
  columns: ['visit', 'what', 'when', 'patient_name', 'clinic'],
  rows: [['V1', 'Booked', '2026-03-02 09:15', 'Test Person', 'North']],
  mapping: { case: 'visit', activity: 'what', timestamp: 'when' },
  timestampFormat: 'YYYY-MM-DD HH:MM',
  attributes: ['clinic'],
  droppedColumns: ['patient_name'],
};
const upload = {
  uploadId: '7b0b6a56-0000-4000-8000-000000000009',
  filename: 'clinic_export.csv',
  bytes: 2048,
  format: 'csv',
  csv,
} as UploadResult & { csv: CsvPreview };

describe('MappingWizard', () => {
  it('shows the preview, what will be left out, and starts the import with the choices', async () => {
    const onStart = vi.fn(async () => undefined);
    render(
      <MappingWizard
        workspaceId="w"
        upload={upload}
        refreshing={null}
        onStart={onStart}
        onCancel={() => undefined}
      />,
    );
    expect(screen.getByText('YYYY-MM-DD HH:MM')).toBeTruthy();
    expect(screen.getByText('(left out)')).toBeTruthy();
    expect(screen.getByRole('note').textContent).toContain('1 column looks like direct identifiers');
    fireEvent.click(screen.getByLabelText('Keep “patient_name” anyway'));
    expect(screen.getByText(/“patient_name” will be stored as it is/)).toBeTruthy();
    expect(screen.queryByText('(left out)')).toBeNull();
    fireEvent.change(screen.getByLabelText('Time zone of the times in this file'), {
      target: { value: 'Europe/London' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Start the import' }));
    await waitFor(() => expect(onStart).toHaveBeenCalledTimes(1));
    expect(onStart).toHaveBeenCalledWith({
      uploadId: upload.uploadId,
      name: 'clinic export',
      mapping: {
        case: 'visit',
        activity: 'what',
        timestamp: 'when',
        attributes: ['clinic', 'patient_name'],
      },
      delimiter: ',',
      header: true,
      keepColumns: ['patient_name'],
      timezone: 'Europe/London',
      skipBadRows: false,
    });
  });

  it('refuses to start without the required columns and says which', () => {
    const onStart = vi.fn(async () => undefined);
    render(
      <MappingWizard
        workspaceId="w"
        upload={{ ...upload, csv: { ...csv, mapping: {} } }}
        refreshing={null}
        onStart={onStart}
        onCancel={() => undefined}
      />,
    );
    fireEvent.click(screen.getByRole('button', { name: 'Start the import' }));
    expect(screen.getByRole('alert').textContent).toBe(
      'Choose the column for patient or case. Choose the column for activity. Choose the column for date and time.',
    );
    expect(onStart).not.toHaveBeenCalled();
    expect(screen.getByLabelText('Patient or case').getAttribute('aria-invalid')).toBe('true');
  });
});
