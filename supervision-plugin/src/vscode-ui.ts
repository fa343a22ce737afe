import * as vscode from 'vscode';
import type { InputRequest, PickItem, Ui } from './ui';

export function createVscodeUi(): Ui {
  return {
    async input(request: InputRequest) {
      return vscode.window.showInputBox({
        title: request.title,
        prompt: request.prompt,
        placeHolder: request.placeHolder,
        value: request.value,
        password: request.password ?? false,
        ignoreFocusOut: true,
        validateInput: request.validate ? (value) => request.validate?.(value) ?? null : undefined,
      });
    },
    async pick<T>(items: PickItem<T>[], options: { title?: string; placeHolder: string }) {
      const chosen = await vscode.window.showQuickPick(
        items.map((item) => ({ label: item.label, description: item.description, detail: item.detail, item })),
        { title: options.title, placeHolder: options.placeHolder, ignoreFocusOut: true, matchOnDescription: true, matchOnDetail: true },
      );
      return chosen?.item.value;
    },
    info(message) {
      void vscode.window.showInformationMessage(message);
    },
    error(message) {
      void vscode.window.showErrorMessage(message);
    },
    async confirm(message, detail, action) {
      const answer = await vscode.window.showWarningMessage(message, { modal: true, detail }, action);
      return answer === action;
    },
  };
}
