import type { Finding, RecipientRole } from '@coach-guard/core';
import { CATEGORY_WORDS, READER_WORDS } from '../lib/category-words';

export interface FindingCardProps {
  finding: Finding;
  recipient: RecipientRole;
  recipientReason: string;
  /** Where the card sits, in viewport pixels. */
  position: { left: number; top: number };
  onApply(): void;
  onIgnore(): void;
  onConsented(): void;
  onClose(): void;
  onPointerEnter(): void;
  onPointerLeave(): void;
}

/** The card for one finding: what kind of risk, why, a safer wording, and the coach's choices. */
export function FindingCard(props: FindingCardProps) {
  const { finding } = props;
  const unknownReader = props.recipient === 'unknown';
  return (
    <div
      class={`card ${finding.severity}`}
      role="dialog"
      aria-modal="false"
      aria-labelledby="cg-card-title"
      aria-describedby="cg-card-reason"
      data-cg-card=""
      style={{ left: `${props.position.left}px`, top: `${props.position.top}px` }}
      // Clicking the card must not take focus (and the editor's selection) from the field.
      onMouseDown={(e) => e.preventDefault()}
      onPointerEnter={props.onPointerEnter}
      onPointerLeave={props.onPointerLeave}
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.stopPropagation();
          props.onClose();
        }
      }}
    >
      <p class="title" id="cg-card-title">
        {CATEGORY_WORDS[finding.category]}
      </p>
      <p id="cg-card-reason">{finding.message}</p>
      <p class="reader" title={props.recipientReason}>
        {unknownReader ? 'Recipient unknown: ' : `Goes to ${READER_WORDS[props.recipient]}: `}
        {props.recipientReason}.
      </p>
      {finding.suggestion !== undefined && (
        <p class="suggestion">
          Safer: <q>{finding.suggestion === '' ? '(remove it)' : finding.suggestion}</q>
        </p>
      )}
      <div class="actions">
        {finding.suggestion !== undefined && (
          <button type="button" class="primary" onClick={props.onApply}>
            Apply
          </button>
        )}
        <button type="button" onClick={props.onIgnore}>
          Ignore
        </button>
        <button type="button" onClick={props.onConsented}>
          It's consented
        </button>
      </div>
    </div>
  );
}
