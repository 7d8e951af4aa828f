// The English wording of exit; other languages in www/translations/<code>.json.
export default {
  exit: "Exit this page",
};
