/**
 * What the command flows need from the editor, passed in as capabilities (STYLE: hosts pass
 * capabilities in). The flows never import `vscode`, so vitest can drive them with scripted
 * answers; `vscode-ui.ts` is the real implementation.
 */
export interface InputRequest {
  title?: string;
  prompt: string;
  placeHolder?: string;
  value?: string;
  password?: boolean;
  /** A message when the value is not acceptable, `undefined` when it is. */
  validate?: (value: string) => string | undefined;
}

export interface PickItem<T> {
  label: string;
  description?: string;
  detail?: string;
  value: T;
}

export interface Ui {
  /** `undefined` when the person cancelled. */
  input(request: InputRequest): Promise<string | undefined>;
  pick<T>(items: PickItem<T>[], options: { title?: string; placeHolder: string }): Promise<T | undefined>;
  info(message: string): void;
  error(message: string): void;
  /** A modal question; resolves to the chosen action, `undefined` on cancel. */
  confirm(message: string, detail: string, action: string): Promise<boolean>;
}
