/** The page's text fields, as the counter's keys and scanner see them. */
import { withoutScanned } from './wedge.js';

/** A text field (or editable element) has the focus: printable keys are its. */
export function isTextField(target: EventTarget | null): boolean {
  return (
    target instanceof HTMLElement &&
    (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName))
  );
}

/** The scanner typed a code into the focused field: take it back out (and tell the field's bindings). */
export function removeScannedText(code: string): void {
  const field = document.activeElement;
  if (!(field instanceof HTMLInputElement || field instanceof HTMLTextAreaElement)) return;
  const caret = field.selectionEnd ?? field.value.length;
  const cleaned = withoutScanned(field.value, caret, code);
  if (!cleaned) return;
  field.value = cleaned.value;
  field.setSelectionRange(cleaned.caret, cleaned.caret);
  field.dispatchEvent(new Event('input', { bubbles: true }));
}

/** A modal dialog is open: its own keys only (a PIN is never taken for a code or a command). */
export function dialogOpen(): boolean {
  return document.querySelector('dialog[open]') !== null;
}
