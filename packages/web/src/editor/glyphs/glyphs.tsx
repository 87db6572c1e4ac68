import type { Channel, Confidence, Severity } from '@pathlight/core';
import type { Marker } from '../map/layout';

export const CHANNEL_LABELS: Record<Channel, string> = {
  web: 'Website',
  search: 'Search',
  social: 'Social',
  phone: 'Phone',
  sms: 'Text message',
  email: 'Email',
  portal: 'Patient portal',
  app: 'App',
  'in-person': 'In person',
  mail: 'Letter',
  referral: 'Referral',
  video: 'Video visit',
};

// Simple 16×16 line glyphs; each is drawn next to its text label, never alone.
const CHANNEL_PATHS: Record<Channel, string> = {
  web: 'M2 3h12v10H2zM2 6h12',
  search: 'M7 2a5 5 0 1 0 0 10A5 5 0 0 0 7 2zM11 11l3.5 3.5',
  social: 'M5 8a2 2 0 1 0 0-.1M11 4a2 2 0 1 0 0-.1M11 12a2 2 0 1 0 0-.1M7 7l3-2M7 9l3 2',
  phone: 'M4 2h3l1 4-2 1a8 8 0 0 0 3 3l1-2 4 1v3a2 2 0 0 1-2 2A11 11 0 0 1 2 4a2 2 0 0 1 2-2z',
  sms: 'M2 3h12v8H7l-3 3v-3H2z',
  email: 'M2 4h12v8H2zM2 4l6 5 6-5',
  portal: 'M3 2h10v12H3zM6 11h4M8 5a1.5 1.5 0 1 0 0 .1M5.5 9a2.5 2 0 0 1 5 0',
  app: 'M5 1h6v14H5zM7 12h2',
  'in-person': 'M8 2a2.5 2.5 0 1 0 0 5 2.5 2.5 0 0 0 0-5M3 15a5 5 0 0 1 10 0',
  mail: 'M2 5h12v7H2zM2 5l6 4 6-4M4 3h8',
  referral: 'M2 8h9M8 4l4 4-4 4M14 3v10',
  video: 'M2 4h8v8H2zM10 7l4-2v6l-4-2',
};

/** A channel as a small line glyph plus its word. */
export function ChannelLabel({ channel }: { channel: Channel }) {
  return (
    <span className="pl-chip pl-chip--channel">
      <svg
        width="14"
        height="14"
        viewBox="0 0 16 16"
        aria-hidden="true"
        fill="none"
        stroke="currentColor"
        strokeWidth="1.4"
        strokeLinejoin="round"
        strokeLinecap="round"
      >
        <path d={CHANNEL_PATHS[channel]} />
      </svg>
      {CHANNEL_LABELS[channel]}
    </span>
  );
}

export const CONFIDENCE_LABELS: Record<Confidence, string> = {
  observed: 'Observed',
  reported: 'Reported',
  assumed: 'Assumed',
};

/** Evidence glyph: filled (observed), half (reported), dashed ring (assumed). */
export function ConfidenceGlyph({ confidence, size = 12 }: { confidence: Confidence; size?: number }) {
  return (
    <svg
      width={size}
      height={size}
      viewBox="0 0 12 12"
      aria-hidden="true"
      className={`pl-glyph pl-glyph--${confidence}`}
    >
      {confidence === 'observed' && <circle cx="6" cy="6" r="5" fill="currentColor" />}
      {confidence === 'reported' && (
        <>
          <circle cx="6" cy="6" r="4.5" fill="none" stroke="currentColor" strokeWidth="1.5" />
          <path d="M6 1.5a4.5 4.5 0 0 1 0 9z" fill="currentColor" />
        </>
      )}
      {confidence === 'assumed' && (
        <circle
          cx="6"
          cy="6"
          r="4.5"
          fill="none"
          stroke="currentColor"
          strokeWidth="1.5"
          strokeDasharray="2 1.6"
        />
      )}
    </svg>
  );
}

/** The evidence badge every card carries: glyph + word. */
export function EvidenceBadge({ confidence }: { confidence: Confidence }) {
  return (
    <span className={`pl-chip pl-evidence pl-evidence--${confidence}`} data-testid="evidence-badge">
      <ConfidenceGlyph confidence={confidence} />
      {CONFIDENCE_LABELS[confidence]}
    </span>
  );
}

export const SEVERITY_LABELS: Record<Severity, string> = {
  low: 'Low',
  medium: 'Medium',
  high: 'High',
  critical: 'Critical',
};

/** Severity as a coloured chip with bars (1–4) and its word. */
export function SeverityBadge({ severity }: { severity: Severity }) {
  const level = { low: 1, medium: 2, high: 3, critical: 4 }[severity];
  return (
    <span className={`pl-chip pl-severity pl-severity--${severity}`}>
      <svg width="12" height="12" viewBox="0 0 12 12" aria-hidden="true">
        {[0, 1, 2, 3].map((i) => (
          <rect
            key={i}
            x={i * 3}
            y={9 - i * 2.5}
            width="2"
            height={3 + i * 2.5}
            fill="currentColor"
            opacity={i < level ? 1 : 0.25}
          />
        ))}
      </svg>
      {SEVERITY_LABELS[severity]}
    </span>
  );
}

export function WarningGlyph() {
  return (
    <svg width="12" height="12" viewBox="0 0 12 12" aria-hidden="true">
      <path d="M6 1l5.5 10h-11z" fill="currentColor" />
      <path d="M6 4.5v3M6 9v.5" stroke="#fff" strokeWidth="1.3" strokeLinecap="round" />
    </svg>
  );
}

/** A persona's marker shape, so curves differ by shape as well as colour. */
export function MarkerShape({
  marker,
  x,
  y,
  r,
  color,
}: {
  marker: Marker;
  x: number;
  y: number;
  r: number;
  color: string;
}) {
  switch (marker) {
    case 'circle':
      return <circle cx={x} cy={y} r={r} fill={color} />;
    case 'square':
      return <rect x={x - r} y={y - r} width={r * 2} height={r * 2} fill={color} />;
    case 'diamond':
      return (
        <path
          d={`M${x} ${y - r * 1.3}L${x + r * 1.3} ${y}L${x} ${y + r * 1.3}L${x - r * 1.3} ${y}z`}
          fill={color}
        />
      );
    case 'triangle':
      return (
        <path d={`M${x} ${y - r * 1.3}L${x + r * 1.2} ${y + r}L${x - r * 1.2} ${y + r}z`} fill={color} />
      );
  }
}
