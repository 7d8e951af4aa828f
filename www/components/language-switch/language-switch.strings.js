// The English wording of language-switch; other languages in www/translations/<code>.json.
export default {
  language: "Language",
  easy_read: "Easy Read",
};
