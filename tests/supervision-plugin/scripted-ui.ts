/**
 * A `Ui` that answers from a script, the way a person would answer the plugin's prompts, and
 * records everything it was told. An unexpected prompt fails the test with the prompt's text.
 */
import type { InputRequest, PickItem, Ui } from '../../supervision-plugin/src/ui';

export type Answer =
  | { input: string | RegExp; value: string | undefined }
  | { pick: string | RegExp; choose: string | RegExp | undefined }
  | { confirm: string | RegExp; value: boolean };

export interface ScriptedUi extends Ui {
  infos: string[];
  errors: string[];
  /** Every prompt shown, in order. */
  asked: string[];
  /** Validation messages the scripted answers got (they are still given). */
  rejected: string[];
  remaining(): Answer[];
}

const matches = (pattern: string | RegExp, text: string) => (typeof pattern === 'string' ? text.includes(pattern) : pattern.test(text));

export function scriptedUi(script: Answer[]): ScriptedUi {
  const queue = [...script];
  const ui: ScriptedUi = {
    infos: [],
    errors: [],
    asked: [],
    rejected: [],
    remaining: () => [...queue],
    async input(request: InputRequest) {
      ui.asked.push(request.prompt);
      const next = queue.shift();
      if (!next || !('input' in next) || !matches(next.input, request.prompt)) {
        throw new Error(`unexpected input box "${request.prompt}" (script expected ${JSON.stringify(next)})`);
      }
      if (next.value !== undefined) {
        const problem = request.validate?.(next.value);
        if (problem) ui.rejected.push(problem);
      }
      return next.value;
    },
    async pick<T>(items: PickItem<T>[], options: { placeHolder: string }) {
      ui.asked.push(options.placeHolder);
      const next = queue.shift();
      if (!next || !('pick' in next) || !matches(next.pick, options.placeHolder)) {
        throw new Error(`unexpected quick pick "${options.placeHolder}" (script expected ${JSON.stringify(next)})`);
      }
      if (next.choose === undefined) return undefined;
      const item = items.find((i) => matches(next.choose!, `${i.label} ${i.description ?? ''} ${i.detail ?? ''}`));
      if (!item) throw new Error(`no item matching ${String(next.choose)} in ${items.map((i) => i.label).join(', ')}`);
      return item.value;
    },
    info(message) {
      ui.infos.push(message);
    },
    error(message) {
      ui.errors.push(message);
    },
    async confirm(message) {
      ui.asked.push(message);
      const next = queue.shift();
      if (!next || !('confirm' in next) || !matches(next.confirm, message)) {
        throw new Error(`unexpected confirmation "${message}" (script expected ${JSON.stringify(next)})`);
      }
      return next.value;
    },
  };
  return ui;
}
