// "Directory checked on …": the day the directory on screen was signed, from its seal,
// shown once the signature has been checked, in the reader's language.
//
// Markup: <p id="checked" hidden>.

export function createCheckedLine(element, wording) {
  let madeOn = null;
  const render = () => {
    element.hidden = !madeOn;
    if (madeOn) element.replaceChildren(...wording.nodes("directory_checked", { date: wording.date(madeOn) }));
  };
  return {
    /** Shows the seal's date (`{ madeOn }`, as components/trust gives it). */
    show(seal) {
      madeOn = seal?.madeOn ?? null;
      render();
    },
    relabel: render,
  };
}
