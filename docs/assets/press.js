// A button that needs a script is shown as soon as workbook.js runs, a moment before the
// module that handles it has loaded (on a slow phone, seconds). workbook.js notes a press
// in that moment on the button; the handler answers it once it is in place, so a quick tap
// on "Print" or "Download" is never silently lost.

/**
 * @param {HTMLButtonElement | null} button
 * @param {(event: Event) => void} handler
 */
export function onPress(button, handler) {
  if (!button) return;
  button.addEventListener("click", handler);
  button.dataset.wired = "true";
  if (button.dataset.pressedEarly) {
    delete button.dataset.pressedEarly;
    button.click();
  }
}
