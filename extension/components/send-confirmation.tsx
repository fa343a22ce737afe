export interface SendConfirmationProps {
  count: number;
  position: { left: number; top: number };
  onReview(): void;
  onSendAnyway(): void;
}

/** The one question before a message with unresolved high-severity findings goes out. */
export function SendConfirmation(props: SendConfirmationProps) {
  return (
    <div
      class="card high confirm"
      role="alertdialog"
      aria-modal="false"
      aria-labelledby="cg-confirm-title"
      data-cg-send-confirmation=""
      style={{ left: `${props.position.left}px`, top: `${props.position.top}px` }}
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.stopPropagation();
          props.onReview();
        }
      }}
    >
      <p class="title" id="cg-confirm-title">
        {props.count === 1 ? 'One passage may break confidentiality.' : `${props.count} passages may break confidentiality.`}
      </p>
      <p>Review them before sending? Your message is kept as it is.</p>
      <div class="actions">
        <button type="button" class="primary" onClick={props.onReview}>
          Review
        </button>
        <button type="button" onClick={props.onSendAnyway}>
          Send anyway
        </button>
      </div>
    </div>
  );
}
